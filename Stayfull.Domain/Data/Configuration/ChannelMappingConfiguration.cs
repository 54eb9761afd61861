using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Stayfull.Domain.Channels;
using Stayfull.Domain.Hotels;
using Stayfull.Domain.Rates;
using Stayfull.Domain.Rooms;

namespace Stayfull.Domain.Data.Configuration;

internal sealed class ChannelRoomTypeMappingConfiguration : IEntityTypeConfiguration<ChannelRoomTypeMapping>
{
    public void Configure(EntityTypeBuilder<ChannelRoomTypeMapping> builder)
    {
        builder.Property(m => m.ChannelRoomTypeId).HasMaxLength(100);
        builder.Property(m => m.ChannelTitle).HasMaxLength(200);
        builder.HasIndex(m => new { m.HotelId, m.RoomTypeId }).IsUnique();
        builder.HasIndex(m => new { m.HotelId, m.ChannelRoomTypeId }).IsUnique();
        builder.HasOne<Hotel>().WithMany().HasForeignKey(m => m.HotelId);
        builder.HasOne<RoomType>().WithMany().HasForeignKey(m => m.RoomTypeId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ChannelRatePlanMappingConfiguration : IEntityTypeConfiguration<ChannelRatePlanMapping>
{
    public void Configure(EntityTypeBuilder<ChannelRatePlanMapping> builder)
    {
        builder.Property(m => m.ChannelRatePlanId).HasMaxLength(100);
        builder.Property(m => m.ChannelTitle).HasMaxLength(200);
        builder.HasIndex(m => new { m.HotelId, m.RoomTypeId, m.RatePlanId }).IsUnique();
        builder.HasIndex(m => new { m.HotelId, m.ChannelRatePlanId }).IsUnique();
        builder.HasOne<Hotel>().WithMany().HasForeignKey(m => m.HotelId);
        builder.HasOne<RoomType>().WithMany().HasForeignKey(m => m.RoomTypeId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<RatePlan>().WithMany().HasForeignKey(m => m.RatePlanId).OnDelete(DeleteBehavior.Cascade);
    }
}
