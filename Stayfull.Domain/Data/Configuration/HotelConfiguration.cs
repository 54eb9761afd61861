using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Stayfull.Domain.Hotels;

namespace Stayfull.Domain.Data.Configuration;

internal sealed class HotelConfiguration : IEntityTypeConfiguration<Hotel>
{
    public void Configure(EntityTypeBuilder<Hotel> builder)
    {
        builder.Property(h => h.Name).HasMaxLength(200);
        builder.Property(h => h.TimeZoneId).HasMaxLength(64);
        builder.Property(h => h.Currency).HasMaxLength(3).IsFixedLength();
        builder.Property(h => h.Version).IsConcurrencyToken();
        builder.OwnsOne(h => h.Address, a =>
        {
            a.Property(x => x.Line1).HasMaxLength(200);
            a.Property(x => x.City).HasMaxLength(100);
            a.Property(x => x.PostalCode).HasMaxLength(20);
            a.Property(x => x.CountryCode).HasMaxLength(2);
        });
        builder.Ignore(h => h.TimeZone);
    }
}

internal sealed class HotelMembershipConfiguration : IEntityTypeConfiguration<HotelMembership>
{
    public void Configure(EntityTypeBuilder<HotelMembership> builder)
    {
        builder.HasIndex(m => new { m.UserId, m.HotelId }).IsUnique();
        builder.HasOne<Hotel>().WithMany().HasForeignKey(m => m.HotelId);
        builder.HasOne<StaffUser>().WithMany().HasForeignKey(m => m.UserId);
    }
}
