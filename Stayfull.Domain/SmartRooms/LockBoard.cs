namespace Stayfull.Domain.SmartRooms;

/// <summary>The front desk's view of the doors: every lock mapped to a room, and the alerts waiting for a person.</summary>
public sealed record LockBoard(IReadOnlyList<LockStatusView> Locks, IReadOnlyList<SmartRoomAlertView> Alerts);

/// <summary>A room's lock as the console shows it.</summary>
/// <param name="OpenAlerts">Alerts of this lock nobody has acknowledged yet.</param>
public sealed record LockStatusView(
    Guid Id,
    Guid RoomId,
    string RoomNumber,
    string DisplayName,
    string? Manufacturer,
    string? Model,
    bool Online,
    bool? Locked,
    bool? DoorOpen,
    double? BatteryLevel,
    bool IsBatteryLow,
    IReadOnlyList<DeviceIssue> Errors,
    IReadOnlyList<DeviceIssue> Warnings,
    DateTimeOffset LastSeenAt,
    int OpenAlerts)
{
    /// <summary><c>offline</c>, <c>locked</c>, <c>unlocked</c> or <c>unknown</c> (a lock that never said).</summary>
    public string State => !Online ? "offline" : Locked switch
    {
        true => "locked",
        false => "unlocked",
        null => "unknown",
    };
}

/// <param name="RoomNumber">Null for a device not mapped to a room.</param>
/// <param name="ResolvedAt">Set once the condition cleared; the alert stays shown until acknowledged.</param>
public sealed record SmartRoomAlertView(
    Guid Id,
    Guid RoomDeviceId,
    string? RoomNumber,
    string DeviceName,
    SmartRoomAlertKind Kind,
    string Message,
    DateTimeOffset RaisedAt,
    DateTimeOffset LastRaisedAt,
    int Occurrences,
    DateTimeOffset? ResolvedAt);
