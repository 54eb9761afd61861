using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Stayfull.Domain.Live;
using Stayfull.Domain.Sessions;

namespace Stayfull.Domain.SmartRooms;

/// <summary>
/// Door-code events: set on the lock (the key is ready and goes to the guest, once), failed to set
/// (the key fails, a backup code is looked for), a backup code pulled (it becomes the key), removed.
/// Codes we do not know are logged and ignored.
/// </summary>
public sealed class AccessCodeEvents(HotelSessions sessions, ILogger<AccessCodeEvents> logger) : ISeamEventListener
{
    public bool Takes(string eventType) => eventType is
        "access_code.set_on_device" or "access_code.failed_to_set_on_device" or "access_code.removed_from_device" or "access_code.deleted"
        or "access_code.backup_access_code_pulled";

    public async Task HandleAsync(SeamEvent seamEvent, CancellationToken cancellationToken)
    {
        if (seamEvent.AccessCodeId is not { } codeId)
        {
            logger.LogInformation("Seam {EventType} without an access code id ignored", seamEvent.Type);
            return;
        }

        await sessions.WriteAsync(async s =>
        {
            if (seamEvent.Type == "access_code.backup_access_code_pulled")
            {
                await BackupPulledAsync(s, seamEvent, codeId, cancellationToken);
                return;
            }

            var key = await s.Db.AccessKeys.FirstOrDefaultAsync(k => k.SeamAccessCodeId == codeId, cancellationToken);
            if (key is null)
            {
                logger.LogInformation("Seam {EventType} for unknown access code {AccessCodeId} ignored", seamEvent.Type, codeId);
                return;
            }

            switch (seamEvent.Type)
            {
                case "access_code.set_on_device":
                    await KeyOutcomes.SetOnDeviceAsync(s, key, seamEvent.Text("code"), cancellationToken);
                    break;
                case "access_code.failed_to_set_on_device":
                    var error = seamEvent.Text("error_message") ?? seamEvent.Text("error_code") ?? "The code failed to set on the lock.";
                    await KeyOutcomes.FailedAsync(s, key, error, seamEvent.Flag("is_backup_access_code_available") != false, cancellationToken);
                    break;
                default:
                    if (key.RemovedFromDevice(s.Now))
                    {
                        s.Announce(ChangeTopic.Locks, key.RoomDeviceId, "Door code removed");
                    }

                    break;
            }
        }, cancellationToken);
    }

    /// <summary>
    /// A backup code was taken for one of our codes (by us or in the hub's console): it becomes the key. The
    /// event does not carry its digits, so the key is ready once a follow-up reads them.
    /// </summary>
    private async Task BackupPulledAsync(HotelSession s, SeamEvent seamEvent, string codeId, CancellationToken cancellationToken)
    {
        var backupId = seamEvent.Text("backup_access_code_id");
        if (backupId is null || await s.Db.AccessKeys.AnyAsync(k => k.SeamAccessCodeId == backupId, cancellationToken))
        {
            return;
        }

        var key = await s.Db.AccessKeys.FirstOrDefaultAsync(k => k.SeamAccessCodeId == codeId, cancellationToken);
        if (key is null)
        {
            logger.LogInformation("Seam backup code pulled for unknown access code {AccessCodeId} ignored", codeId);
            return;
        }

        if (key.UseBackup(backupId, code: null, isSet: false, s.Now))
        {
            s.Audit(nameof(AccessKey), key.ReservationId, "KeyBackupCode", new { key.RoomId, Replaced = codeId, Backup = backupId });
            await KeyOutcomes.FollowUpAsync(s, key, backupId, 1, cancellationToken);
        }
    }
}
