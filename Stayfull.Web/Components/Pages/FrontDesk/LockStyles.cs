using System.Globalization;
using MudBlazor;
using Stayfull.Domain.SmartRooms;

namespace Stayfull.Web.Components.Pages.FrontDesk;

/// <summary>How a lock and its alerts look, so the lock panel and the room grid never disagree.</summary>
internal static class LockStyles
{
    public static string Icon(LockStatusView lockView) =>
        !lockView.Online ? Icons.Material.Filled.WifiOff
        : lockView.DoorOpen == true ? Icons.Material.Filled.MeetingRoom
        : lockView.Locked switch
        {
            true => Icons.Material.Filled.Lock,
            false => Icons.Material.Filled.LockOpen,
            null => Icons.Material.Filled.HelpOutline,
        };

    public static Color ColorOf(LockStatusView lockView) =>
        !lockView.Online ? Color.Error
        : lockView.DoorOpen == true || lockView.Locked != true ? Color.Warning
        : Color.Success;

    public static string Title(LockStatusView lockView)
    {
        var state = !lockView.Online ? "Offline"
            : lockView.DoorOpen == true ? "Door open"
            : lockView.Locked switch { true => "Locked", false => "Unlocked", null => "Lock state unknown" };
        return lockView.IsBatteryLow ? $"{state} · battery low" : state;
    }

    /// <summary><c>open</c>, <c>closed</c> or <c>unknown</c> (a lock without a door sensor).</summary>
    public static string Door(LockStatusView lockView) => lockView.DoorOpen switch { true => "open", false => "closed", null => "unknown" };

    /// <summary><c>low</c>, <c>ok</c> or <c>unknown</c> (a lock on mains power or that never said).</summary>
    public static string Battery(LockStatusView lockView) =>
        lockView.IsBatteryLow ? "low" : lockView.BatteryLevel is null ? "unknown" : "ok";

    public static string Percent(double level) => level.ToString("P0", CultureInfo.CurrentCulture);

    /// <summary>The alert's test id: kind and room (the device id for a device mapped to no room).</summary>
    public static string TestId(SmartRoomAlertView alert) => $"lock-alert-{Slug(alert.Kind)}-{alert.RoomNumber ?? alert.RoomDeviceId.ToString()}";

    public static string Slug(SmartRoomAlertKind kind) => kind switch
    {
        SmartRoomAlertKind.LowBattery => "battery",
        SmartRoomAlertKind.Offline => "offline",
        SmartRoomAlertKind.Tampered => "tampered",
        SmartRoomAlertKind.AccessDenied => "access-denied",
        SmartRoomAlertKind.CodeFailed => "code-failed",
        _ => kind.ToString().ToLowerInvariant(),
    };

    public static Severity SeverityOf(SmartRoomAlertView alert) =>
        alert.ResolvedAt is not null ? Severity.Success
        : alert.Kind is SmartRoomAlertKind.LowBattery or SmartRoomAlertKind.AccessDenied ? Severity.Warning
        : Severity.Error;

    public static string Where(SmartRoomAlertView alert) => alert.RoomNumber is { } room ? $"Room {room}" : alert.DeviceName;
}
