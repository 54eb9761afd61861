using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Stayfull.Domain.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class PreCheckIn : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PreCheckIns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    HotelId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ReservationId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    StayConfirmedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    StayConfirmedBy = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    DetailsSavedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    DetailsSavedBy = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    TermsAcceptedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    TermsAcceptedBy = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    PaymentCompletedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    PaymentCompletedBy = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    FullName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    Email = table.Column<string>(type: "nvarchar(254)", maxLength: 254, nullable: true),
                    Phone = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: true),
                    Street = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    City = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    PostalCode = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: true),
                    Country = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    Nationality = table.Column<string>(type: "nvarchar(2)", maxLength: 2, nullable: true),
                    DocumentType = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: true),
                    DocumentNumber = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: true),
                    EstimatedArrival = table.Column<TimeOnly>(type: "time", nullable: true),
                    SpecialRequests = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    PolicyVersion = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: true),
                    SignatureText = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    SignatureImage = table.Column<string>(type: "nvarchar(max)", maxLength: 200000, nullable: true),
                    AcceptedFromIp = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    FailedAttempts = table.Column<int>(type: "int", nullable: false),
                    LockedUntil = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PreCheckIns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PreCheckIns_Hotels_HotelId",
                        column: x => x.HotelId,
                        principalTable: "Hotels",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PreCheckIns_Reservations_ReservationId",
                        column: x => x.ReservationId,
                        principalTable: "Reservations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PreCheckIns_HotelId_ReservationId",
                table: "PreCheckIns",
                columns: new[] { "HotelId", "ReservationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PreCheckIns_ReservationId",
                table: "PreCheckIns",
                column: "ReservationId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PreCheckIns");
        }
    }
}
