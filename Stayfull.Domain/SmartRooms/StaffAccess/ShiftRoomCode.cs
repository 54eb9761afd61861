using Stayfull.Domain.Tenancy;

namespace Stayfull.Domain.SmartRooms.StaffAccess;

/// <summary>
/// A shift's code on one room's lock. Its lifecycle is a guest key's (<see cref="AccessKeyStatus"/>): requested,
/// setting, ready once the hub says it is on the lock, then removing and removed.
/// </summary>
public sealed class ShiftRoomCode : ITenantOwned
{
    private ShiftRoomCode()
    {
    }

    /// <param name="code">The shift's digits, or null to let the hub choose a code this lock accepts.</param>
    /// <param name="issue">0 for the room's first code in the shift; higher when the room was taken off and added back.</param>
    public ShiftRoomCode(Guid hotelId, Guid shiftId, Guid roomId, Guid roomDeviceId, string? code, int issue, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7();
        HotelId = hotelId;
        ShiftId = shiftId;
        RoomId = roomId;
        RoomDeviceId = roomDeviceId;
        Code = code;
        Issue = issue;
        Status = AccessKeyStatus.Requested;
        CreatedAt = now;
        UpdatedAt = now;
    }

    public Guid Id { get; private set; }

    public Guid HotelId { get; private set; }

    public Guid ShiftId { get; private set; }

    public Guid RoomId { get; private set; }

    public Guid RoomDeviceId { get; private set; }

    public int Issue { get; private set; }

    /// <summary>The hub's access code id; null until the hub accepted the code.</summary>
    public string? SeamAccessCodeId { get; private set; }

    public string? Code { get; private set; }

    public AccessKeyStatus Status { get; private set; }

    public string? LastError { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public int Version { get; private set; }

    public bool IsRevoked => Status is AccessKeyStatus.Removing or AccessKeyStatus.Removed;

    public void Accepted(string accessCodeId, string? code, bool alreadySet, DateTimeOffset now)
    {
        SeamAccessCodeId = accessCodeId;
        Code ??= code;
        if (Status == AccessKeyStatus.Requested)
        {
            Status = alreadySet ? AccessKeyStatus.Ready : AccessKeyStatus.Setting;
        }

        Touch(now);
    }

    /// <returns>False when the code was already ready or is being revoked.</returns>
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

    /// <returns>False when the code had already failed or is being revoked.</returns>
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

    /// <returns>False when the code was already being revoked.</returns>
    public bool Revoke(DateTimeOffset now)
    {
        if (IsRevoked)
        {
            return false;
        }

        Status = AccessKeyStatus.Removing;
        Touch(now);
        return true;
    }

    /// <returns>False when the code was already removed.</returns>
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

    private void Touch(DateTimeOffset now)
    {
        UpdatedAt = now;
        Version++;
    }
}
