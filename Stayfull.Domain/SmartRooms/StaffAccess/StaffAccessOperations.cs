namespace Stayfull.Domain.SmartRooms.StaffAccess;

/// <summary>The outbox operations of staff access (remote doors, housekeeping codes) and their idempotency keys, derived from our ids.</summary>
public static class StaffAccessOperations
{
    public const string LockDoor = "LockDoor";
    public const string UnlockDoor = "UnlockDoor";
    public const string FollowDoorAttempt = "FollowDoorAttempt";
    public const string CreateStaffCode = "CreateStaffCode";
    public const string DeleteStaffCode = "DeleteStaffCode";

    /// <summary>One door action per request from the console, however often it is sent.</summary>
    public static string DoorKey(Guid requestId) => $"door-{requestId}";

    public static string DoorFollowUpKey(Guid requestId) => $"door-{requestId}-follow";

    /// <summary>One code per shift and room; a room taken off and added back to the same shift gets a new issue number.</summary>
    public static string StaffCodeKey(Guid shiftId, Guid roomId, int issue) =>
        issue == 0 ? $"staffcode-{shiftId}-{roomId}" : $"staffcode-{shiftId}-{roomId}-{issue}";

    public static string StaffCodeRemoveKey(Guid shiftId, Guid roomId, int issue) => StaffCodeKey(shiftId, roomId, issue) + "-remove";
}

/// <summary>Lock or unlock the door of one command (its lock is read when dispatched).</summary>
public sealed record RemoteDoorIntent(Guid CommandId);

/// <summary>Ask the hub how a door action ended, when no event said so.</summary>
public sealed record FollowDoorAttemptIntent(Guid CommandId);

/// <summary>Put one shift's code on one room's lock.</summary>
public sealed record CreateStaffCodeIntent(Guid ShiftRoomCodeId);

/// <summary>Take one shift's code off one room's lock; <paramref name="AccessCodeId"/> names a code the hub set after the code was revoked.</summary>
public sealed record DeleteStaffCodeIntent(Guid ShiftRoomCodeId, string? AccessCodeId = null);
