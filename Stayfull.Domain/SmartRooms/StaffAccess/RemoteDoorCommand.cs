using Stayfull.Domain.Tenancy;

namespace Stayfull.Domain.SmartRooms.StaffAccess;

public enum RemoteDoorAction
{
    Lock = 0,
    Unlock = 1,
}

public enum RemoteDoorStatus
{
    /// <summary>The intent is in the outbox; the hub has not been asked yet.</summary>
    Requested = 0,

    /// <summary>The hub accepted the action and is carrying it out on the lock.</summary>
    Pending = 1,

    Succeeded = 2,

    Failed = 3,
}

/// <summary>
/// A request from the console to lock or unlock one room's door, with who asked and why. The request id
/// comes from the screen, so a double click or a resent request finds the same command and never acts twice.
/// </summary>
public sealed class RemoteDoorCommand : ITenantOwned
{
    public const int MaxReasonLength = 200;

    private RemoteDoorCommand()
    {
    }

    public RemoteDoorCommand(Guid hotelId, Guid requestId, Guid roomId, Guid roomDeviceId, RemoteDoorAction action, string reason, string requestedBy, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7();
        HotelId = hotelId;
        RequestId = requestId;
        RoomId = roomId;
        RoomDeviceId = roomDeviceId;
        Action = action;
        Reason = reason;
        RequestedBy = requestedBy;
        RequestedAt = now;
        Status = RemoteDoorStatus.Requested;
        UpdatedAt = now;
    }

    public Guid Id { get; private set; }

    public Guid HotelId { get; private set; }

    public Guid RequestId { get; private set; }

    public Guid RoomId { get; private set; }

    public Guid RoomDeviceId { get; private set; }

    public RemoteDoorAction Action { get; private set; }

    public string Reason { get; private set; } = "";

    public string RequestedBy { get; private set; } = "";

    public DateTimeOffset RequestedAt { get; private set; }

    public RemoteDoorStatus Status { get; private set; }

    /// <summary>The hub's action attempt, followed until it succeeds or fails.</summary>
    public string? ActionAttemptId { get; private set; }

    public string? Error { get; private set; }

    public DateTimeOffset? CompletedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public int Version { get; private set; }

    public bool IsSettled => Status is RemoteDoorStatus.Succeeded or RemoteDoorStatus.Failed;

    public void Sent(string actionAttemptId, DateTimeOffset now)
    {
        ActionAttemptId = actionAttemptId;
        if (Status == RemoteDoorStatus.Requested)
        {
            Status = RemoteDoorStatus.Pending;
        }

        Touch(now);
    }

    /// <returns>False when the command had already settled (a replayed event or a late follow-up).</returns>
    public bool Succeed(DateTimeOffset now)
    {
        if (IsSettled)
        {
            return false;
        }

        Status = RemoteDoorStatus.Succeeded;
        CompletedAt = now;
        Touch(now);
        return true;
    }

    /// <returns>False when the command had already settled.</returns>
    public bool Fail(string error, DateTimeOffset now)
    {
        if (IsSettled)
        {
            return false;
        }

        Status = RemoteDoorStatus.Failed;
        Error = error.Length > 500 ? error[..500] : error;
        CompletedAt = now;
        Touch(now);
        return true;
    }

    private void Touch(DateTimeOffset now)
    {
        UpdatedAt = now;
        Version++;
    }
}
