using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Stayfull.Domain.Hotels;
using Stayfull.Domain.Integrations;

namespace Stayfull.Domain.Data.Configuration;

internal sealed class IntegrationConnectionConfiguration : IEntityTypeConfiguration<IntegrationConnection>
{
    public void Configure(EntityTypeBuilder<IntegrationConnection> builder)
    {
        builder.HasIndex(c => new { c.HotelId, c.Vendor }).IsUnique();
        builder.Property(c => c.Vendor).HasConversion<string>().HasMaxLength(32);
        builder.Property(c => c.ProtectedCredentials).HasMaxLength(8000);
        builder.Property(c => c.CredentialHint).HasMaxLength(4);
        builder.Property(c => c.ConnectedBy).HasMaxLength(256);
        builder.Property(c => c.LastError).HasMaxLength(500);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.HasOne<Hotel>().WithMany().HasForeignKey(c => c.HotelId);
        builder.Ignore(c => c.IsLive);
    }
}

internal sealed class IntegrationLogEntryConfiguration : IEntityTypeConfiguration<IntegrationLogEntry>
{
    public void Configure(EntityTypeBuilder<IntegrationLogEntry> builder)
    {
        builder.Property(e => e.Vendor).HasConversion<string>().HasMaxLength(32);
        builder.Property(e => e.Operation).HasMaxLength(100);
        builder.Property(e => e.Summary).HasMaxLength(1000);
        builder.HasIndex(e => new { e.HotelId, e.At });
        builder.HasIndex(e => new { e.HotelId, e.Vendor, e.At });
    }
}

internal sealed class InboxEventConfiguration : IEntityTypeConfiguration<InboxEvent>
{
    public void Configure(EntityTypeBuilder<InboxEvent> builder)
    {
        builder.Property(e => e.Vendor).HasConversion<string>().HasMaxLength(32);
        builder.Property(e => e.ExternalId).HasMaxLength(200);
        builder.Property(e => e.EventType).HasMaxLength(100);
        builder.Property(e => e.LastError).HasMaxLength(500);
        builder.Property(e => e.Version).IsConcurrencyToken();
        builder.HasIndex(e => new { e.Vendor, e.ExternalId }).IsUnique();
        builder.HasIndex(e => new { e.Status, e.NextAttemptAt });
        builder.HasIndex(e => new { e.HotelId, e.ReceivedAt });
    }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.Property(e => e.Vendor).HasConversion<string>().HasMaxLength(32);
        builder.Property(e => e.Operation).HasMaxLength(100);
        builder.Property(e => e.IdempotencyKey).HasMaxLength(200);
        builder.Property(e => e.Result).HasMaxLength(200);
        builder.Property(e => e.LastError).HasMaxLength(500);
        builder.Property(e => e.Version).IsConcurrencyToken();
        builder.HasIndex(e => new { e.HotelId, e.IdempotencyKey }).IsUnique();
        builder.HasIndex(e => new { e.Status, e.NextAttemptAt });
    }
}
