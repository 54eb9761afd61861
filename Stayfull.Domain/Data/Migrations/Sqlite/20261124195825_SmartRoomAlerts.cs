using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Stayfull.Domain.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SmartRoomAlerts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "BatteryReportedAt",
                table: "RoomDevices",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<string>(
                name: "BatteryStatus",
                table: "RoomDevices",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ConnectionReportedAt",
                table: "RoomDevices",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<int>(
                name: "DenialStreak",
                table: "RoomDevices",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "DenialStreakStartedAt",
                table: "RoomDevices",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Errors",
                table: "RoomDevices",
                type: "TEXT",
                maxLength: 4000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<long>(
                name: "LastDeniedAt",
                table: "RoomDevices",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "LockReportedAt",
                table: "RoomDevices",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<string>(
                name: "Warnings",
                table: "RoomDevices",
                type: "TEXT",
                maxLength: 4000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "SmartRoomAlerts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    HotelId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RoomDeviceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    OpenKind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Message = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    RaisedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LastRaisedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Occurrences = table.Column<int>(type: "INTEGER", nullable: false),
                    ResolvedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    AcknowledgedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    AcknowledgedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
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
