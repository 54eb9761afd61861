using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Stayfull.Domain.Hotels;
using Stayfull.Domain.Rooms;

namespace Stayfull.Domain.Data.Configuration;

internal sealed class RoomTypeConfiguration : IEntityTypeConfiguration<RoomType>
{
    public void Configure(EntityTypeBuilder<RoomType> builder)
    {
        builder.Property(t => t.Code).HasMaxLength(16);
        builder.Property(t => t.Name).HasMaxLength(100);
        builder.HasIndex(t => new { t.HotelId, t.Code }).IsUnique();
        builder.HasOne<Hotel>().WithMany().HasForeignKey(t => t.HotelId);
    }
}

internal sealed class RoomEntityConfiguration : IEntityTypeConfiguration<Room>
{
    public void Configure(EntityTypeBuilder<Room> builder)
    {
        builder.Property(r => r.Number).HasMaxLength(16);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasIndex(r => new { r.HotelId, r.Number }).IsUnique();
        builder.HasOne<Hotel>().WithMany().HasForeignKey(r => r.HotelId);
        builder.HasOne<RoomType>().WithMany().HasForeignKey(r => r.RoomTypeId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(r => r.IsReadyForGuest);
    }
}
