using Microsoft.EntityFrameworkCore;
using Stayfull.Domain.Integrations;
using Stayfull.Domain.Live;
using Stayfull.Domain.Sessions;

namespace Stayfull.Domain.SmartRooms;

/// <summary>
/// What happens to a key when the hub tells us how its code is doing, whichever way we heard it (a webhook,
/// an action attempt, a follow-up look, the reconciliation): each outcome is applied once, so hearing it
/// twice or late changes nothing.
/// </summary>
internal static class KeyOutcomes
{
    /// <summary>How long after each look the next follow-up of a code still being set comes: then the reconciliation takes over.</summary>
    private static readonly TimeSpan[] FollowUpDelays =
        [TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(30)];

    /// <summary>The code is on the lock: the key is ready and the guest gets the code, once per code.</summary>
    public static async Task SetOnDeviceAsync(HotelSession s, AccessKey key, string? code, CancellationToken cancellationToken)
    {
        if (key.SetOnDevice(code, s.Now))
        {
            s.Announce(ChangeTopic.Locks, key.RoomDeviceId, "Door code ready");
        }

        await SendIfReadyAsync(s, key, cancellationToken);
    }

    public static async Task SendIfReadyAsync(HotelSession s, AccessKey key, CancellationToken cancellationToken)
    {
        if (key.Status != AccessKeyStatus.Ready || key.SentAt is not null || key.Code is null)
        {
            return;
        }

        await KeyMessages.QueueAsync(s, key, cancellationToken);
        key.MarkSent(s.Now);
    }

    /// <summary>
    /// The code could not be set: the key fails (the desk is told), and when the lock may hold a backup code,
    /// an intent looks for one. A key already ready is not failed by a late report from before it was set.
    /// </summary>
    /// <param name="backupMayExist">False when the hub already said no backup code is available.</param>
    public static async Task FailedAsync(HotelSession s, AccessKey key, string error, bool backupMayExist, CancellationToken cancellationToken)
    {
        if (key.Status == AccessKeyStatus.Ready || key.IsRevoked)
        {
            return;
        }

        if (backupMayExist && key.SeamAccessCodeId is { } accessCodeId)
        {
            await Outbox.EnqueueAsync(s, IntegrationVendor.Seam, SmartRoomOperations.PullBackupAccessCode, new PullBackupAccessCodeIntent(key.Id, accessCodeId), SmartRoomOperations.BackupKey(accessCodeId), cancellationToken);
        }

        if (!key.Fail(error, s.Now))
        {
            return;
        }

        var code = await s.Db.Reservations.Where(r => r.Id == key.ReservationId).Select(r => r.ConfirmationCode).SingleAsync(cancellationToken);
        s.Audit(nameof(AccessKey), key.ReservationId, "KeyFailed", new { key.RoomId, key.SeamAccessCodeId, Error = key.LastError });
        s.Announce(ChangeTopic.Locks, key.RoomDeviceId, $"Door code for {code} failed to set: {key.LastError}", ChangeKind.Created);
    }

    /// <summary>Looks at the code again after a while (round 0: at once), so a lost webhook never leaves the key "setting" for good.</summary>
    /// <returns>False when the follow-ups are spent (the reconciliation job looks after the key from then on).</returns>
    public static async Task<bool> FollowUpAsync(HotelSession s, AccessKey key, string accessCodeId, int round, CancellationToken cancellationToken)
    {
        if (round > FollowUpDelays.Length)
        {
            return false;
        }

        var message = await Outbox.EnqueueAsync(s, IntegrationVendor.Seam, SmartRoomOperations.FollowAccessCode, new FollowAccessCodeIntent(key.Id, accessCodeId, round), SmartRoomOperations.FollowKey(accessCodeId, round), cancellationToken);
        if (round > 0 && s.Db.Entry(message).State == EntityState.Added)
        {
            message.Defer(s.Now + FollowUpDelays[round - 1]);
        }

        return true;
    }

    /// <summary>Starts a key over with a new create intent, for its current stay window.</summary>
    public static async Task ReissueAsync(HotelSession s, AccessKey key, Guid roomDeviceId, DateTimeOffset startsAt, DateTimeOffset endsAt, CancellationToken cancellationToken)
    {
        key.Reissue(roomDeviceId, startsAt, endsAt, s.Now);
        await Outbox.EnqueueAsync(s, IntegrationVendor.Seam, SmartRoomOperations.CreateAccessCode, new CreateAccessCodeIntent(key.Id), SmartRoomOperations.ReissueKey(key.ReservationId, key.RoomId, key.Version), cancellationToken);
    }
}
