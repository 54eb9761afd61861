using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Stayfull.Domain.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RoomClimate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ClimateSettings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    HotelId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ComfortHeatingCelsius = table.Column<decimal>(type: "TEXT", precision: 4, scale: 1, nullable: false),
                    ComfortCoolingCelsius = table.Column<decimal>(type: "TEXT", precision: 4, scale: 1, nullable: false),
                    EcoHeatingCelsius = table.Column<decimal>(type: "TEXT", precision: 4, scale: 1, nullable: false),
                    EcoCoolingCelsius = table.Column<decimal>(type: "TEXT", precision: 4, scale: 1, nullable: false),
                    PreConditionMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    EcoSavingKilowatts = table.Column<decimal>(type: "TEXT", precision: 6, scale: 3, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClimateSettings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ClimateSettings_Hotels_HotelId",
                        column: x => x.HotelId,
                        principalTable: "Hotels",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EcoPeriods",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    HotelId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RoomDeviceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    EndedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EcoPeriods", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EcoPeriods_Hotels_HotelId",
                        column: x => x.HotelId,
                        principalTable: "Hotels",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_EcoPeriods_RoomDevices_RoomDeviceId",
                        column: x => x.RoomDeviceId,
                        principalTable: "RoomDevices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RoomClimates",
                columns: table => new
                {
                    RoomDeviceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    HotelId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RequestedMode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    HeatingCelsius = table.Column<decimal>(type: "TEXT", precision: 4, scale: 1, nullable: true),
                    CoolingCelsius = table.Column<decimal>(type: "TEXT", precision: 4, scale: 1, nullable: true),
                    RequestedSince = table.Column<long>(type: "INTEGER", nullable: true),
                    RequestId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ActionAttemptId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    TemperatureCelsius = table.Column<double>(type: "REAL", nullable: true),
                    TemperatureAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReportedMode = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ReportedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ManuallyAdjustedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReachedSetPointAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RoomClimates", x => x.RoomDeviceId);
                    table.ForeignKey(
                        name: "FK_RoomClimates_Hotels_HotelId",
                        column: x => x.HotelId,
                        principalTable: "Hotels",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_RoomClimates_RoomDevices_RoomDeviceId",
                        column: x => x.RoomDeviceId,
                        principalTable: "RoomDevices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ClimateSettings_HotelId",
                table: "ClimateSettings",
                column: "HotelId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EcoPeriods_HotelId_RoomDeviceId_EndedAt",
                table: "EcoPeriods",
                columns: new[] { "HotelId", "RoomDeviceId", "EndedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_EcoPeriods_HotelId_StartedAt",
                table: "EcoPeriods",
                columns: new[] { "HotelId", "StartedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_EcoPeriods_RoomDeviceId",
                table: "EcoPeriods",
                column: "RoomDeviceId");

            migrationBuilder.CreateIndex(
                name: "IX_RoomClimates_HotelId",
                table: "RoomClimates",
                column: "HotelId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ClimateSettings");

            migrationBuilder.DropTable(
                name: "EcoPeriods");

            migrationBuilder.DropTable(
                name: "RoomClimates");
        }
    }
}
