using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Stayfull.Domain.Guests;
using Stayfull.Domain.Hotels;
using Stayfull.Domain.Inbox;
using Stayfull.Domain.Messaging;
using Stayfull.Domain.Reservations;

namespace Stayfull.Domain.Data.Configuration;

internal sealed class GuestMessageConfiguration : IEntityTypeConfiguration<GuestMessage>
{
    public void Configure(EntityTypeBuilder<GuestMessage> builder)
    {
        builder.Property(m => m.Channel).HasConversion<string>().HasMaxLength(16);
        builder.Property(m => m.Direction).HasConversion<string>().HasMaxLength(16);
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(m => m.To).HasMaxLength(256);
        builder.Property(m => m.From).HasMaxLength(256);
        builder.Property(m => m.Subject).HasMaxLength(MessageTemplate.MaxSubjectLength);
        builder.Property(m => m.TemplateKey).HasMaxLength(64);
        builder.Property(m => m.VendorMessageId).HasMaxLength(128);
        builder.Property(m => m.Error).HasMaxLength(500);
        builder.Property(m => m.Version).IsConcurrencyToken();
        // Callbacks and replies find their message by the vendor's id.
        builder.HasIndex(m => new { m.HotelId, m.VendorMessageId }).IsUnique();
        builder.HasIndex(m => new { m.HotelId, m.GuestId, m.CreatedAt });
        builder.HasIndex(m => new { m.HotelId, m.ReservationId });
        builder.HasIndex(m => new { m.HotelId, m.Channel, m.To });
        builder.Property(m => m.SentBy).HasMaxLength(256);
        builder.HasIndex(m => new { m.HotelId, m.ConversationId, m.CreatedAt });
        builder.HasOne<Conversation>().WithMany().HasForeignKey(m => m.ConversationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Hotel>().WithMany().HasForeignKey(m => m.HotelId);
        builder.HasOne<Guest>().WithMany().HasForeignKey(m => m.GuestId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Reservation>().WithMany().HasForeignKey(m => m.ReservationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(m => m.StatusChanges).WithOne().HasForeignKey(c => c.MessageId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class GuestMessageStatusChangeConfiguration : IEntityTypeConfiguration<GuestMessageStatusChange>
{
    public void Configure(EntityTypeBuilder<GuestMessageStatusChange> builder)
    {
        // Set by the entity; a change added to a loaded message's list must be inserted, not updated.
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.Detail).HasMaxLength(500);
        // One row per status per message: a replayed callback cannot add a second.
        builder.HasIndex(c => new { c.MessageId, c.Status }).IsUnique();
        builder.HasIndex(c => c.HotelId);
    }
}

internal sealed class MessageTemplateConfiguration : IEntityTypeConfiguration<MessageTemplate>
{
    public void Configure(EntityTypeBuilder<MessageTemplate> builder)
    {
        builder.Property(t => t.Key).HasMaxLength(64);
        builder.Property(t => t.Subject).HasMaxLength(MessageTemplate.MaxSubjectLength);
        builder.Property(t => t.Body).HasMaxLength(MessageTemplate.MaxBodyLength);
        builder.Property(t => t.SmsText).HasMaxLength(MessageTemplate.MaxSmsLength);
        builder.Property(t => t.UpdatedBy).HasMaxLength(256);
        builder.Property(t => t.Version).IsConcurrencyToken();
        builder.HasIndex(t => new { t.HotelId, t.Key }).IsUnique();
        builder.HasOne<Hotel>().WithMany().HasForeignKey(t => t.HotelId);
    }
}
