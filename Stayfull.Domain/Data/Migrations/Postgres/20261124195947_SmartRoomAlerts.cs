using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Stayfull.Domain.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SmartRoomAlerts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "BatteryReportedAt",
                table: "RoomDevices",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            migrationBuilder.AddColumn<string>(
                name: "BatteryStatus",
                table: "RoomDevices",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ConnectionReportedAt",
                table: "RoomDevices",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            migrationBuilder.AddColumn<int>(
                name: "DenialStreak",
                table: "RoomDevices",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "DenialStreakStartedAt",
                table: "RoomDevices",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Errors",
                table: "RoomDevices",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "LastDeniedAt",
                table: "RoomDevices",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "LockReportedAt",
                table: "RoomDevices",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            migrationBuilder.AddColumn<string>(
                name: "Warnings",
                table: "RoomDevices",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "SmartRoomAlerts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    HotelId = table.Column<Guid>(type: "uuid", nullable: false),
                    RoomDeviceId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    OpenKind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Message = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    RaisedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    LastRaisedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Occurrences = table.Column<int>(type: "integer", nullable: false),
                    ResolvedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    AcknowledgedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    AcknowledgedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SmartRoomAlerts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SmartRoomAlerts_Hotels_HotelId",
                        column: x => x.HotelId,
                        principalTable: "Hotels",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SmartRoomAlerts_RoomDevices_RoomDeviceId",
                        column: x => x.RoomDeviceId,
                        principalTable: "RoomDevices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SmartRoomAlerts_HotelId_AcknowledgedAt",
                table: "SmartRoomAlerts",
                columns: new[] { "HotelId", "AcknowledgedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_SmartRoomAlerts_HotelId_RoomDeviceId_OpenKind",
                table: "SmartRoomAlerts",
                columns: new[] { "HotelId", "RoomDeviceId", "OpenKind" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SmartRoomAlerts_RoomDeviceId",
                table: "SmartRoomAlerts",
                column: "RoomDeviceId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SmartRoomAlerts");

            migrationBuilder.DropColumn(
                name: "BatteryReportedAt",
                table: "RoomDevices");

            migrationBuilder.DropColumn(
                name: "BatteryStatus",
                table: "RoomDevices");

            migrationBuilder.DropColumn(
                name: "ConnectionReportedAt",
                table: "RoomDevices");

            migrationBuilder.DropColumn(
                name: "DenialStreak",
                table: "RoomDevices");

            migrationBuilder.DropColumn(
                name: "DenialStreakStartedAt",
                table: "RoomDevices");

            migrationBuilder.DropColumn(
                name: "Errors",
                table: "RoomDevices");

            migrationBuilder.DropColumn(
                name: "LastDeniedAt",
                table: "RoomDevices");

            migrationBuilder.DropColumn(
                name: "LockReportedAt",
                table: "RoomDevices");

            migrationBuilder.DropColumn(
                name: "Warnings",
                table: "RoomDevices");
        }
    }
}
