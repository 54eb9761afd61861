using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Stayfull.Domain.Folios;
using Stayfull.Domain.Hotels;
using Stayfull.Domain.Reservations;
using Stayfull.Domain.Upsells;

namespace Stayfull.Domain.Data.Configuration;

internal sealed class UpsellSettingsConfiguration : IEntityTypeConfiguration<UpsellSettings>
{
    public void Configure(EntityTypeBuilder<UpsellSettings> builder)
    {
        builder.Property(u => u.Version).IsConcurrencyToken();
        builder.HasIndex(u => u.HotelId).IsUnique();
        builder.HasOne<Hotel>().WithMany().HasForeignKey(u => u.HotelId);
        builder.Ignore(u => u.Values);
    }
}

internal sealed class AcceptedUpsellConfiguration : IEntityTypeConfiguration<AcceptedUpsell>
{
    public void Configure(EntityTypeBuilder<AcceptedUpsell> builder)
    {
        builder.Property(u => u.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(u => u.Currency).HasMaxLength(3);
        builder.Property(u => u.AcceptedBy).HasMaxLength(200);

        // One of each kind per stay: the database itself refuses a second charge.
        builder.HasIndex(u => new { u.ReservationId, u.Kind }).IsUnique();
        builder.HasIndex(u => u.HotelId);
        builder.HasOne<Hotel>().WithMany().HasForeignKey(u => u.HotelId);
        builder.HasOne<Reservation>().WithMany().HasForeignKey(u => u.ReservationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<FolioEntry>().WithMany().HasForeignKey(u => u.FolioEntryId).OnDelete(DeleteBehavior.Restrict);
    }
}
