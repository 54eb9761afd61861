using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Stayfull.Domain.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AriSync : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AriCalls",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    HotelId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ValueCount = table.Column<int>(type: "integer", nullable: false),
                    From = table.Column<DateOnly>(type: "date", nullable: false),
                    To = table.Column<DateOnly>(type: "date", nullable: false),
                    IsFullSync = table.Column<bool>(type: "boolean", nullable: false),
                    Succeeded = table.Column<bool>(type: "boolean", nullable: false),
                    IsDemo = table.Column<bool>(type: "boolean", nullable: false),
                    WarningCount = table.Column<int>(type: "integer", nullable: false),
                    TaskIds = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Problem = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AriCalls", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AriCalls_Hotels_HotelId",
                        column: x => x.HotelId,
                        principalTable: "Hotels",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AriPendingChanges",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    HotelId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    RoomTypeId = table.Column<Guid>(type: "uuid", nullable: true),
                    From = table.Column<DateOnly>(type: "date", nullable: false),
                    To = table.Column<DateOnly>(type: "date", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    IsFullSync = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AriPendingChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AriPendingChanges_Hotels_HotelId",
                        column: x => x.HotelId,
                        principalTable: "Hotels",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AriSyncErrors",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    HotelId = table.Column<Guid>(type: "uuid", nullable: false),
                    Source = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Channel = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Item = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Message = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    EventKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    DismissedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DismissedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AriSyncErrors", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AriSyncErrors_Hotels_HotelId",
                        column: x => x.HotelId,
                        principalTable: "Hotels",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AriSyncStates",
                columns: table => new
                {
                    HotelId = table.Column<Guid>(type: "uuid", nullable: false),
                    LockedUntil = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    AvailabilityPausedUntil = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    AvailabilityFailures = table.Column<int>(type: "integer", nullable: false),
                    AvailabilityParked = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    RestrictionsPausedUntil = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RestrictionsFailures = table.Column<int>(type: "integer", nullable: false),
                    RestrictionsParked = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    LastFullSyncQueuedFor = table.Column<DateOnly>(type: "date", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AriSyncStates", x => x.HotelId);
                    table.ForeignKey(
                        name: "FK_AriSyncStates_Hotels_HotelId",
                        column: x => x.HotelId,
                        principalTable: "Hotels",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AriCalls_HotelId_At",
                table: "AriCalls",
                columns: new[] { "HotelId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_AriCalls_HotelId_Kind_At",
                table: "AriCalls",
                columns: new[] { "HotelId", "Kind", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_AriPendingChanges_HotelId_Kind",
                table: "AriPendingChanges",
                columns: new[] { "HotelId", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_AriSyncErrors_HotelId_DismissedAt_At",
                table: "AriSyncErrors",
                columns: new[] { "HotelId", "DismissedAt", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_AriSyncErrors_HotelId_EventKey",
                table: "AriSyncErrors",
                columns: new[] { "HotelId", "EventKey" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AriCalls");

            migrationBuilder.DropTable(
                name: "AriPendingChanges");

            migrationBuilder.DropTable(
                name: "AriSyncErrors");

            migrationBuilder.DropTable(
                name: "AriSyncStates");
        }
    }
}
