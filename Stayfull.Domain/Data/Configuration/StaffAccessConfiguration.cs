using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Stayfull.Domain.Hotels;
using Stayfull.Domain.Rooms;
using Stayfull.Domain.SmartRooms;
using Stayfull.Domain.SmartRooms.StaffAccess;

namespace Stayfull.Domain.Data.Configuration;

internal sealed class RemoteDoorCommandConfiguration : IEntityTypeConfiguration<RemoteDoorCommand>
{
    public void Configure(EntityTypeBuilder<RemoteDoorCommand> builder)
    {
        builder.Property(c => c.Reason).HasMaxLength(RemoteDoorCommand.MaxReasonLength);
        builder.Property(c => c.RequestedBy).HasMaxLength(256);
        builder.Property(c => c.ActionAttemptId).HasMaxLength(100);
        builder.Property(c => c.Error).HasMaxLength(500);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.HasIndex(c => new { c.HotelId, c.RequestId }).IsUnique();
        builder.HasIndex(c => new { c.HotelId, c.ActionAttemptId });
        builder.HasIndex(c => new { c.HotelId, c.RoomId, c.RequestedAt });
        builder.HasOne<Hotel>().WithMany().HasForeignKey(c => c.HotelId);
        builder.HasOne<Room>().WithMany().HasForeignKey(c => c.RoomId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<RoomDevice>().WithMany().HasForeignKey(c => c.RoomDeviceId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(c => c.IsSettled);
    }
}

internal sealed class HousekeepingShiftConfiguration : IEntityTypeConfiguration<HousekeepingShift>
{
    public void Configure(EntityTypeBuilder<HousekeepingShift> builder)
    {
        builder.Property(h => h.StaffUserId).HasMaxLength(450);
        builder.Property(h => h.StaffName).HasMaxLength(256);
        builder.Property(h => h.Code).HasMaxLength(HousekeepingShift.CodeLength);
        builder.Property(h => h.CreatedBy).HasMaxLength(256);
        builder.Property(h => h.Version).IsConcurrencyToken();
        builder.HasIndex(h => new { h.HotelId, h.Status, h.EndsAt });
        builder.HasIndex(h => new { h.HotelId, h.StaffUserId });
        builder.HasOne<Hotel>().WithMany().HasForeignKey(h => h.HotelId);
        builder.Ignore(h => h.CodeName);
    }
}

internal sealed class ShiftRoomCodeConfiguration : IEntityTypeConfiguration<ShiftRoomCode>
{
    public void Configure(EntityTypeBuilder<ShiftRoomCode> builder)
    {
        builder.Property(c => c.SeamAccessCodeId).HasMaxLength(100);
        builder.Property(c => c.Code).HasMaxLength(HousekeepingShift.CodeLength);
        builder.Property(c => c.LastError).HasMaxLength(500);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.HasIndex(c => new { c.HotelId, c.ShiftId, c.RoomId, c.Issue }).IsUnique();
        builder.HasIndex(c => new { c.HotelId, c.SeamAccessCodeId });
        builder.HasOne<Hotel>().WithMany().HasForeignKey(c => c.HotelId);
        builder.HasOne<HousekeepingShift>().WithMany().HasForeignKey(c => c.ShiftId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Room>().WithMany().HasForeignKey(c => c.RoomId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<RoomDevice>().WithMany().HasForeignKey(c => c.RoomDeviceId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(c => c.IsRevoked);
    }
}
