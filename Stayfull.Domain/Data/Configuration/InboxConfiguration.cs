using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Stayfull.Domain.Guests;
using Stayfull.Domain.Hotels;
using Stayfull.Domain.Inbox;
using Stayfull.Domain.Reservations;

namespace Stayfull.Domain.Data.Configuration;

internal sealed class ConversationConfiguration : IEntityTypeConfiguration<Conversation>
{
    public void Configure(EntityTypeBuilder<Conversation> builder)
    {
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.ChannelBookingId).HasMaxLength(64);
        builder.Property(c => c.UnknownSender).HasMaxLength(Conversation.MaxAddressLength);
        builder.Property(c => c.LastInboundChannel).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.AssignedToUserId).HasMaxLength(450);
        builder.Property(c => c.AssignedToName).HasMaxLength(256);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.HasIndex(c => new { c.HotelId, c.LastMessageAt });
        builder.HasIndex(c => new { c.HotelId, c.ReservationId });
        builder.HasIndex(c => new { c.HotelId, c.GuestId });
        builder.HasIndex(c => new { c.HotelId, c.ChannelBookingId });
        builder.HasIndex(c => new { c.HotelId, c.UnknownSender });
        builder.HasOne<Hotel>().WithMany().HasForeignKey(c => c.HotelId);
        builder.HasOne<Guest>().WithMany().HasForeignKey(c => c.GuestId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Reservation>().WithMany().HasForeignKey(c => c.ReservationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ConversationNoteConfiguration : IEntityTypeConfiguration<ConversationNote>
{
    public void Configure(EntityTypeBuilder<ConversationNote> builder)
    {
        builder.Property(n => n.Id).ValueGeneratedNever();
        builder.Property(n => n.Text).HasMaxLength(ConversationNote.MaxLength);
        builder.Property(n => n.Author).HasMaxLength(256);
        builder.HasIndex(n => new { n.HotelId, n.ConversationId });
        builder.HasOne<Conversation>().WithMany().HasForeignKey(n => n.ConversationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CannedReplyConfiguration : IEntityTypeConfiguration<CannedReply>
{
    public void Configure(EntityTypeBuilder<CannedReply> builder)
    {
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Title).HasMaxLength(CannedReply.MaxTitleLength);
        builder.Property(r => r.Text).HasMaxLength(CannedReply.MaxTextLength);
        builder.HasIndex(r => new { r.HotelId, r.Position });
        builder.HasOne<Hotel>().WithMany().HasForeignKey(r => r.HotelId);
    }
}
