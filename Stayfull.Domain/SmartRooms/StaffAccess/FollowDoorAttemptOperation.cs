using Microsoft.EntityFrameworkCore;
using Stayfull.Domain.Integrations;
using Stayfull.Domain.Sessions;

namespace Stayfull.Domain.SmartRooms.StaffAccess;

/// <summary>
/// Asks the hub how a door action ended when no <c>action_attempt.*</c> event has said so. Still pending:
/// ask again shortly; still pending after <see cref="MaxChecks"/> checks: the request is shown as failed,
/// so staff check the door rather than trust a button that never answered.
/// </summary>
public sealed class FollowDoorAttemptOperation(ISmartRoomHub hub, HotelSessions sessions) : ISmartRoomOperation
{
    public const int MaxChecks = 4;

    private static readonly TimeSpan AskAgainAfter = TimeSpan.FromSeconds(10);

    public string Operation => StaffAccessOperations.FollowDoorAttempt;

    public async Task<DispatchResult> RunAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var commandId = message.ReadPayload<FollowDoorAttemptIntent>().CommandId;
        var command = await sessions.ReadAsync(s => s.Db.RemoteDoorCommands().SingleOrDefaultAsync(c => c.Id == commandId, cancellationToken), cancellationToken);
        if (command is null)
        {
            return DispatchResult.Permanent("The door request no longer exists.");
        }

        if (command.IsSettled || command.ActionAttemptId is not { } attemptId)
        {
            return DispatchResult.Succeeded($"already {command.Status}");
        }

        var attempt = await hub.GetActionAttemptAsync(message.HotelId, attemptId, cancellationToken);
        var giveUp = attempt.Status == ActionAttemptStatus.Pending && message.Attempts + 1 >= MaxChecks;
        await sessions.WriteAsync(async s =>
        {
            var stored = await s.Db.RemoteDoorCommands().SingleAsync(c => c.Id == commandId, cancellationToken);
            var device = await s.Db.RoomDevices.SingleAsync(d => d.Id == stored.RoomDeviceId, cancellationToken);
            if (!RemoteDoorOutcome.Apply(s, stored, device, attempt) && giveUp)
            {
                RemoteDoorOutcome.Failed(s, stored, device, "The lock did not confirm in time; check the door.");
            }
        }, cancellationToken);

        return attempt.Status == ActionAttemptStatus.Pending && !giveUp
            ? DispatchResult.Transient($"{attempt.ActionType} {attemptId} still pending", AskAgainAfter)
            : DispatchResult.Succeeded($"{attemptId} {attempt.Status}");
    }

    public Task RefusedAsync(OutboxMessage message, SmartRoomHubException refusal, CancellationToken cancellationToken) =>
        RemoteDoorOutcome.FailAsync(sessions, message.ReadPayload<FollowDoorAttemptIntent>().CommandId, $"The result could not be read: {refusal.Message}", cancellationToken);
}
