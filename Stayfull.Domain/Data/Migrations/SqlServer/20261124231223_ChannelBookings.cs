using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Stayfull.Domain.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class ChannelBookings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AppliedChannelRevisions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    HotelId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    RevisionId = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    UniqueId = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Status = table.Column<int>(type: "int", nullable: false),
                    InsertedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Outcome = table.Column<int>(type: "int", nullable: false),
                    AppliedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    AcknowledgedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AppliedChannelRevisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AppliedChannelRevisions_Hotels_HotelId",
                        column: x => x.HotelId,
                        principalTable: "Hotels",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ChannelBookings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    HotelId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ChannelBookingId = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    UniqueId = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    OtaReservationCode = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    OtaName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Status = table.Column<int>(type: "int", nullable: false),
                    LastRevisionId = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    LastRevisionInsertedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Arrival = table.Column<DateOnly>(type: "date", nullable: false),
                    Departure = table.Column<DateOnly>(type: "date", nullable: false),
                    GuestId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    GuestName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    GuestCountry = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: true),
                    GuestLanguage = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: true),
                    Adults = table.Column<int>(type: "int", nullable: false),
                    Children = table.Column<int>(type: "int", nullable: false),
                    AmountMinor = table.Column<long>(type: "bigint", nullable: true),
                    Currency = table.Column<string>(type: "nvarchar(3)", maxLength: 3, nullable: false),
                    OtaCommissionMinor = table.Column<long>(type: "bigint", nullable: true),
                    PaymentCollect = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: true),
                    PaymentType = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: true),
                    Notes = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    Attention = table.Column<int>(type: "int", nullable: false),
                    AttentionReason = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChannelBookings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ChannelBookings_Hotels_HotelId",
                        column: x => x.HotelId,
                        principalTable: "Hotels",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ChannelBookingRooms",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    HotelId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ChannelBookingId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Index = table.Column<int>(type: "int", nullable: false),
                    ReservationId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    ChannelRoomTypeId = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    ChannelRatePlanId = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    CheckIn = table.Column<DateOnly>(type: "date", nullable: false),
                    CheckOut = table.Column<DateOnly>(type: "date", nullable: false),
                    Adults = table.Column<int>(type: "int", nullable: false),
                    Children = table.Column<int>(type: "int", nullable: false),
                    NightlyAmounts = table.Column<string>(type: "nvarchar(max)", maxLength: 20000, nullable: false),
                    Amount = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChannelBookingRooms", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ChannelBookingRooms_ChannelBookings_ChannelBookingId",
                        column: x => x.ChannelBookingId,
                        principalTable: "ChannelBookings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ChannelBookingRooms_Hotels_HotelId",
                        column: x => x.HotelId,
                        principalTable: "Hotels",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ChannelBookingRooms_Reservations_ReservationId",
                        column: x => x.ReservationId,
                        principalTable: "Reservations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AppliedChannelRevisions_HotelId_RevisionId",
                table: "AppliedChannelRevisions",
                columns: new[] { "HotelId", "RevisionId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ChannelBookingRooms_ChannelBookingId_Index",
                table: "ChannelBookingRooms",
                columns: new[] { "ChannelBookingId", "Index" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ChannelBookingRooms_HotelId_ReservationId",
                table: "ChannelBookingRooms",
                columns: new[] { "HotelId", "ReservationId" });

            migrationBuilder.CreateIndex(
                name: "IX_ChannelBookingRooms_ReservationId",
                table: "ChannelBookingRooms",
                column: "ReservationId");

            migrationBuilder.CreateIndex(
                name: "IX_ChannelBookings_HotelId_Attention",
                table: "ChannelBookings",
                columns: new[] { "HotelId", "Attention" });

            migrationBuilder.CreateIndex(
                name: "IX_ChannelBookings_HotelId_ChannelBookingId",
                table: "ChannelBookings",
                columns: new[] { "HotelId", "ChannelBookingId" });

            migrationBuilder.CreateIndex(
                name: "IX_ChannelBookings_HotelId_UniqueId",
                table: "ChannelBookings",
                columns: new[] { "HotelId", "UniqueId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AppliedChannelRevisions");

            migrationBuilder.DropTable(
                name: "ChannelBookingRooms");

            migrationBuilder.DropTable(
                name: "ChannelBookings");
        }
    }
}
