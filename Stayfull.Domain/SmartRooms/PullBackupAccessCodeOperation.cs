using Microsoft.EntityFrameworkCore;
using Stayfull.Domain.Integrations;
using Stayfull.Domain.Live;
using Stayfull.Domain.Sessions;

namespace Stayfull.Domain.SmartRooms;

/// <summary>
/// A key's code failed to set: when the hub says the lock has a backup code for it, that pre-programmed code
/// (which works at once) becomes the key and goes to the guest. Otherwise the key stays failed for staff.
/// </summary>
public sealed class PullBackupAccessCodeOperation(ISmartRoomHub hub, HotelSessions sessions) : ISmartRoomOperation
{
    public string Operation => SmartRoomOperations.PullBackupAccessCode;

    public async Task<DispatchResult> RunAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var intent = message.ReadPayload<PullBackupAccessCodeIntent>();
        var key = await sessions.ReadAsync(s => s.Db.AccessKeys.AsNoTracking().SingleOrDefaultAsync(k => k.Id == intent.AccessKeyId, cancellationToken), cancellationToken);
        if (key is null || key.IsRevoked || key.SeamAccessCodeId != intent.AccessCodeId || key.Status == AccessKeyStatus.Ready)
        {
            return DispatchResult.Succeeded("no backup needed");
        }

        var code = await hub.GetAccessCodeAsync(message.HotelId, intent.AccessCodeId, cancellationToken);
        if (code.Status == AccessCodeStatus.Set)
        {
            // Set after all (the hub kept trying): no backup needed.
            await sessions.WriteAsync(async s => await KeyOutcomes.SetOnDeviceAsync(s, await s.Db.AccessKeys.SingleAsync(k => k.Id == key.Id, cancellationToken), code.Code, cancellationToken), cancellationToken);
            return DispatchResult.Succeeded("set after all");
        }

        if (!code.IsBackupAccessCodeAvailable)
        {
            return DispatchResult.Succeeded("no backup code available");
        }

        var backup = await hub.PullBackupAccessCodeAsync(message.HotelId, intent.AccessCodeId, cancellationToken);
        await sessions.WriteAsync(async s =>
        {
            var stored = await s.Db.AccessKeys.SingleAsync(k => k.Id == key.Id, cancellationToken);
            if (stored.SeamAccessCodeId != intent.AccessCodeId || !stored.UseBackup(backup.Id, backup.Code, isSet: true, s.Now))
            {
                return;
            }

            s.Audit(nameof(AccessKey), stored.ReservationId, "KeyBackupCode", new { stored.RoomId, Replaced = intent.AccessCodeId, Backup = backup.Id });
            s.Announce(ChangeTopic.Locks, stored.RoomDeviceId, "Backup door code ready");
            if (stored.Status == AccessKeyStatus.Ready)
            {
                await KeyOutcomes.SendIfReadyAsync(s, stored, cancellationToken);
            }
            else
            {
                await KeyOutcomes.FollowUpAsync(s, stored, backup.Id, 1, cancellationToken);
            }
        }, cancellationToken);
        return DispatchResult.Succeeded(backup.Id);
    }

    /// <summary>No backup after all: the key is already failed and shown to staff.</summary>
    public Task RefusedAsync(OutboxMessage message, SmartRoomHubException refusal, CancellationToken cancellationToken) => Task.CompletedTask;
}
