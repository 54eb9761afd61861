using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Stayfull.Domain.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class StaffAccess : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "HousekeepingShift",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    HotelId = table.Column<Guid>(type: "uuid", nullable: false),
                    StaffUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    StaffName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    StartsAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    EndsAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    Code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    EndedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HousekeepingShift", x => x.Id);
                    table.ForeignKey(
                        name: "FK_HousekeepingShift_Hotels_HotelId",
                        column: x => x.HotelId,
                        principalTable: "Hotels",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RemoteDoorCommand",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    HotelId = table.Column<Guid>(type: "uuid", nullable: false),
                    RequestId = table.Column<Guid>(type: "uuid", nullable: false),
                    RoomId = table.Column<Guid>(type: "uuid", nullable: false),
                    RoomDeviceId = table.Column<Guid>(type: "uuid", nullable: false),
                    Action = table.Column<int>(type: "integer", nullable: false),
                    Reason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RequestedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    RequestedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    ActionAttemptId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Error = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    CompletedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RemoteDoorCommand", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RemoteDoorCommand_Hotels_HotelId",
                        column: x => x.HotelId,
                        principalTable: "Hotels",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_RemoteDoorCommand_RoomDevices_RoomDeviceId",
                        column: x => x.RoomDeviceId,
                        principalTable: "RoomDevices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RemoteDoorCommand_Rooms_RoomId",
                        column: x => x.RoomId,
                        principalTable: "Rooms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ShiftRoomCode",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    HotelId = table.Column<Guid>(type: "uuid", nullable: false),
                    ShiftId = table.Column<Guid>(type: "uuid", nullable: false),
                    RoomId = table.Column<Guid>(type: "uuid", nullable: false),
                    RoomDeviceId = table.Column<Guid>(type: "uuid", nullable: false),
                    Issue = table.Column<int>(type: "integer", nullable: false),
                    SeamAccessCodeId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    LastError = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ShiftRoomCode", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ShiftRoomCode_Hotels_HotelId",
                        column: x => x.HotelId,
                        principalTable: "Hotels",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ShiftRoomCode_HousekeepingShift_ShiftId",
                        column: x => x.ShiftId,
                        principalTable: "HousekeepingShift",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ShiftRoomCode_RoomDevices_RoomDeviceId",
                        column: x => x.RoomDeviceId,
                        principalTable: "RoomDevices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ShiftRoomCode_Rooms_RoomId",
                        column: x => x.RoomId,
                        principalTable: "Rooms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_HousekeepingShift_HotelId_StaffUserId",
                table: "HousekeepingShift",
                columns: new[] { "HotelId", "StaffUserId" });

            migrationBuilder.CreateIndex(
                name: "IX_HousekeepingShift_HotelId_Status_EndsAt",
                table: "HousekeepingShift",
                columns: new[] { "HotelId", "Status", "EndsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_RemoteDoorCommand_HotelId_ActionAttemptId",
                table: "RemoteDoorCommand",
                columns: new[] { "HotelId", "ActionAttemptId" });

            migrationBuilder.CreateIndex(
                name: "IX_RemoteDoorCommand_HotelId_RequestId",
                table: "RemoteDoorCommand",
                columns: new[] { "HotelId", "RequestId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RemoteDoorCommand_HotelId_RoomId_RequestedAt",
                table: "RemoteDoorCommand",
                columns: new[] { "HotelId", "RoomId", "RequestedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_RemoteDoorCommand_RoomDeviceId",
                table: "RemoteDoorCommand",
                column: "RoomDeviceId");

            migrationBuilder.CreateIndex(
                name: "IX_RemoteDoorCommand_RoomId",
                table: "RemoteDoorCommand",
                column: "RoomId");

            migrationBuilder.CreateIndex(
                name: "IX_ShiftRoomCode_HotelId_SeamAccessCodeId",
                table: "ShiftRoomCode",
                columns: new[] { "HotelId", "SeamAccessCodeId" });

            migrationBuilder.CreateIndex(
                name: "IX_ShiftRoomCode_HotelId_ShiftId_RoomId_Issue",
                table: "ShiftRoomCode",
                columns: new[] { "HotelId", "ShiftId", "RoomId", "Issue" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ShiftRoomCode_RoomDeviceId",
                table: "ShiftRoomCode",
                column: "RoomDeviceId");

            migrationBuilder.CreateIndex(
                name: "IX_ShiftRoomCode_RoomId",
                table: "ShiftRoomCode",
                column: "RoomId");

            migrationBuilder.CreateIndex(
                name: "IX_ShiftRoomCode_ShiftId",
                table: "ShiftRoomCode",
                column: "ShiftId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RemoteDoorCommand");

            migrationBuilder.DropTable(
                name: "ShiftRoomCode");

            migrationBuilder.DropTable(
                name: "HousekeepingShift");
        }
    }
}
