namespace Stayfull.Domain.SmartRooms;

/// <summary>The outbox operations of smart rooms and their idempotency keys, derived from our ids.</summary>
public static class SmartRoomOperations
{
    public const string CreateAccessCode = "CreateAccessCode";
    public const string DeleteAccessCode = "DeleteAccessCode";
    public const string UpdateAccessCode = "UpdateAccessCode";
    public const string FollowAccessCode = "FollowAccessCode";
    public const string PullBackupAccessCode = "PullBackupAccessCode";

    public static string CreateKey(Guid reservationId, Guid roomId) => $"key-{reservationId}-{roomId}";

    public static string RemoveKey(Guid reservationId, Guid roomId) => $"key-{reservationId}-{roomId}-remove";

    /// <summary>A key created again (retry, re-issue): a new intent, since the first one is done.</summary>
    /// <param name="revision">The key's version after the re-issue, different each time.</param>
    public static string ReissueKey(Guid reservationId, Guid roomId, int revision) => $"key-{reservationId}-{roomId}-reissue-{revision}";

    /// <summary>A removal after the key was issued again: each issue of the key is removed once.</summary>
    public static string RemoveReissuedKey(Guid reservationId, Guid roomId, string accessCodeId) => $"key-{reservationId}-{roomId}-remove-{accessCodeId}";

    /// <param name="revision">The key's version once its window changed, so each change is sent once.</param>
    public static string UpdateKey(Guid accessKeyId, int revision) => $"key-{accessKeyId}-window-{revision}";

    public static string FollowKey(string accessCodeId, int round) => $"code-{accessCodeId}-follow-{round}";

    public static string BackupKey(string accessCodeId) => $"code-{accessCodeId}-backup";

    /// <param name="round">The reconciliation's round (an hour, say), so a code still there later is removed again.</param>
    public static string RemoveStray(string accessCodeId, string round) => $"code-{accessCodeId}-stray-{round}";
}

/// <summary>Create the door code of one access key (its window, lock and name are read when dispatched).</summary>
public sealed record CreateAccessCodeIntent(Guid AccessKeyId);

/// <summary>
/// Remove the door code of one access key; <paramref name="AccessCodeId"/> names another code of the key (set
/// after it was revoked, replaced by a backup, left from an earlier issue). A stray code no key of ours owns any
/// more names its lock instead of a key (<paramref name="AccessKeyId"/> empty).
/// </summary>
public sealed record DeleteAccessCodeIntent(Guid AccessKeyId, string? AccessCodeId = null, string? SeamDeviceId = null);

/// <summary>Send the key's current window to its code on the lock (read when dispatched, so a late intent sends the latest).</summary>
public sealed record UpdateAccessCodeIntent(Guid AccessKeyId);

/// <summary>Ask the hub how a key's code is doing, in case its webhook was lost; <paramref name="Round"/> counts the looks.</summary>
public sealed record FollowAccessCodeIntent(Guid AccessKeyId, string AccessCodeId, int Round = 1);

/// <summary>A key's code failed to set: take a backup code from the lock's pool when the hub has one.</summary>
public sealed record PullBackupAccessCodeIntent(Guid AccessKeyId, string AccessCodeId);
