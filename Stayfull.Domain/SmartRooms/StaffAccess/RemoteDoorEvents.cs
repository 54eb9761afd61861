using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Stayfull.Domain.Sessions;

namespace Stayfull.Domain.SmartRooms.StaffAccess;

/// <summary>
/// The end of a remote lock or unlock. Attempts we did not start from the console (other features follow
/// their own) are logged and ignored; a replayed event changes nothing twice.
/// </summary>
public sealed class RemoteDoorEvents(HotelSessions sessions, ILogger<RemoteDoorEvents> logger) : ISeamEventListener
{
    public bool Takes(string eventType) => eventType is
        "action_attempt.lock_door.succeeded" or "action_attempt.lock_door.failed" or
        "action_attempt.unlock_door.succeeded" or "action_attempt.unlock_door.failed";

    public async Task HandleAsync(SeamEvent seamEvent, CancellationToken cancellationToken)
    {
        if (seamEvent.ActionAttemptId is not { } attemptId)
        {
            logger.LogInformation("Seam {EventType} without an action attempt id ignored", seamEvent.Type);
            return;
        }

        await sessions.WriteAsync(async s =>
        {
            var command = await s.Db.RemoteDoorCommands().FirstOrDefaultAsync(c => c.ActionAttemptId == attemptId, cancellationToken);
            if (command is null)
            {
                logger.LogInformation("Seam {EventType} for action attempt {ActionAttemptId} not started here; ignored", seamEvent.Type, attemptId);
                return;
            }

            var device = await s.Db.RoomDevices.SingleAsync(d => d.Id == command.RoomDeviceId, cancellationToken);
            if (seamEvent.Type.EndsWith(".succeeded", StringComparison.Ordinal))
            {
                RemoteDoorOutcome.Succeeded(s, command, device);
            }
            else
            {
                RemoteDoorOutcome.Failed(s, command, device, ErrorOf(seamEvent) ?? "The lock reported a failure.");
            }
        }, cancellationToken);
    }

    private static string? ErrorOf(SeamEvent seamEvent)
    {
        if (seamEvent.Text("error_message") is { } message)
        {
            return message;
        }

        return seamEvent.Body.TryGetProperty("error", out var error) && error.ValueKind == System.Text.Json.JsonValueKind.Object
            && error.TryGetProperty("message", out var text) && text.ValueKind == System.Text.Json.JsonValueKind.String
            ? text.GetString()
            : seamEvent.Text("error_code");
    }
}
