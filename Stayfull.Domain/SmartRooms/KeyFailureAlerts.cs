using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Stayfull.Domain.Sessions;

namespace Stayfull.Domain.SmartRooms;

/// <summary>
/// A guest's door code that failed to set on the lock raises a "code failed" alert on that lock, so the desk
/// can act before the guest stands at the door. The alert resolves when the lock has no failed code left
/// (a retry or a backup code got through); it stays shown until someone acknowledges it.
/// </summary>
public sealed class KeyFailureAlerts(HotelSessions sessions, ILogger<KeyFailureAlerts> logger) : ISeamEventListener
{
    public bool Takes(string eventType) => eventType is "access_code.failed_to_set_on_device" or "access_code.set_on_device";

    public async Task HandleAsync(SeamEvent seamEvent, CancellationToken cancellationToken)
    {
        if (seamEvent.AccessCodeId is not { } codeId)
        {
            return;
        }

        await sessions.WriteAsync(async s =>
        {
            var key = await s.Db.AccessKeys.AsNoTracking().FirstOrDefaultAsync(k => k.SeamAccessCodeId == codeId, cancellationToken);
            if (key is null)
            {
                logger.LogInformation("Seam {EventType} for unknown access code {AccessCodeId}: no alert", seamEvent.Type, codeId);
                return;
            }

            if (seamEvent.Type == "access_code.set_on_device")
            {
                await ResolveWhenNoneFailedAsync(s, key, cancellationToken);
                return;
            }

            // A replay, or news older than the code's success or removal, is no failure any more. The key's own
            // status may already have been set back by that same replay, so the alert's history decides too.
            var resolvedSince = await s.Db.SmartRoomAlerts.AnyAsync(
                a => a.RoomDeviceId == key.RoomDeviceId && a.Kind == SmartRoomAlertKind.CodeFailed && a.ResolvedAt >= seamEvent.OccurredAt, cancellationToken);
            if (key.Status == AccessKeyStatus.Ready || key.IsRevoked || resolvedSince)
            {
                return;
            }

            var code = await s.Db.Reservations.Where(r => r.Id == key.ReservationId).Select(r => r.ConfirmationCode).SingleAsync(cancellationToken);
            var reason = seamEvent.Text("error_message") ?? seamEvent.Text("error_code") ?? "the lock did not take it";
            await SmartRoomAlerts.RaiseAsync(s, key.RoomDeviceId, SmartRoomAlertKind.CodeFailed, $"Door code for {code} failed to set: {reason}", seamEvent.OccurredAt, cancellationToken);
        }, cancellationToken);
    }

    /// <summary>
    /// Another listener marks the key itself ready, perhaps after this one runs: so this code counts as set
    /// whatever its stored status, and only the lock's other keys can keep the alert open.
    /// </summary>
    private static async Task ResolveWhenNoneFailedAsync(HotelSession s, AccessKey key, CancellationToken cancellationToken)
    {
        var othersFailed = await s.Db.AccessKeys.AnyAsync(k => k.RoomDeviceId == key.RoomDeviceId && k.Id != key.Id && k.Status == AccessKeyStatus.Failed, cancellationToken);
        if (!othersFailed)
        {
            await SmartRoomAlerts.ResolveAsync(s, key.RoomDeviceId, SmartRoomAlertKind.CodeFailed, cancellationToken);
        }
    }
}
