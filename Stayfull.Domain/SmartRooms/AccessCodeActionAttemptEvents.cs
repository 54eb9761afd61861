using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Stayfull.Domain.Live;
using Stayfull.Domain.Sessions;

namespace Stayfull.Domain.SmartRooms;

/// <summary>
/// Results of the hub's action attempts on door codes (create, delete), matched to a key by the attempt id
/// stored on it. Attempts we did not start for a key (lock and unlock, thermostats) are left to their own
/// listeners. A create that succeeded is not yet a working code, so it only brings the next look at the
/// code forward; a create that failed fails the key; a delete that succeeded removes it.
/// </summary>
public sealed class AccessCodeActionAttemptEvents(HotelSessions sessions, ILogger<AccessCodeActionAttemptEvents> logger) : ISeamEventListener
{
    public bool Takes(string eventType) => eventType.StartsWith("action_attempt.", StringComparison.Ordinal);

    public async Task HandleAsync(SeamEvent seamEvent, CancellationToken cancellationToken)
    {
        if (seamEvent.ActionAttemptId is not { Length: > 0 } attemptId)
        {
            return;
        }

        var succeeded = seamEvent.Type.EndsWith(".succeeded", StringComparison.Ordinal) || seamEvent.Text("status") == "success";
        var failed = seamEvent.Type.EndsWith(".failed", StringComparison.Ordinal) || seamEvent.Text("status") == "error";
        if (!succeeded && !failed)
        {
            return;
        }

        await sessions.WriteAsync(async s =>
        {
            var key = await s.Db.AccessKeys.FirstOrDefaultAsync(k => k.ActionAttemptId == attemptId, cancellationToken);
            if (key is null)
            {
                logger.LogDebug("Seam {EventType} {ActionAttemptId} is not a door-code attempt of ours", seamEvent.Type, attemptId);
                return;
            }

            if (key.IsRevoked)
            {
                if (succeeded && key.RemovedFromDevice(s.Now))
                {
                    s.Announce(ChangeTopic.Locks, key.RoomDeviceId, "Door code removed");
                }
                else if (failed)
                {
                    // The reconciliation removes the code again when it sees it still on the lock.
                    logger.LogWarning("Seam could not remove access code {AccessCodeId}: {Error}", key.SeamAccessCodeId, ErrorOf(seamEvent));
                }

                return;
            }

            if (failed)
            {
                await KeyOutcomes.FailedAsync(s, key, ErrorOf(seamEvent) ?? "The lock did not take the code.", backupMayExist: true, cancellationToken);
            }
            else if (key.SeamAccessCodeId is { } codeId && key.Status == AccessKeyStatus.Setting)
            {
                await KeyOutcomes.FollowUpAsync(s, key, codeId, 0, cancellationToken);
            }
        }, cancellationToken);
    }

    private static string? ErrorOf(SeamEvent seamEvent) =>
        seamEvent.Body.TryGetProperty("error", out var error) && error.ValueKind == System.Text.Json.JsonValueKind.Object
            && error.TryGetProperty("message", out var message) && message.ValueKind == System.Text.Json.JsonValueKind.String
            ? message.GetString()
            : seamEvent.Text("error_message") ?? seamEvent.Text("error_code");
}
