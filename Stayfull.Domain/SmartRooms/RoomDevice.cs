using Stayfull.Domain.Tenancy;

namespace Stayfull.Domain.SmartRooms;

public enum RoomDeviceKind
{
    Lock = 0,
    Thermostat = 1,
}

/// <summary>
/// A lock or thermostat of the hotel's smart-room hub, with the state it last reported and the room it
/// serves (none until mapped). Every state change says whether anything changed, so a replayed event
/// changes nothing twice. Each kind of fact (lock, connection, battery) remembers when it was last
/// reported, so an event the hub sent late never overwrites what a newer event or import told us.
/// </summary>
public sealed class RoomDevice : ITenantOwned
{
    /// <summary>Below this battery level (0 to 1) a device is low on battery and the desk is alerted.</summary>
    public const double LowBatteryThreshold = 0.2;

    /// <summary>The hub's error while a device is offline; a reconnection clears it.</summary>
    public const string OfflineError = "device_offline";

    /// <summary>The hub's warning while a device keeps dropping its connection.</summary>
    public const string FlakyConnectionWarning = "device_has_flaky_connection";

    /// <summary>Denials within this window count as one streak of failed attempts at the door.</summary>
    public static readonly TimeSpan DenialWindow = TimeSpan.FromMinutes(10);

    /// <summary>Errors that only mean "cannot reach the device"; being connected again clears them.</summary>
    private static readonly string[] ConnectionErrors = [OfflineError, "device_disconnected", "hub_disconnected", "bridge_disconnected", "account_disconnected"];

    private RoomDevice()
    {
    }

    public RoomDevice(Guid hotelId, SmartDevice device, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7();
        HotelId = hotelId;
        SeamDeviceId = device.Id;
        Refresh(device, now);
    }

    public Guid Id { get; private set; }

    public Guid HotelId { get; private set; }

    public Guid? RoomId { get; private set; }

    /// <summary>The hub's device id.</summary>
    public string SeamDeviceId { get; private set; } = "";

    public RoomDeviceKind Kind { get; private set; }

    public string? Manufacturer { get; private set; }

    public string? Model { get; private set; }

    public string DisplayName { get; private set; } = "";

    public bool Online { get; private set; }

    public bool? Locked { get; private set; }

    public bool? DoorOpen { get; private set; }

    /// <summary>0 to 1, when the device runs on batteries.</summary>
    public double? BatteryLevel { get; private set; }

    /// <summary>The hub's word for the battery (<c>critical</c>, <c>low</c>, <c>good</c>, <c>full</c>) when an event gave one.</summary>
    public string? BatteryStatus { get; private set; }

    /// <summary>The code lengths the lock accepts, comma-separated; empty when it did not say.</summary>
    public string SupportedCodeLengths { get; private set; } = "";

    /// <summary>The lock has backup codes the hub can pull when a guest's code fails to set.</summary>
    public bool SupportsBackupCodePool { get; private set; }

    /// <summary>The device's current errors as the hub reports them (for example <c>device_offline</c>).</summary>
    public IReadOnlyList<DeviceIssue> Errors { get; private set; } = [];

    /// <summary>The device's current warnings as the hub reports them (for example <c>device_has_flaky_connection</c>).</summary>
    public IReadOnlyList<DeviceIssue> Warnings { get; private set; } = [];

    /// <summary>When the hub last told us anything about this device.</summary>
    public DateTimeOffset LastSeenAt { get; private set; }

    public DateTimeOffset LockReportedAt { get; private set; }

    public DateTimeOffset ConnectionReportedAt { get; private set; }

    public DateTimeOffset BatteryReportedAt { get; private set; }

    /// <summary>Wrong codes (or other refusals) at the door in the current streak; see <see cref="DenialWindow"/>.</summary>
    public int DenialStreak { get; private set; }

    public DateTimeOffset? DenialStreakStartedAt { get; private set; }

    public DateTimeOffset? LastDeniedAt { get; private set; }

    public int Version { get; private set; }

    public bool IsBatteryLow => BatteryLevel < LowBatteryThreshold || BatteryStatus is "low" or "critical";

    public static RoomDeviceKind? KindOf(SmartDevice device) =>
        device.IsLock ? RoomDeviceKind.Lock : device.IsThermostat ? RoomDeviceKind.Thermostat : null;

    /// <summary>The code length to ask for: six digits where the lock takes them, else the longest it takes; null lets the hub choose.</summary>
    public int? PreferredCodeLength()
    {
        var lengths = SupportedCodeLengths.Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => int.Parse(l, System.Globalization.CultureInfo.InvariantCulture))
            .ToList();
        return lengths.Count == 0 ? null : lengths.Contains(6) ? 6 : lengths.Max();
    }

    /// <summary>Takes the hub's whole picture of the device, read at <paramref name="now"/>: it is newer than any event before it.</summary>
    public void Refresh(SmartDevice device, DateTimeOffset now)
    {
        Kind = KindOf(device) ?? RoomDeviceKind.Lock;
        Manufacturer = device.Manufacturer;
        Model = device.Model;
        DisplayName = device.DisplayName;
        Online = device.Online;
        Locked = device.Locked;
        DoorOpen = device.DoorOpen;
        BatteryLevel = device.BatteryLevel;

        // A level read now says more than a status word an older event gave.
        BatteryStatus = device.BatteryLevel is null ? BatteryStatus : null;
        SupportedCodeLengths = string.Join(',', device.SupportedCodeLengths.Order());
        SupportsBackupCodePool = device.SupportsBackupCodePool;
        Errors = [.. device.Errors];
        Warnings = [.. device.Warnings];
        LastSeenAt = Later(LastSeenAt, now);
        LockReportedAt = Later(LockReportedAt, now);
        ConnectionReportedAt = Later(ConnectionReportedAt, now);
        BatteryReportedAt = Later(BatteryReportedAt, now);
        Version++;
    }

    public void MapTo(Guid? roomId)
    {
        RoomId = roomId;
        Version++;
    }

    /// <param name="doorOpen">Whether the door stands open, when the event says.</param>
    /// <returns>True when the lock's state changed; false for a replay or news older than what we know.</returns>
    public bool SetLocked(bool locked, DateTimeOffset at, bool? doorOpen = null)
    {
        if (!Fresh(LockReportedAt, at))
        {
            return false;
        }

        var moved = at != LockReportedAt;
        LockReportedAt = at;
        var same = Locked == locked && (doorOpen is null || DoorOpen == doorOpen);
        return Change(same, moved, () =>
        {
            Locked = locked;
            DoorOpen = doorOpen ?? DoorOpen;
        });
    }

    /// <param name="errorCode">The hub's reason for a disconnection (for example <c>hub_disconnected</c>), kept among the errors.</param>
    public bool SetOnline(bool online, DateTimeOffset at, string? errorCode = null)
    {
        if (!Fresh(ConnectionReportedAt, at))
        {
            return false;
        }

        var moved = at != ConnectionReportedAt;
        ConnectionReportedAt = at;
        var errors = online
            ? Errors.Where(e => !ConnectionErrors.Contains(e.Code)).ToList()
            : With(With(Errors, OfflineError, "Device is offline"), errorCode, "Device is disconnected");

        // Offline, the connection is not flaky any more: it is gone.
        var warnings = online ? Warnings : Without(Warnings, FlakyConnectionWarning);
        return Change(Online == online && errors.Count == Errors.Count && warnings.Count == Warnings.Count, moved, () =>
        {
            Online = online;
            Errors = errors;
            Warnings = warnings;
        });
    }

    public bool SetFlakyConnection(bool flaky, DateTimeOffset at)
    {
        if (!Fresh(ConnectionReportedAt, at))
        {
            return false;
        }

        var moved = at != ConnectionReportedAt;
        ConnectionReportedAt = at;
        var warnings = flaky ? With(Warnings, FlakyConnectionWarning, "Device has a flaky connection") : Without(Warnings, FlakyConnectionWarning);
        return Change(warnings.Count == Warnings.Count, moved, () => Warnings = warnings);
    }

    public bool SetBattery(double level, DateTimeOffset at) => SetBattery(level, null, at);

    /// <param name="level">0 to 1, when the event carries it.</param>
    /// <param name="status">The hub's word for it (<c>critical</c>, <c>low</c>, <c>good</c>, <c>full</c>), when the event carries it.</param>
    public bool SetBattery(double? level, string? status, DateTimeOffset at)
    {
        if ((level is null && status is null) || !Fresh(BatteryReportedAt, at))
        {
            return false;
        }

        var moved = at != BatteryReportedAt;
        BatteryReportedAt = at;
        var newLevel = level ?? BatteryLevel;
        var newStatus = status ?? (level is null ? BatteryStatus : null);
        var same = newStatus == BatteryStatus && (newLevel is null ? BatteryLevel is null : BatteryLevel is { } known && Math.Abs(known - newLevel.Value) < 0.0001);
        return Change(same, moved, () =>
        {
            BatteryLevel = newLevel;
            BatteryStatus = newStatus;
        });
    }

    /// <summary>
    /// Counts a refused attempt at the door. Denials more than <see cref="DenialWindow"/> after the streak began
    /// start a new streak; a denial at or before the last one counted is a replay and counts nothing.
    /// </summary>
    /// <returns>True when the denial was counted.</returns>
    public bool Denied(DateTimeOffset at)
    {
        if (LastDeniedAt is { } last && at <= last)
        {
            return false;
        }

        if (DenialStreakStartedAt is not { } started || at - started > DenialWindow)
        {
            DenialStreak = 0;
            DenialStreakStartedAt = at;
        }

        DenialStreak++;
        LastDeniedAt = at;
        LastSeenAt = Later(LastSeenAt, at);
        Version++;
        return true;
    }

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static List<DeviceIssue> With(IReadOnlyList<DeviceIssue> issues, string? code, string message) =>
        code is null || issues.Any(i => i.Code == code) ? [.. issues] : [.. issues, new DeviceIssue(code, message)];

    private static List<DeviceIssue> Without(IReadOnlyList<DeviceIssue> issues, string code) => [.. issues.Where(i => i.Code != code)];

    /// <summary>News as new as (or newer than) the last report of the same kind; older news is stale.</summary>
    private bool Fresh(DateTimeOffset reportedAt, DateTimeOffset at)
    {
        LastSeenAt = Later(LastSeenAt, at);
        return at >= reportedAt;
    }

    /// <param name="moved">The report time moved even when the state did not: save it under the same concurrency check.</param>
    private bool Change(bool same, bool moved, Action apply)
    {
        if (!same)
        {
            apply();
        }

        if (!same || moved)
        {
            Version++;
        }

        return !same;
    }
}
