using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Stayfull.Domain.Data.Migrations.Sqlite
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    HotelId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReservationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StayConfirmedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    StayConfirmedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    DetailsSavedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DetailsSavedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    TermsAcceptedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    TermsAcceptedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    PaymentCompletedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    PaymentCompletedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    FullName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Street = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    City = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    PostalCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Country = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Nationality = table.Column<string>(type: "TEXT", maxLength: 2, nullable: true),
                    DocumentType = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    DocumentNumber = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    EstimatedArrival = table.Column<TimeOnly>(type: "TEXT", nullable: true),
                    SpecialRequests = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    PolicyVersion = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    SignatureText = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    SignatureImage = table.Column<string>(type: "TEXT", maxLength: 200000, nullable: true),
                    AcceptedFromIp = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    FailedAttempts = table.Column<int>(type: "INTEGER", nullable: false),
                    LockedUntil = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
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
