using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Stayfull.Domain.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Upsells : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AcceptedUpsells",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    HotelId = table.Column<Guid>(type: "uuid", nullable: false),
                    ReservationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Time = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    PriceMinor = table.Column<long>(type: "bigint", nullable: false),
                    Currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    FolioEntryId = table.Column<Guid>(type: "uuid", nullable: false),
                    AcceptedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    AcceptedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AcceptedUpsells", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AcceptedUpsells_FolioEntries_FolioEntryId",
                        column: x => x.FolioEntryId,
                        principalTable: "FolioEntries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AcceptedUpsells_Hotels_HotelId",
                        column: x => x.HotelId,
                        principalTable: "Hotels",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AcceptedUpsells_Reservations_ReservationId",
                        column: x => x.ReservationId,
                        principalTable: "Reservations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "UpsellSettings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    HotelId = table.Column<Guid>(type: "uuid", nullable: false),
                    EarlyCheckInEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    EarlyCheckInFrom = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    EarlyCheckInPriceMinor = table.Column<long>(type: "bigint", nullable: false),
                    LateCheckOutEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    LateCheckOutUntil = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    LateCheckOutPriceMinor = table.Column<long>(type: "bigint", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UpsellSettings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_UpsellSettings_Hotels_HotelId",
                        column: x => x.HotelId,
                        principalTable: "Hotels",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AcceptedUpsells_FolioEntryId",
                table: "AcceptedUpsells",
                column: "FolioEntryId");

            migrationBuilder.CreateIndex(
                name: "IX_AcceptedUpsells_HotelId",
                table: "AcceptedUpsells",
                column: "HotelId");

            migrationBuilder.CreateIndex(
                name: "IX_AcceptedUpsells_ReservationId_Kind",
                table: "AcceptedUpsells",
                columns: new[] { "ReservationId", "Kind" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_UpsellSettings_HotelId",
                table: "UpsellSettings",
                column: "HotelId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AcceptedUpsells");

            migrationBuilder.DropTable(
                name: "UpsellSettings");
        }
    }
}
