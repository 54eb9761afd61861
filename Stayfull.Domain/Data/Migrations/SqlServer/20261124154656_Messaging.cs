using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Stayfull.Domain.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class Messaging : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "EmailBounceReason",
                table: "Guests",
                type: "nvarchar(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "EmailBouncedAt",
                table: "Guests",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SmsNumber",
                table: "Guests",
                type: "nvarchar(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "SmsOptedOutAt",
                table: "Guests",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "GuestMessages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    HotelId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    GuestId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    ReservationId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    Channel = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    Direction = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    To = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    From = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    Subject = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    Body = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    HtmlBody = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    TemplateKey = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    VendorMessageId = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: true),
                    Status = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    StatusChangedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Error = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    IsDemo = table.Column<bool>(type: "bit", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GuestMessages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GuestMessages_Guests_GuestId",
                        column: x => x.GuestId,
                        principalTable: "Guests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_GuestMessages_Hotels_HotelId",
                        column: x => x.HotelId,
                        principalTable: "Hotels",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_GuestMessages_Reservations_ReservationId",
                        column: x => x.ReservationId,
                        principalTable: "Reservations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MessageTemplates",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    HotelId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Key = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    Subject = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Body = table.Column<string>(type: "nvarchar(max)", maxLength: 10000, nullable: false),
                    SmsText = table.Column<string>(type: "nvarchar(640)", maxLength: 640, nullable: false),
                    UpdatedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MessageTemplates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MessageTemplates_Hotels_HotelId",
                        column: x => x.HotelId,
                        principalTable: "Hotels",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "GuestMessageStatusChanges",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    HotelId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    MessageId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Status = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Detail = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GuestMessageStatusChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GuestMessageStatusChanges_GuestMessages_MessageId",
                        column: x => x.MessageId,
                        principalTable: "GuestMessages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Guests_HotelId_SmsNumber",
                table: "Guests",
                columns: new[] { "HotelId", "SmsNumber" });

            migrationBuilder.CreateIndex(
                name: "IX_GuestMessages_GuestId",
                table: "GuestMessages",
                column: "GuestId");

            migrationBuilder.CreateIndex(
                name: "IX_GuestMessages_HotelId_Channel_To",
                table: "GuestMessages",
                columns: new[] { "HotelId", "Channel", "To" });

            migrationBuilder.CreateIndex(
                name: "IX_GuestMessages_HotelId_GuestId_CreatedAt",
                table: "GuestMessages",
                columns: new[] { "HotelId", "GuestId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_GuestMessages_HotelId_ReservationId",
                table: "GuestMessages",
                columns: new[] { "HotelId", "ReservationId" });

            migrationBuilder.CreateIndex(
                name: "IX_GuestMessages_HotelId_VendorMessageId",
                table: "GuestMessages",
                columns: new[] { "HotelId", "VendorMessageId" },
                unique: true,
                filter: "[VendorMessageId] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_GuestMessages_ReservationId",
                table: "GuestMessages",
                column: "ReservationId");

            migrationBuilder.CreateIndex(
                name: "IX_GuestMessageStatusChanges_HotelId",
                table: "GuestMessageStatusChanges",
                column: "HotelId");

            migrationBuilder.CreateIndex(
                name: "IX_GuestMessageStatusChanges_MessageId_Status",
                table: "GuestMessageStatusChanges",
                columns: new[] { "MessageId", "Status" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MessageTemplates_HotelId_Key",
                table: "MessageTemplates",
                columns: new[] { "HotelId", "Key" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "GuestMessageStatusChanges");

            migrationBuilder.DropTable(
                name: "MessageTemplates");

            migrationBuilder.DropTable(
                name: "GuestMessages");

            migrationBuilder.DropIndex(
                name: "IX_Guests_HotelId_SmsNumber",
                table: "Guests");

            migrationBuilder.DropColumn(
                name: "EmailBounceReason",
                table: "Guests");

            migrationBuilder.DropColumn(
                name: "EmailBouncedAt",
                table: "Guests");

            migrationBuilder.DropColumn(
                name: "SmsNumber",
                table: "Guests");

            migrationBuilder.DropColumn(
                name: "SmsOptedOutAt",
                table: "Guests");
        }
    }
}
