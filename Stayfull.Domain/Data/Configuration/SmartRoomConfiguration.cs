using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Stayfull.Domain.Hotels;
using Stayfull.Domain.Reservations;
using Stayfull.Domain.Rooms;
using Stayfull.Domain.SmartRooms;

namespace Stayfull.Domain.Data.Configuration;

internal sealed class RoomDeviceConfiguration : IEntityTypeConfiguration<RoomDevice>
{
    public void Configure(EntityTypeBuilder<RoomDevice> builder)
    {
        builder.Property(d => d.SeamDeviceId).HasMaxLength(100);
        builder.Property(d => d.DisplayName).HasMaxLength(200);
        builder.Property(d => d.Manufacturer).HasMaxLength(100);
        builder.Property(d => d.Model).HasMaxLength(100);
        builder.Property(d => d.SupportedCodeLengths).HasMaxLength(50);
        builder.Property(d => d.BatteryStatus).HasMaxLength(20);
        builder.Property(d => d.Errors).HasConversion(DeviceIssuesJson.Converter, DeviceIssuesJson.Comparer).HasMaxLength(4000);
        builder.Property(d => d.Warnings).HasConversion(DeviceIssuesJson.Converter, DeviceIssuesJson.Comparer).HasMaxLength(4000);
        builder.Ignore(d => d.IsBatteryLow);
        builder.Property(d => d.Version).IsConcurrencyToken();
        builder.HasIndex(d => new { d.HotelId, d.SeamDeviceId }).IsUnique();
        builder.HasIndex(d => new { d.HotelId, d.RoomId });
        builder.HasOne<Hotel>().WithMany().HasForeignKey(d => d.HotelId);
        builder.HasOne<Room>().WithMany().HasForeignKey(d => d.RoomId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AccessKeyConfiguration : IEntityTypeConfiguration<AccessKey>
{
    public void Configure(EntityTypeBuilder<AccessKey> builder)
    {
        builder.Property(k => k.SeamAccessCodeId).HasMaxLength(100);
        builder.Property(k => k.ActionAttemptId).HasMaxLength(100);
        builder.Property(k => k.ReplacedAccessCodeId).HasMaxLength(100);
        builder.Property(k => k.Code).HasMaxLength(20);
        builder.Property(k => k.LastError).HasMaxLength(500);
        builder.Property(k => k.Version).IsConcurrencyToken();
        builder.HasIndex(k => new { k.HotelId, k.ReservationId, k.RoomId }).IsUnique();
        builder.HasIndex(k => new { k.HotelId, k.SeamAccessCodeId }).IsUnique();
        builder.HasOne<Hotel>().WithMany().HasForeignKey(k => k.HotelId);
        builder.HasOne<Reservation>().WithMany().HasForeignKey(k => k.ReservationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Room>().WithMany().HasForeignKey(k => k.RoomId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<RoomDevice>().WithMany().HasForeignKey(k => k.RoomDeviceId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(k => k.IsRevoked);
    }
}
