using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Stayfull.Domain.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ChannelMappings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ChannelRatePlanMappings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    HotelId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RoomTypeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RatePlanId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChannelRatePlanId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ChannelTitle = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChannelRatePlanMappings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ChannelRatePlanMappings_Hotels_HotelId",
                        column: x => x.HotelId,
                        principalTable: "Hotels",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ChannelRatePlanMappings_RatePlans_RatePlanId",
                        column: x => x.RatePlanId,
                        principalTable: "RatePlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ChannelRatePlanMappings_RoomTypes_RoomTypeId",
                        column: x => x.RoomTypeId,
                        principalTable: "RoomTypes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ChannelRoomTypeMappings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    HotelId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RoomTypeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChannelRoomTypeId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ChannelTitle = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChannelRoomTypeMappings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ChannelRoomTypeMappings_Hotels_HotelId",
                        column: x => x.HotelId,
                        principalTable: "Hotels",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ChannelRoomTypeMappings_RoomTypes_RoomTypeId",
                        column: x => x.RoomTypeId,
                        principalTable: "RoomTypes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ChannelRatePlanMappings_HotelId_ChannelRatePlanId",
                table: "ChannelRatePlanMappings",
                columns: new[] { "HotelId", "ChannelRatePlanId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ChannelRatePlanMappings_HotelId_RoomTypeId_RatePlanId",
                table: "ChannelRatePlanMappings",
                columns: new[] { "HotelId", "RoomTypeId", "RatePlanId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ChannelRatePlanMappings_RatePlanId",
                table: "ChannelRatePlanMappings",
                column: "RatePlanId");

            migrationBuilder.CreateIndex(
                name: "IX_ChannelRatePlanMappings_RoomTypeId",
                table: "ChannelRatePlanMappings",
                column: "RoomTypeId");

            migrationBuilder.CreateIndex(
                name: "IX_ChannelRoomTypeMappings_HotelId_ChannelRoomTypeId",
                table: "ChannelRoomTypeMappings",
                columns: new[] { "HotelId", "ChannelRoomTypeId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ChannelRoomTypeMappings_HotelId_RoomTypeId",
                table: "ChannelRoomTypeMappings",
                columns: new[] { "HotelId", "RoomTypeId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ChannelRoomTypeMappings_RoomTypeId",
                table: "ChannelRoomTypeMappings",
                column: "RoomTypeId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ChannelRatePlanMappings");

            migrationBuilder.DropTable(
                name: "ChannelRoomTypeMappings");
        }
    }
}
