using Microsoft.EntityFrameworkCore;
using Stayfull.Domain.Data;

namespace Stayfull.Domain.SmartRooms.StaffAccess;

/// <summary>The staff-access tables of the hotel's context (configured in <c>Data/Configuration/StaffAccessConfiguration.cs</c>).</summary>
internal static class StaffAccessSets
{
    public static DbSet<RemoteDoorCommand> RemoteDoorCommands(this StayfullDbContext db) => db.Set<RemoteDoorCommand>();

    public static DbSet<HousekeepingShift> HousekeepingShifts(this StayfullDbContext db) => db.Set<HousekeepingShift>();

    public static DbSet<ShiftRoomCode> ShiftRoomCodes(this StayfullDbContext db) => db.Set<ShiftRoomCode>();
}
