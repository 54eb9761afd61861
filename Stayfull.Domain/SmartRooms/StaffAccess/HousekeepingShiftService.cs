using Microsoft.EntityFrameworkCore;
using Stayfull.Domain.Common;
using Stayfull.Domain.Live;
using Stayfull.Domain.Sessions;
using Stayfull.Domain.Tenancy;

namespace Stayfull.Domain.SmartRooms.StaffAccess;

/// <param name="End">At or before <paramref name="Start"/> means the next day (a night shift).</param>
public sealed record StartShiftRequest(string StaffUserId, DateOnly Date, TimeOnly Start, TimeOnly End);

/// <summary>A member of the hotel a manager may start a shift for.</summary>
public sealed record Housekeeper(string UserId, string Name, StaffRole Role);

/// <summary>What the start-a-shift form offers: the staff, housekeepers first, and the hotel's date and time now.</summary>
public sealed record ShiftPlanning(IReadOnlyList<Housekeeper> Staff, DateOnly Today, TimeOnly Now);

/// <summary>One room of a shift as a manager sees it: whether its code is on the lock, never the digits.</summary>
public sealed record ShiftRoomView(Guid RoomId, string RoomNumber, AccessKeyStatus Status, bool HasShiftCode, string? Error);

/// <summary>A shift as a manager sees it; times are the hotel's wall clock.</summary>
public sealed record ShiftView(Guid Id, string StaffUserId, string StaffName, DateTime Starts, DateTime Ends, ShiftStatus Status, IReadOnlyList<ShiftRoomView> Rooms);

/// <summary>One room of the housekeeper's own shift; the digits show once the code is on the lock.</summary>
public sealed record MyRoomCode(string RoomNumber, AccessKeyStatus Status, string? Code, bool DiffersFromShiftCode);

/// <summary>The signed-in housekeeper's own shift and codes.</summary>
/// <param name="Code">The shift's code once it is ready on at least one lock.</param>
public sealed record MyShift(Guid Id, DateTime Starts, DateTime Ends, ShiftStatus Status, string? Code, IReadOnlyList<MyRoomCode> Rooms);

/// <summary>
/// Housekeeping shifts and their door codes. Managers start, extend (add a room) and end shifts; each
/// housekeeper sees their own codes and nobody else's. Codes end with the shift (a job ends due shifts),
/// and a room's code goes once the room is clean.
/// </summary>
public sealed class HousekeepingShiftService(HotelSessions sessions)
{
    public Task<ShiftPlanning> PlanningAsync(CancellationToken cancellationToken) =>
        sessions.ReadAsync(async s =>
        {
            s.Staff.Require(StaffRole.Manager, "plan housekeeping shifts");
            var staff = await (from m in s.Db.Memberships
                               join u in s.Db.Users on m.UserId equals u.Id
                               orderby m.Role, u.DisplayName
                               select new Housekeeper(u.Id, u.DisplayName, m.Role))
                .ToListAsync(cancellationToken);
            return new ShiftPlanning(staff, s.Today, TimeOnly.FromDateTime(ShiftFlows.HotelTime(s, s.Now)));
        }, cancellationToken);

    public async Task<ShiftView> StartShiftAsync(StartShiftRequest request, CancellationToken cancellationToken)
    {
        var shiftId = await sessions.WriteAsync(async s =>
        {
            s.Staff.Require(StaffRole.Manager, "start housekeeping shifts");
            var member = await (from m in s.Db.Memberships
                                join u in s.Db.Users on m.UserId equals u.Id
                                where m.UserId == request.StaffUserId
                                select new { u.Id, u.DisplayName })
                .SingleOrDefaultAsync(cancellationToken) ?? throw new NotFoundException("Staff member");
            var startsAt = s.Hotel.Instant(request.Date, request.Start);
            var endsAt = s.Hotel.Instant(request.End > request.Start ? request.Date : request.Date.AddDays(1), request.End);
            if (endsAt <= s.Now)
            {
                throw ValidationException.For("end", "The shift has already ended; choose an end in the future.");
            }

            var overlapping = await s.Db.HousekeepingShifts().AnyAsync(
                h => h.StaffUserId == member.Id && h.Status != ShiftStatus.Ended && h.StartsAt < endsAt && startsAt < h.EndsAt,
                cancellationToken);
            if (overlapping)
            {
                throw new RuleViolationException($"{member.DisplayName} already has a shift at that time.");
            }

            var shift = new HousekeepingShift(s.HotelId, member.Id, member.DisplayName, request.Date, startsAt, endsAt, s.Staff.UserName, s.Now);
            s.Db.HousekeepingShifts().Add(shift);
            s.Audit(nameof(HousekeepingShift), shift.Id, "ShiftPlanned", new { shift.StaffName, shift.StartsAt, shift.EndsAt });
            if (startsAt - ShiftFlows.StartLead <= s.Now)
            {
                await ShiftFlows.StartAsync(s, shift, cancellationToken);
            }
            else
            {
                s.Announce(ChangeTopic.Locks, shift.Id, $"Housekeeping shift planned for {shift.StaffName}", ChangeKind.Created);
            }

            return shift.Id;
        }, cancellationToken);

        // Read back once saved: the view lists the code rows the start just added.
        return await sessions.ReadAsync(async s => await ViewAsync(s, await s.Db.HousekeepingShifts().SingleAsync(h => h.Id == shiftId, cancellationToken), cancellationToken), cancellationToken);
    }

    /// <summary>Adds a room that needs cleaning to a running shift; adding it twice does nothing more.</summary>
    public Task AddRoomAsync(Guid shiftId, Guid roomId, CancellationToken cancellationToken) =>
        sessions.WriteAsync(async s =>
        {
            s.Staff.Require(StaffRole.Manager, "add rooms to housekeeping shifts");
            var shift = await s.Db.HousekeepingShifts().SingleOrDefaultAsync(h => h.Id == shiftId, cancellationToken) ?? throw new NotFoundException("Shift");
            var room = await s.Db.Rooms.SingleOrDefaultAsync(r => r.Id == roomId, cancellationToken) ?? throw new NotFoundException("Room");
            if (shift.Status != ShiftStatus.Active)
            {
                throw new RuleViolationException(shift.Status == ShiftStatus.Ended ? "The shift has ended." : "The shift has not started yet; its rooms are chosen when it starts.");
            }

            if (room.IsReadyForGuest)
            {
                throw new RuleViolationException($"Room {room.Number} is clean; mark it dirty first if it needs another pass.");
            }

            var roomLock = await s.Db.RoomDevices.FirstOrDefaultAsync(d => d.RoomId == roomId && d.Kind == RoomDeviceKind.Lock, cancellationToken)
                ?? throw new RuleViolationException($"Room {room.Number} has no smart lock for a code.");
            if (await ShiftFlows.AddRoomAsync(s, shift, room, roomLock, cancellationToken))
            {
                s.Audit(nameof(HousekeepingShift), shift.Id, "RoomAdded", new { shift.StaffName, Room = room.Number });
                s.Announce(ChangeTopic.Locks, shift.Id, $"Room {room.Number} added to the shift of {shift.StaffName}");
            }
        }, cancellationToken);

    /// <summary>Ends a shift at once (the housekeeper went home early, or a code must stop working now).</summary>
    public Task EndShiftNowAsync(Guid shiftId, CancellationToken cancellationToken) =>
        sessions.WriteAsync(async s =>
        {
            s.Staff.Require(StaffRole.Manager, "end housekeeping shifts");
            var shift = await s.Db.HousekeepingShifts().SingleOrDefaultAsync(h => h.Id == shiftId, cancellationToken) ?? throw new NotFoundException("Shift");
            await ShiftFlows.EndAsync(s, shift, $"ended by {s.Staff.UserName}", cancellationToken);
        }, cancellationToken);

    /// <summary>Shifts planned or running, and those that ended today, for managers.</summary>
    public Task<IReadOnlyList<ShiftView>> ShiftsAsync(CancellationToken cancellationToken) =>
        sessions.ReadAsync<IReadOnlyList<ShiftView>>(async s =>
        {
            s.Staff.Require(StaffRole.Manager, "see housekeeping shifts");
            var since = s.Now.AddHours(-12);
            var shifts = await s.Db.HousekeepingShifts().Where(h => h.Status != ShiftStatus.Ended || h.EndsAt >= since).ToListAsync(cancellationToken);
            var views = new List<ShiftView>();
            foreach (var shift in shifts.OrderBy(h => h.Status == ShiftStatus.Ended).ThenBy(h => h.StartsAt))
            {
                views.Add(await ViewAsync(s, shift, cancellationToken));
            }

            return views;
        }, cancellationToken);

    /// <summary>The signed-in person's own shifts that have not ended, with their codes; nobody else's.</summary>
    public Task<IReadOnlyList<MyShift>> MyShiftsAsync(CancellationToken cancellationToken) =>
        sessions.ReadAsync<IReadOnlyList<MyShift>>(async s =>
        {
            var userId = s.Staff.UserId;
            var shifts = await s.Db.HousekeepingShifts().Where(h => h.StaffUserId == userId && h.Status != ShiftStatus.Ended).ToListAsync(cancellationToken);
            var result = new List<MyShift>();
            foreach (var shift in shifts.OrderBy(h => h.StartsAt))
            {
                var rooms = await RoomsAsync(s, shift.Id, cancellationToken);
                var mine = rooms
                    .Where(r => !r.Code.IsRevoked)
                    .Select(r => new MyRoomCode(
                        r.Number,
                        r.Code.Status,
                        r.Code.Status == AccessKeyStatus.Ready ? r.Code.Code : null,
                        r.Code.Status == AccessKeyStatus.Ready && r.Code.Code != shift.Code))
                    .ToList();
                var shared = mine.Any(r => r.Status == AccessKeyStatus.Ready && !r.DiffersFromShiftCode) ? shift.Code : null;
                result.Add(new MyShift(shift.Id, ShiftFlows.HotelTime(s, shift.StartsAt), ShiftFlows.HotelTime(s, shift.EndsAt), shift.Status, shared, mine));
            }

            return result;
        }, cancellationToken);

    private static async Task<ShiftView> ViewAsync(HotelSession s, HousekeepingShift shift, CancellationToken cancellationToken)
    {
        var rooms = await RoomsAsync(s, shift.Id, cancellationToken);
        return new ShiftView(
            shift.Id,
            shift.StaffUserId,
            shift.StaffName,
            ShiftFlows.HotelTime(s, shift.StartsAt),
            ShiftFlows.HotelTime(s, shift.EndsAt),
            shift.Status,
            [.. rooms.Select(r => new ShiftRoomView(r.Code.RoomId, r.Number, r.Code.Status, r.Code.Code is not null && r.Code.Code == shift.Code, r.Code.LastError))]);
    }

    /// <summary>The latest code of each room of the shift (a room added back has several), by room number.</summary>
    private static async Task<List<(ShiftRoomCode Code, string Number)>> RoomsAsync(HotelSession s, Guid shiftId, CancellationToken cancellationToken)
    {
        var rows = await (from c in s.Db.ShiftRoomCodes()
                          join r in s.Db.Rooms on c.RoomId equals r.Id
                          where c.ShiftId == shiftId
                          select new { Code = c, r.Number })
            .ToListAsync(cancellationToken);
        return [.. rows
            .GroupBy(r => r.Code.RoomId)
            .Select(g => g.OrderByDescending(r => r.Code.Issue).First())
            .OrderBy(r => r.Number, StringComparer.OrdinalIgnoreCase)
            .Select(r => (r.Code, r.Number))];
    }
}
