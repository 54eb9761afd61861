using Microsoft.EntityFrameworkCore;
using Stayfull.Domain.Live;
using Stayfull.Domain.Sessions;

namespace Stayfull.Domain.SmartRooms.StaffAccess;

/// <summary>Records how a door action ended, whether an event, the first reply or a follow-up said so; each end is recorded and announced once.</summary>
internal static class RemoteDoorOutcome
{
    /// <returns>False while the attempt is still pending.</returns>
    public static bool Apply(HotelSession s, RemoteDoorCommand command, RoomDevice device, ActionAttempt attempt)
    {
        switch (attempt.Status)
        {
            case ActionAttemptStatus.Success:
                Succeeded(s, command, device);
                return true;
            case ActionAttemptStatus.Error:
                Failed(s, command, device, attempt.ErrorMessage ?? attempt.ErrorType ?? "The lock reported an error.");
                return true;
            default:
                return false;
        }
    }

    public static void Succeeded(HotelSession s, RemoteDoorCommand command, RoomDevice device)
    {
        if (!command.Succeed(s.Now))
        {
            return;
        }

        // The lock's own lock.locked / lock.unlocked event says the same; whichever comes first shows it.
        device.SetLocked(command.Action == RemoteDoorAction.Lock, s.Now);
        s.Audit(nameof(RemoteDoorCommand), command.Id, command.Action == RemoteDoorAction.Lock ? "RemoteLockDone" : "RemoteUnlockDone", new { device.DisplayName });
        Announce(s, command, device);
    }

    public static void Failed(HotelSession s, RemoteDoorCommand command, RoomDevice device, string error)
    {
        if (!command.Fail(error, s.Now))
        {
            return;
        }

        s.Audit(nameof(RemoteDoorCommand), command.Id, command.Action == RemoteDoorAction.Lock ? "RemoteLockFailed" : "RemoteUnlockFailed", new { device.DisplayName, Error = command.Error });
        Announce(s, command, device, ChangeKind.Created);
    }

    public static Task FailAsync(HotelSessions sessions, Guid commandId, string error, CancellationToken cancellationToken) =>
        sessions.WriteAsync(async s =>
        {
            var command = await s.Db.RemoteDoorCommands().SingleOrDefaultAsync(c => c.Id == commandId, cancellationToken);
            if (command is not null)
            {
                var device = await s.Db.RoomDevices.SingleAsync(d => d.Id == command.RoomDeviceId, cancellationToken);
                Failed(s, command, device, error);
            }
        }, cancellationToken);

    public static void Announce(HotelSession s, RemoteDoorCommand command, RoomDevice device, ChangeKind kind = ChangeKind.Changed) =>
        s.Announce(ChangeTopic.Locks, device.Id, $"{device.DisplayName}: remote {RemoteDoorService.Verb(command.Action)} {Describe(command)}", kind);

    private static string Describe(RemoteDoorCommand command) => command.Status switch
    {
        RemoteDoorStatus.Succeeded => "done",
        RemoteDoorStatus.Failed => $"failed: {command.Error}",
        _ => "pending",
    };
}
