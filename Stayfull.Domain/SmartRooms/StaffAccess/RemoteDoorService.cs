using Microsoft.EntityFrameworkCore;
using Stayfull.Domain.Common;
using Stayfull.Domain.Integrations;
using Stayfull.Domain.Live;
using Stayfull.Domain.Sessions;
using Stayfull.Domain.Tenancy;

namespace Stayfull.Domain.SmartRooms.StaffAccess;

/// <summary>The latest remote door request of a room, as the lock tile shows it.</summary>
public sealed record RemoteDoorView(Guid Id, Guid RequestId, Guid RoomId, RemoteDoorAction Action, RemoteDoorStatus Status, string Reason, string RequestedBy, DateTimeOffset RequestedAt, string? Error);

/// <summary>
/// Locking and unlocking a room's door from the console. The desk and managers may; housekeeping may not
/// (their access is a code for the rooms of their shift). Every request carries a reason and is audited;
/// the hub is called through the outbox, and the result is followed by events and, failing those, by asking.
/// </summary>
public sealed class RemoteDoorService(HotelSessions sessions)
{
    /// <summary>How long the hub has to report the result by an event before we ask it.</summary>
    public static readonly TimeSpan FollowUpAfter = TimeSpan.FromSeconds(15);

    /// <summary>Whether <paramref name="role"/> may lock and unlock doors remotely; screens hide the buttons otherwise.</summary>
    public static bool MayOperate(StaffRole role) => role >= StaffRole.FrontDesk;

    /// <param name="requestId">Chosen by the screen once per confirmed request: sending it again does nothing more.</param>
    public Task<RemoteDoorView> RequestAsync(Guid roomId, RemoteDoorAction action, string? reason, Guid requestId, CancellationToken cancellationToken) =>
        sessions.WriteAsync(async s =>
        {
            if (!MayOperate(s.Staff.Role))
            {
                throw new ForbiddenException("Housekeeping staff cannot lock or unlock doors remotely; ask the front desk or a manager.");
            }

            var existing = await s.Db.RemoteDoorCommands().FirstOrDefaultAsync(c => c.RequestId == requestId, cancellationToken);
            if (existing is not null)
            {
                return View(existing);
            }

            var why = reason?.Trim() ?? "";
            if (why.Length == 0)
            {
                throw ValidationException.For("reason", "Give a reason for opening or locking a door remotely; it goes in the history.");
            }

            if (why.Length > RemoteDoorCommand.MaxReasonLength)
            {
                throw ValidationException.For("reason", $"Keep the reason to {RemoteDoorCommand.MaxReasonLength} characters.");
            }

            var room = await s.Db.Rooms.SingleOrDefaultAsync(r => r.Id == roomId, cancellationToken) ?? throw new NotFoundException("Room");
            var roomLock = await s.Db.RoomDevices.FirstOrDefaultAsync(d => d.RoomId == roomId && d.Kind == RoomDeviceKind.Lock, cancellationToken)
                ?? throw new RuleViolationException($"Room {room.Number} has no smart lock to operate.");
            if (!roomLock.Online)
            {
                throw new RuleViolationException($"The lock of room {room.Number} is offline and cannot be reached remotely.");
            }

            var inFlight = await s.Db.RemoteDoorCommands().AnyAsync(
                c => c.RoomId == roomId && c.Action == action && (c.Status == RemoteDoorStatus.Requested || c.Status == RemoteDoorStatus.Pending),
                cancellationToken);
            if (inFlight)
            {
                throw new RuleViolationException($"An {Verb(action)} of room {room.Number} is already on its way.");
            }

            var command = new RemoteDoorCommand(s.HotelId, requestId, roomId, roomLock.Id, action, why, s.Staff.UserName, s.Now);
            s.Db.RemoteDoorCommands().Add(command);
            await Outbox.EnqueueAsync(
                s,
                IntegrationVendor.Seam,
                action == RemoteDoorAction.Lock ? StaffAccessOperations.LockDoor : StaffAccessOperations.UnlockDoor,
                new RemoteDoorIntent(command.Id),
                StaffAccessOperations.DoorKey(requestId),
                cancellationToken);
            s.Audit(nameof(RemoteDoorCommand), command.Id, action == RemoteDoorAction.Lock ? "RemoteLockRequested" : "RemoteUnlockRequested", new { Room = room.Number, Reason = why, By = s.Staff.UserName });
            s.Announce(ChangeTopic.Locks, roomLock.Id, $"Room {room.Number}: remote {Verb(action)} requested by {s.Staff.UserName}", ChangeKind.Created);
            return View(command);
        }, cancellationToken);

    /// <summary>The latest request for each room that has one, for the lock tiles.</summary>
    public Task<IReadOnlyDictionary<Guid, RemoteDoorView>> LatestByRoomAsync(CancellationToken cancellationToken) =>
        sessions.ReadAsync<IReadOnlyDictionary<Guid, RemoteDoorView>>(async s =>
        {
            var since = s.Now.AddDays(-1);
            var recent = await s.Db.RemoteDoorCommands().Where(c => c.RequestedAt >= since).ToListAsync(cancellationToken);
            return recent.GroupBy(c => c.RoomId).ToDictionary(g => g.Key, g => View(g.OrderByDescending(c => c.RequestedAt).ThenByDescending(c => c.Version).First()));
        }, cancellationToken);

    /// <summary>The latest request for one room in the last day, if any, for its lock tile.</summary>
    public Task<RemoteDoorView?> LatestForRoomAsync(Guid roomId, CancellationToken cancellationToken) =>
        sessions.ReadAsync(async s =>
        {
            var since = s.Now.AddDays(-1);
            var latest = await s.Db.RemoteDoorCommands()
                .Where(c => c.RoomId == roomId && c.RequestedAt >= since)
                .OrderByDescending(c => c.RequestedAt)
                .FirstOrDefaultAsync(cancellationToken);
            return latest is null ? null : View(latest);
        }, cancellationToken);

    public static string Verb(RemoteDoorAction action) => action == RemoteDoorAction.Lock ? "lock" : "unlock";

    private static RemoteDoorView View(RemoteDoorCommand c) =>
        new(c.Id, c.RequestId, c.RoomId, c.Action, c.Status, c.Reason, c.RequestedBy, c.RequestedAt, c.Error);
}
