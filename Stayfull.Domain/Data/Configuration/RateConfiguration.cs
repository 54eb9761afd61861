using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Stayfull.Domain.Hotels;
using Stayfull.Domain.Rates;
using Stayfull.Domain.Rooms;

namespace Stayfull.Domain.Data.Configuration;

internal sealed class RatePlanConfiguration : IEntityTypeConfiguration<RatePlan>
{
    public void Configure(EntityTypeBuilder<RatePlan> builder)
    {
        builder.Property(p => p.Code).HasMaxLength(16);
        builder.Property(p => p.Name).HasMaxLength(100);
        builder.Property(p => p.AdjustmentPercent).HasPrecision(7, 3);
        builder.Property(p => p.DepositPercent).HasPrecision(5, 2);
        builder.HasIndex(p => new { p.HotelId, p.Code }).IsUnique();
        builder.HasOne<Hotel>().WithMany().HasForeignKey(p => p.HotelId);
    }
}

internal sealed class RoomTypeDayConfiguration : IEntityTypeConfiguration<RoomTypeDay>
{
    public void Configure(EntityTypeBuilder<RoomTypeDay> builder)
    {
        builder.HasKey(d => new { d.RoomTypeId, d.Date });
        builder.HasIndex(d => new { d.HotelId, d.Date });
        builder.Property(d => d.Version).IsConcurrencyToken();
        builder.HasOne<RoomType>().WithMany().HasForeignKey(d => d.RoomTypeId);
    }
}
