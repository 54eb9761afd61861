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

    public void Accepted(string accessCodeId, string? code, DateTimeOffset now)
    {
        SeamAccessCodeId = accessCodeId;
        Code ??= code;
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

    private void Touch(DateTimeOffset now)
    {
        UpdatedAt = now;
        Version++;
    }
}
