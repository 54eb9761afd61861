using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Stayfull.Domain.Channels.Ari;
using Stayfull.Domain.Hotels;

namespace Stayfull.Domain.Data.Configuration;

internal sealed class AriPendingChangeConfiguration : IEntityTypeConfiguration<AriPendingChange>
{
    public void Configure(EntityTypeBuilder<AriPendingChange> builder)
    {
        builder.Property(c => c.Kind).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(c => new { c.HotelId, c.Kind });
        builder.HasOne<Hotel>().WithMany().HasForeignKey(c => c.HotelId);
    }
}

internal sealed class AriCallConfiguration : IEntityTypeConfiguration<AriCall>
{
    public void Configure(EntityTypeBuilder<AriCall> builder)
    {
        builder.Property(c => c.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.TaskIds).HasMaxLength(500);
        builder.Property(c => c.Problem).HasMaxLength(500);
        builder.HasIndex(c => new { c.HotelId, c.Kind, c.At });
        builder.HasIndex(c => new { c.HotelId, c.At });
        builder.HasOne<Hotel>().WithMany().HasForeignKey(c => c.HotelId);
    }
}

internal sealed class AriSyncErrorConfiguration : IEntityTypeConfiguration<AriSyncError>
{
    public void Configure(EntityTypeBuilder<AriSyncError> builder)
    {
        builder.Property(e => e.Source).HasConversion<string>().HasMaxLength(32);
        builder.Property(e => e.Channel).HasMaxLength(100);
        builder.Property(e => e.Item).HasMaxLength(300);
        builder.Property(e => e.Message).HasMaxLength(AriSyncError.MaxMessageLength);
        builder.Property(e => e.EventKey).HasMaxLength(200);
        builder.Property(e => e.DismissedBy).HasMaxLength(256);
        builder.HasIndex(e => new { e.HotelId, e.DismissedAt, e.At });
        // One error per item of a stored webhook: a repeated delivery inserts nothing.
        builder.HasIndex(e => new { e.HotelId, e.EventKey }).IsUnique();
        builder.HasOne<Hotel>().WithMany().HasForeignKey(e => e.HotelId);
    }
}

internal sealed class AriSyncStateConfiguration : IEntityTypeConfiguration<AriSyncState>
{
    public void Configure(EntityTypeBuilder<AriSyncState> builder)
    {
        builder.HasKey(s => s.HotelId);
        builder.Property(s => s.AvailabilityParked).HasMaxLength(300);
        builder.Property(s => s.RestrictionsParked).HasMaxLength(300);
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.HasOne<Hotel>().WithMany().HasForeignKey(s => s.HotelId);
    }
}
