using Microsoft.EntityFrameworkCore;
using Stayfull.Domain.Integrations;
using Stayfull.Domain.Sessions;

namespace Stayfull.Domain.SmartRooms.StaffAccess;

/// <summary>Locks a door for a console request.</summary>
public sealed class LockDoorOperation(ISmartRoomHub hub, HotelSessions sessions) : RemoteDoorOperation(sessions)
{
    public override string Operation => StaffAccessOperations.LockDoor;

    protected override Task<ActionAttempt> CallAsync(Guid hotelId, string deviceId, CancellationToken cancellationToken) =>
        hub.LockDoorAsync(hotelId, deviceId, cancellationToken);
}

/// <summary>Unlocks a door for a console request.</summary>
public sealed class UnlockDoorOperation(ISmartRoomHub hub, HotelSessions sessions) : RemoteDoorOperation(sessions)
{
    public override string Operation => StaffAccessOperations.UnlockDoor;

    protected override Task<ActionAttempt> CallAsync(Guid hotelId, string deviceId, CancellationToken cancellationToken) =>
        hub.UnlockDoorAsync(hotelId, deviceId, cancellationToken);
}

/// <summary>
/// Asks the hub to lock or unlock once per command: a command that already has an action attempt is never
/// sent again (a replayed intent does nothing). The attempt is then followed by its events, and a
/// follow-up intent asks the hub after <see cref="RemoteDoorService.FollowUpAfter"/> in case none came.
/// </summary>
public abstract class RemoteDoorOperation(HotelSessions sessions) : ISmartRoomOperation
{
    public abstract string Operation { get; }

    public async Task<DispatchResult> RunAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var intent = message.ReadPayload<RemoteDoorIntent>();
        var found = await sessions.ReadAsync(async s =>
        {
            var command = await s.Db.RemoteDoorCommands().SingleOrDefaultAsync(c => c.Id == intent.CommandId, cancellationToken);
            var device = command is null ? null : await s.Db.RoomDevices.SingleAsync(d => d.Id == command.RoomDeviceId, cancellationToken);
            return (command, device);
        }, cancellationToken);
        if (found is not ({ } command, { } device))
        {
            return DispatchResult.Permanent("The door request no longer exists.");
        }

        if (command.ActionAttemptId is { } sent)
        {
            return DispatchResult.Succeeded(sent);
        }

        if (command.IsSettled)
        {
            return DispatchResult.Succeeded("settled before it was sent");
        }

        // A reply lost after the hub acted makes the outbox ask once more: locking or unlocking twice
        // leaves the door as asked, and the hub offers no way to look an earlier attempt up.
        var attempt = await CallAsync(message.HotelId, device.SeamDeviceId, cancellationToken);
        await sessions.WriteAsync(async s =>
        {
            var stored = await s.Db.RemoteDoorCommands().SingleAsync(c => c.Id == command.Id, cancellationToken);
            stored.Sent(attempt.Id, s.Now);
            var storedDevice = await s.Db.RoomDevices.SingleAsync(d => d.Id == device.Id, cancellationToken);
            if (!RemoteDoorOutcome.Apply(s, stored, storedDevice, attempt))
            {
                var followUp = await Outbox.EnqueueAsync(s, IntegrationVendor.Seam, StaffAccessOperations.FollowDoorAttempt, new FollowDoorAttemptIntent(stored.Id), StaffAccessOperations.DoorFollowUpKey(stored.RequestId), cancellationToken);
                if (s.Db.Entry(followUp).State == EntityState.Added)
                {
                    followUp.Defer(s.Now + RemoteDoorService.FollowUpAfter);
                }

                RemoteDoorOutcome.Announce(s, stored, storedDevice);
            }
        }, cancellationToken);
        return DispatchResult.Succeeded(attempt.Id);
    }

    public Task RefusedAsync(OutboxMessage message, SmartRoomHubException refusal, CancellationToken cancellationToken) =>
        RemoteDoorOutcome.FailAsync(sessions, message.ReadPayload<RemoteDoorIntent>().CommandId, refusal.Message, cancellationToken);

    protected abstract Task<ActionAttempt> CallAsync(Guid hotelId, string deviceId, CancellationToken cancellationToken);
}
