using Stayfull.Domain.Tenancy;

namespace Stayfull.Domain.SmartRooms;

public enum AccessKeyStatus
{
    /// <summary>The intent to create the code is in the outbox.</summary>
    Requested = 0,

    /// <summary>The hub accepted the code and is putting it on the lock.</summary>
    Setting = 1,

    /// <summary>The hub says the code is set on the lock: the guest can use it.</summary>
    Ready = 2,

    Failed = 3,

    /// <summary>The intent to remove the code is in the outbox or at the hub.</summary>
    Removing = 4,

    Removed = 5,
}

/// <summary>A guest's door code for one reservation on one room's lock, from check-in time to check-out time.</summary>
public sealed class AccessKey : ITenantOwned
{
    private AccessKey()
    {
    }

    public AccessKey(Guid hotelId, Guid reservationId, Guid roomId, Guid roomDeviceId, DateTimeOffset startsAt, DateTimeOffset endsAt, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7();
        HotelId = hotelId;
        ReservationId = reservationId;
        RoomId = roomId;
        RoomDeviceId = roomDeviceId;
        StartsAt = startsAt;
        EndsAt = endsAt;
        Status = AccessKeyStatus.Requested;
        CreatedAt = now;
        UpdatedAt = now;
    }

    public Guid Id { get; private set; }

    public Guid HotelId { get; private set; }

    public Guid ReservationId { get; private set; }

    public Guid RoomId { get; private set; }

    public Guid RoomDeviceId { get; private set; }

    /// <summary>The hub's access code id; null until the hub accepted the code.</summary>
    public string? SeamAccessCodeId { get; private set; }

    public string? Code { get; private set; }

    /// <summary>The hub's action attempt for the last create or delete of the code, to follow it when its event is lost.</summary>
    public string? ActionAttemptId { get; private set; }

    /// <summary>The code that failed to set when a backup code took its place; it still belongs to this stay.</summary>
    public string? ReplacedAccessCodeId { get; private set; }

    public DateTimeOffset StartsAt { get; private set; }

    public DateTimeOffset EndsAt { get; private set; }

    public AccessKeyStatus Status { get; private set; }

    public string? LastError { get; private set; }

    /// <summary>When the code was queued to the guest; a key is sent once.</summary>
    public DateTimeOffset? SentAt { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public int Version { get; private set; }

    public bool IsRevoked => Status is AccessKeyStatus.Removing or AccessKeyStatus.Removed;

    /// <summary>Whether <paramref name="accessCodeId"/> is this key's code, or the code a backup replaced.</summary>
    public bool Owns(string accessCodeId) => accessCodeId == SeamAccessCodeId || accessCodeId == ReplacedAccessCodeId;

    public void Accepted(string accessCodeId, string? code, DateTimeOffset now, string? actionAttemptId = null)
    {
        SeamAccessCodeId = accessCodeId;
        Code ??= code;
        ActionAttemptId = string.IsNullOrEmpty(actionAttemptId) ? ActionAttemptId : actionAttemptId;
        if (Status == AccessKeyStatus.Requested)
        {
            Status = AccessKeyStatus.Setting;
        }

        Touch(now);
    }

    /// <returns>False when the key was already ready or is being revoked.</returns>
    public bool SetOnDevice(string? code, DateTimeOffset now)
    {
        if (Status is AccessKeyStatus.Ready || IsRevoked)
        {
            return false;
        }

        Code = code ?? Code;
        Status = AccessKeyStatus.Ready;
        LastError = null;
        Touch(now);
        return true;
    }

    /// <returns>False when the key had already failed or is being revoked.</returns>
    public bool Fail(string error, DateTimeOffset now)
    {
        if (Status is AccessKeyStatus.Failed || IsRevoked)
        {
            return false;
        }

        Status = AccessKeyStatus.Failed;
        LastError = error.Length > 500 ? error[..500] : error;
        Touch(now);
        return true;
    }

    public void Revoke(DateTimeOffset now)
    {
        Status = AccessKeyStatus.Removing;
        Touch(now);
    }

    /// <returns>False when the key was already removed.</returns>
    public bool RemovedFromDevice(DateTimeOffset now)
    {
        if (Status is AccessKeyStatus.Removed)
        {
            return false;
        }

        Status = AccessKeyStatus.Removed;
        Touch(now);
        return true;
    }

    public void MarkSent(DateTimeOffset now)
    {
        SentAt = now;
        Touch(now);
    }

    /// <summary>The hub started an action on the code (a removal); its attempt is followed by that id.</summary>
    public void AttemptStarted(string actionAttemptId, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(actionAttemptId) || actionAttemptId == ActionAttemptId)
        {
            return;
        }

        ActionAttemptId = actionAttemptId;
        Touch(now);
    }

    /// <returns>False when the window is already that one.</returns>
    public bool ChangeWindow(DateTimeOffset startsAt, DateTimeOffset endsAt, DateTimeOffset now)
    {
        if (StartsAt == startsAt && EndsAt == endsAt)
        {
            return false;
        }

        StartsAt = startsAt;
        EndsAt = endsAt;
        Touch(now);
        return true;
    }

    /// <summary>
    /// A pre-programmed backup code takes the place of a code that failed to set. It works at once when the
    /// hub gave its digits (<paramref name="isSet"/>); the guest is sent the new code, even if the old one went out.
    /// </summary>
    /// <returns>False when the key already uses that code or is being revoked.</returns>
    public bool UseBackup(string backupAccessCodeId, string? code, bool isSet, DateTimeOffset now)
    {
        if (IsRevoked || backupAccessCodeId == SeamAccessCodeId)
        {
            return false;
        }

        ReplacedAccessCodeId = SeamAccessCodeId;
        SeamAccessCodeId = backupAccessCodeId;
        Code = code;
        Status = isSet && code is not null ? AccessKeyStatus.Ready : AccessKeyStatus.Setting;
        LastError = null;
        SentAt = null;
        Touch(now);
        return true;
    }

    /// <summary>
    /// Starts the key over with a new code (staff retry after a failure, a code the hub lost, a guest moved
    /// back to this room): whatever was on the lock is forgotten, the guest will get the new code.
    /// </summary>
    public void Reissue(Guid roomDeviceId, DateTimeOffset startsAt, DateTimeOffset endsAt, DateTimeOffset now)
    {
        RoomDeviceId = roomDeviceId;
        SeamAccessCodeId = null;
        ReplacedAccessCodeId = null;
        ActionAttemptId = null;
        Code = null;
        LastError = null;
        SentAt = null;
        StartsAt = startsAt;
        EndsAt = endsAt;
        Status = AccessKeyStatus.Requested;
        Touch(now);
    }

    private void Touch(DateTimeOffset now)
    {
        UpdatedAt = now;
        Version++;
    }
}
