using Microsoft.EntityFrameworkCore;
using Stayfull.Domain.Integrations;
using Stayfull.Domain.Live;
using Stayfull.Domain.Rooms;
using Stayfull.Domain.Sessions;

namespace Stayfull.Domain.SmartRooms.StaffAccess;

/// <summary>
/// A shift's codes at each step. Each step records code rows and outbox intents in the caller's session, so
/// the shift change and the intents to call the hub commit together (or neither does).
/// </summary>
internal static class ShiftFlows
{
    /// <summary>Codes are requested this long before the shift starts, so they are on the locks when it does.</summary>
    public static readonly TimeSpan StartLead = TimeSpan.FromMinutes(10);

    /// <summary>Starts the shift: its rooms are those that need cleaning now and have a lock; one code for all of them where the locks allow.</summary>
    public static async Task StartAsync(HotelSession s, HousekeepingShift shift, CancellationToken cancellationToken)
    {
        var rooms = await (from r in s.Db.Rooms
                           join d in s.Db.RoomDevices on r.Id equals d.RoomId
                           where r.Housekeeping == HousekeepingStatus.Dirty && d.Kind == RoomDeviceKind.Lock
                           select new { Room = r, Lock = d })
            .ToListAsync(cancellationToken);
        var length = StaffCodes.ChooseLength(rooms.Select(r => StaffCodes.LengthsOf(r.Lock)));
        shift.Start(length is { } l ? StaffCodes.NewCode(l) : null);
        foreach (var room in rooms.OrderBy(r => r.Room.Number, StringComparer.OrdinalIgnoreCase))
        {
            await IssueAsync(s, shift, room.Room, room.Lock, cancellationToken);
        }

        s.Audit(nameof(HousekeepingShift), shift.Id, "ShiftStarted", new { shift.StaffName, Rooms = rooms.Select(r => r.Room.Number).Order(StringComparer.OrdinalIgnoreCase).ToList(), shift.StartsAt, shift.EndsAt });
        s.Announce(ChangeTopic.Locks, shift.Id, $"Housekeeping shift of {shift.StaffName} started with {rooms.Count} rooms");
    }

    /// <returns>False when the room already has a live code in this shift.</returns>
    public static async Task<bool> AddRoomAsync(HotelSession s, HousekeepingShift shift, Room room, RoomDevice roomLock, CancellationToken cancellationToken)
    {
        var codes = await s.Db.ShiftRoomCodes().Where(c => c.ShiftId == shift.Id && c.RoomId == room.Id).ToListAsync(cancellationToken);
        if (codes.Any(c => !c.IsRevoked))
        {
            return false;
        }

        await IssueAsync(s, shift, room, roomLock, cancellationToken, codes.Count == 0 ? 0 : codes.Max(c => c.Issue) + 1);
        return true;
    }

    /// <summary>A code row and the intent to put it on the lock; the lock gets the shift's digits when it accepts their length.</summary>
    public static async Task<ShiftRoomCode> IssueAsync(HotelSession s, HousekeepingShift shift, Room room, RoomDevice roomLock, CancellationToken cancellationToken, int issue = 0, bool letHubChoose = false)
    {
        var code = new ShiftRoomCode(s.HotelId, shift.Id, room.Id, roomLock.Id, letHubChoose ? null : StaffCodes.CodeFor(roomLock, shift.Code), issue, s.Now);
        s.Db.ShiftRoomCodes().Add(code);
        await Outbox.EnqueueAsync(s, IntegrationVendor.Seam, StaffAccessOperations.CreateStaffCode, new CreateStaffCodeIntent(code.Id), StaffAccessOperations.StaffCodeKey(shift.Id, room.Id, issue), cancellationToken);
        return code;
    }

    /// <summary>Ends the shift now: every code it still has is removed.</summary>
    public static async Task<bool> EndAsync(HotelSession s, HousekeepingShift shift, string why, CancellationToken cancellationToken)
    {
        if (!shift.End(s.Now))
        {
            return false;
        }

        var codes = await s.Db.ShiftRoomCodes().Where(c => c.ShiftId == shift.Id).ToListAsync(cancellationToken);
        foreach (var code in codes)
        {
            await RevokeAsync(s, code, cancellationToken);
        }

        s.Audit(nameof(HousekeepingShift), shift.Id, "ShiftEnded", new { shift.StaffName, Why = why, CodesRemoved = codes.Count(c => c.Status == AccessKeyStatus.Removing) });
        s.Announce(ChangeTopic.Locks, shift.Id, $"Housekeeping shift of {shift.StaffName} ended", ChangeKind.Removed);
        return true;
    }

    /// <returns>False when the code was already on its way out.</returns>
    public static async Task<bool> RevokeAsync(HotelSession s, ShiftRoomCode code, CancellationToken cancellationToken)
    {
        if (!code.Revoke(s.Now))
        {
            return false;
        }

        await Outbox.EnqueueAsync(s, IntegrationVendor.Seam, StaffAccessOperations.DeleteStaffCode, new DeleteStaffCodeIntent(code.Id), StaffAccessOperations.StaffCodeRemoveKey(code.ShiftId, code.RoomId, code.Issue), cancellationToken);
        return true;
    }

    /// <summary>
    /// A room cleaned (or inspected) during a shift loses the shift's code. Once it is ready for a guest
    /// it can be sold and occupied while the shift still runs, and a staff code must not open an occupied
    /// room unannounced; a room that needs another pass is added back by a manager.
    /// </summary>
    /// <returns>How many codes were revoked.</returns>
    public static async Task<int> RevokeTidiedRoomsAsync(HotelSession s, CancellationToken cancellationToken)
    {
        var tidied = await (from c in s.Db.ShiftRoomCodes()
                            join r in s.Db.Rooms on c.RoomId equals r.Id
                            where c.Status != AccessKeyStatus.Removing && c.Status != AccessKeyStatus.Removed
                                  && (r.Housekeeping == HousekeepingStatus.Clean || r.Housekeeping == HousekeepingStatus.Inspected)
                            select new { Code = c, r.Number })
            .ToListAsync(cancellationToken);
        foreach (var row in tidied)
        {
            await RevokeTidiedAsync(s, row.Code, row.Number, cancellationToken);
        }

        return tidied.Count;
    }

    /// <summary>The same rule at the moment a room is marked clean or inspected, so its code goes at once rather than at the next sweep.</summary>
    public static async Task AtRoomTidiedAsync(HotelSession s, Guid roomId, string roomNumber, CancellationToken cancellationToken)
    {
        var codes = await s.Db.ShiftRoomCodes()
            .Where(c => c.RoomId == roomId && c.Status != AccessKeyStatus.Removing && c.Status != AccessKeyStatus.Removed)
            .ToListAsync(cancellationToken);
        foreach (var code in codes)
        {
            await RevokeTidiedAsync(s, code, roomNumber, cancellationToken);
        }
    }

    private static async Task RevokeTidiedAsync(HotelSession s, ShiftRoomCode code, string roomNumber, CancellationToken cancellationToken)
    {
        await RevokeAsync(s, code, cancellationToken);
        s.Audit(nameof(HousekeepingShift), code.ShiftId, "RoomCodeRevoked", new { Room = roomNumber, Why = "room cleaned" });
        s.Announce(ChangeTopic.Locks, code.ShiftId, $"Room {roomNumber} is clean: its housekeeping code is removed");
    }

    public static DateTime HotelTime(HotelSession s, DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, s.Hotel.TimeZone).DateTime;
}
