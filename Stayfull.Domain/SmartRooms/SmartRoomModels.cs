namespace Stayfull.Domain.SmartRooms;

/// <summary>An error or warning a device or code reports, by the hub's code (for example <c>device_offline</c>).</summary>
public sealed record DeviceIssue(string Code, string Message);

/// <summary>One rule on the codes a lock accepts, for example <c>name_length</c> or <c>no_zeros</c>.</summary>
public sealed record CodeConstraint(string Type, int? MinLength, int? MaxLength);

/// <summary>A lock, thermostat or other device, with the state the hub last saw.</summary>
/// <param name="BatteryLevel">0 to 1, when the device runs on batteries.</param>
public sealed record SmartDevice(
    string Id,
    string DeviceType,
    string DisplayName,
    string? Manufacturer,
    string? Model,
    bool Online,
    bool? Locked,
    bool? DoorOpen,
    double? BatteryLevel,
    IReadOnlyList<string> Capabilities,
    IReadOnlyList<CodeConstraint> CodeConstraints,
    IReadOnlyList<int> SupportedCodeLengths,
    IReadOnlyList<DeviceIssue> Errors,
    IReadOnlyList<DeviceIssue> Warnings)
{
    public bool IsLock => Capabilities.Contains(SmartDeviceCapabilities.Lock);

    public bool IsThermostat => Capabilities.Contains(SmartDeviceCapabilities.Thermostat);

    /// <summary>Temperature where the device reports one.</summary>
    public double? TemperatureCelsius { get; init; }

    /// <summary>The lock keeps a pool of pre-programmed backup codes the hub can hand out when a new code cannot be set in time.</summary>
    public bool SupportsBackupCodePool { get; init; }
}

public static class SmartDeviceCapabilities
{
    public const string Lock = "lock";
    public const string AccessCode = "access_code";
    public const string Thermostat = "thermostat";
}

public enum AccessCodeStatus
{
    Unknown = 0,
    Setting = 1,
    Set = 2,
    Unset = 3,
    Removing = 4,
}

public sealed record AccessCode(
    string Id,
    string DeviceId,
    string? Code,
    string? Name,
    AccessCodeStatus Status,
    DateTimeOffset? StartsAt,
    DateTimeOffset? EndsAt,
    IReadOnlyList<DeviceIssue> Errors,
    IReadOnlyList<DeviceIssue> Warnings,
    bool IsBackupAccessCodeAvailable);

/// <summary>A time-bound code to put on a lock: give the code, or let the hub choose one of the preferred length.</summary>
public sealed record AccessCodeRequest(string DeviceId, string Name, DateTimeOffset StartsAt, DateTimeOffset EndsAt)
{
    public string? Code { get; init; }

    public int? PreferredCodeLength { get; init; }

    /// <summary>Lets the hub hand out a pre-programmed backup code when the lock cannot take a new one in time.</summary>
    public bool UseBackupAccessCodePool { get; init; }
}

public sealed record AccessCodeCreated(AccessCode AccessCode, ActionAttempt ActionAttempt);

public enum ActionAttemptStatus
{
    Pending = 0,
    Success = 1,
    Error = 2,
}

/// <param name="ActionType">The hub's name of the action, for example <c>UNLOCK_DOOR</c>.</param>
public sealed record ActionAttempt(string Id, string ActionType, ActionAttemptStatus Status, string? ErrorType, string? ErrorMessage);
