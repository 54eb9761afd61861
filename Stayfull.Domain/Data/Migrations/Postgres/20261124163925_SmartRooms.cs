using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Stayfull.Domain.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SmartRooms : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "RoomDevices",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    HotelId = table.Column<Guid>(type: "uuid", nullable: false),
                    RoomId = table.Column<Guid>(type: "uuid", nullable: true),
                    SeamDeviceId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Manufacturer = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Model = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    DisplayName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Online = table.Column<bool>(type: "boolean", nullable: false),
                    Locked = table.Column<bool>(type: "boolean", nullable: true),
                    DoorOpen = table.Column<bool>(type: "boolean", nullable: true),
                    BatteryLevel = table.Column<double>(type: "double precision", nullable: true),
                    SupportedCodeLengths = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    LastSeenAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RoomDevices", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RoomDevices_Hotels_HotelId",
                        column: x => x.HotelId,
                        principalTable: "Hotels",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_RoomDevices_Rooms_RoomId",
                        column: x => x.RoomId,
                        principalTable: "Rooms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AccessKeys",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    HotelId = table.Column<Guid>(type: "uuid", nullable: false),
                    ReservationId = table.Column<Guid>(type: "uuid", nullable: false),
                    RoomId = table.Column<Guid>(type: "uuid", nullable: false),
                    RoomDeviceId = table.Column<Guid>(type: "uuid", nullable: false),
                    SeamAccessCodeId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    StartsAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    EndsAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    LastError = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    SentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AccessKeys", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AccessKeys_Hotels_HotelId",
                        column: x => x.HotelId,
                        principalTable: "Hotels",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AccessKeys_Reservations_ReservationId",
                        column: x => x.ReservationId,
                        principalTable: "Reservations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AccessKeys_RoomDevices_RoomDeviceId",
                        column: x => x.RoomDeviceId,
                        principalTable: "RoomDevices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AccessKeys_Rooms_RoomId",
                        column: x => x.RoomId,
                        principalTable: "Rooms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AccessKeys_HotelId_ReservationId_RoomId",
                table: "AccessKeys",
                columns: new[] { "HotelId", "ReservationId", "RoomId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AccessKeys_HotelId_SeamAccessCodeId",
                table: "AccessKeys",
                columns: new[] { "HotelId", "SeamAccessCodeId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AccessKeys_ReservationId",
                table: "AccessKeys",
                column: "ReservationId");

            migrationBuilder.CreateIndex(
                name: "IX_AccessKeys_RoomDeviceId",
                table: "AccessKeys",
                column: "RoomDeviceId");

            migrationBuilder.CreateIndex(
                name: "IX_AccessKeys_RoomId",
                table: "AccessKeys",
                column: "RoomId");

            migrationBuilder.CreateIndex(
                name: "IX_RoomDevices_HotelId_RoomId",
                table: "RoomDevices",
                columns: new[] { "HotelId", "RoomId" });

            migrationBuilder.CreateIndex(
                name: "IX_RoomDevices_HotelId_SeamDeviceId",
                table: "RoomDevices",
                columns: new[] { "HotelId", "SeamDeviceId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RoomDevices_RoomId",
                table: "RoomDevices",
                column: "RoomId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AccessKeys");

            migrationBuilder.DropTable(
                name: "RoomDevices");
        }
    }
}
