using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Stayfull.Domain.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class UnifiedInbox : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "ConversationId",
                table: "GuestMessages",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "IsAutomatic",
                table: "GuestMessages",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "SentBy",
                table: "GuestMessages",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CannedReplies",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    HotelId = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    Text = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CannedReplies", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CannedReplies_Hotels_HotelId",
                        column: x => x.HotelId,
                        principalTable: "Hotels",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Conversations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    HotelId = table.Column<Guid>(type: "uuid", nullable: false),
                    GuestId = table.Column<Guid>(type: "uuid", nullable: true),
                    ReservationId = table.Column<Guid>(type: "uuid", nullable: true),
                    ChannelBookingId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    UnknownSender = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    LastMessageAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    LastInboundChannel = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    UnreadCount = table.Column<int>(type: "integer", nullable: false),
                    IsUnanswered = table.Column<bool>(type: "boolean", nullable: false),
                    AssignedToUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    AssignedToName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Conversations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Conversations_Guests_GuestId",
                        column: x => x.GuestId,
                        principalTable: "Guests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Conversations_Hotels_HotelId",
                        column: x => x.HotelId,
                        principalTable: "Hotels",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Conversations_Reservations_ReservationId",
                        column: x => x.ReservationId,
                        principalTable: "Reservations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ConversationNotes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    HotelId = table.Column<Guid>(type: "uuid", nullable: false),
                    ConversationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Author = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConversationNotes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConversationNotes_Conversations_ConversationId",
                        column: x => x.ConversationId,
                        principalTable: "Conversations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_GuestMessages_ConversationId",
                table: "GuestMessages",
                column: "ConversationId");

            migrationBuilder.CreateIndex(
                name: "IX_GuestMessages_HotelId_ConversationId_CreatedAt",
                table: "GuestMessages",
                columns: new[] { "HotelId", "ConversationId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CannedReplies_HotelId_Position",
                table: "CannedReplies",
                columns: new[] { "HotelId", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_ConversationNotes_ConversationId",
                table: "ConversationNotes",
                column: "ConversationId");

            migrationBuilder.CreateIndex(
                name: "IX_ConversationNotes_HotelId_ConversationId",
                table: "ConversationNotes",
                columns: new[] { "HotelId", "ConversationId" });

            migrationBuilder.CreateIndex(
                name: "IX_Conversations_GuestId",
                table: "Conversations",
                column: "GuestId");

            migrationBuilder.CreateIndex(
                name: "IX_Conversations_HotelId_ChannelBookingId",
                table: "Conversations",
                columns: new[] { "HotelId", "ChannelBookingId" });

            migrationBuilder.CreateIndex(
                name: "IX_Conversations_HotelId_GuestId",
                table: "Conversations",
                columns: new[] { "HotelId", "GuestId" });

            migrationBuilder.CreateIndex(
                name: "IX_Conversations_HotelId_LastMessageAt",
                table: "Conversations",
                columns: new[] { "HotelId", "LastMessageAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Conversations_HotelId_ReservationId",
                table: "Conversations",
                columns: new[] { "HotelId", "ReservationId" });

            migrationBuilder.CreateIndex(
                name: "IX_Conversations_HotelId_UnknownSender",
                table: "Conversations",
                columns: new[] { "HotelId", "UnknownSender" });

            migrationBuilder.CreateIndex(
                name: "IX_Conversations_ReservationId",
                table: "Conversations",
                column: "ReservationId");

            migrationBuilder.AddForeignKey(
                name: "FK_GuestMessages_Conversations_ConversationId",
                table: "GuestMessages",
                column: "ConversationId",
                principalTable: "Conversations",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_GuestMessages_Conversations_ConversationId",
                table: "GuestMessages");

            migrationBuilder.DropTable(
                name: "CannedReplies");

            migrationBuilder.DropTable(
                name: "ConversationNotes");

            migrationBuilder.DropTable(
                name: "Conversations");

            migrationBuilder.DropIndex(
                name: "IX_GuestMessages_ConversationId",
                table: "GuestMessages");

            migrationBuilder.DropIndex(
                name: "IX_GuestMessages_HotelId_ConversationId_CreatedAt",
                table: "GuestMessages");

            migrationBuilder.DropColumn(
                name: "ConversationId",
                table: "GuestMessages");

            migrationBuilder.DropColumn(
                name: "IsAutomatic",
                table: "GuestMessages");

            migrationBuilder.DropColumn(
                name: "SentBy",
                table: "GuestMessages");
        }
    }
}
