using Microsoft.EntityFrameworkCore;
using Stayfull.Domain.Common;
using Stayfull.Domain.Live;
using Stayfull.Domain.Sessions;
using Stayfull.Domain.Tenancy;

namespace Stayfull.Domain.SmartRooms;

/// <summary>
/// Alerts about the hotel's smart-room devices: raised by device events and imports (and by any code that
/// calls <see cref="RaiseAsync(HotelSession, Guid, SmartRoomAlertKind, string, DateTimeOffset, CancellationToken)"/>),
/// resolved when the device says the condition is over, acknowledged by staff. See <see cref="SmartRoomAlert"/>
/// for what stays on the console and when.
/// </summary>
public sealed class SmartRoomAlerts(HotelSessions sessions)
{
    /// <summary>Refused attempts at one door within <see cref="RoomDevice.DenialWindow"/> that make an alert.</summary>
    public const int DenialsBeforeAlert = 3;

    /// <summary>What the console shows: every mapped lock, and the alerts nobody has acknowledged yet.</summary>
    public Task<LockBoard> BoardAsync(CancellationToken cancellationToken) =>
        sessions.ReadAsync(async s =>
        {
            var devices = await s.Db.RoomDevices.ToListAsync(cancellationToken);
            var rooms = await s.Db.Rooms.ToDictionaryAsync(r => r.Id, r => r.Number, cancellationToken);
            var alerts = await s.Db.SmartRoomAlerts.Where(a => a.AcknowledgedAt == null).ToListAsync(cancellationToken);
            var byId = devices.ToDictionary(d => d.Id);
            string? RoomOf(RoomDevice d) => d.RoomId is { } id ? rooms.GetValueOrDefault(id) : null;
            var views = alerts
                .Select(a => new SmartRoomAlertView(
                    a.Id, a.RoomDeviceId, RoomOf(byId[a.RoomDeviceId]), byId[a.RoomDeviceId].DisplayName, a.Kind, a.Message, a.RaisedAt, a.LastRaisedAt, a.Occurrences, a.ResolvedAt))
                .OrderBy(a => a.ResolvedAt is not null)
                .ThenByDescending(a => a.LastRaisedAt)
                .ToList();
            var locks = devices
                .Where(d => d.Kind == RoomDeviceKind.Lock && d.RoomId is not null)
                .Select(d => new LockStatusView(
                    d.Id, d.RoomId!.Value, RoomOf(d) ?? "", d.DisplayName, d.Manufacturer, d.Model, d.Online, d.Locked, d.DoorOpen,
                    d.BatteryLevel, d.IsBatteryLow, d.Errors, d.Warnings, d.LastSeenAt,
                    views.Count(a => a.RoomDeviceId == d.Id)))
                .OrderBy(l => l.RoomNumber, StringComparer.OrdinalIgnoreCase)
                .ToList();
            return new LockBoard(locks, views);
        }, cancellationToken);

    /// <summary>A member of staff has seen the alert. Acknowledging twice is harmless; the first name stays.</summary>
    public Task AcknowledgeAsync(Guid alertId, CancellationToken cancellationToken) =>
        sessions.WriteAsync(async s =>
        {
            s.Staff.Require(StaffRole.FrontDesk, "acknowledge smart-room alerts");
            var alert = await s.Db.SmartRoomAlerts.SingleOrDefaultAsync(a => a.Id == alertId, cancellationToken) ?? throw new NotFoundException("Alert");
            if (!alert.Acknowledge(s.Staff.UserName, s.Now))
            {
                return;
            }

            s.Audit(nameof(SmartRoomAlert), alert.Id, "Acknowledged", new { Kind = alert.Kind.ToString(), alert.Message, alert.RoomDeviceId, Resolved = !alert.IsOpen });
            s.Announce(ChangeTopic.Locks, alert.RoomDeviceId, $"Alert acknowledged by {s.Staff.UserName}: {alert.Message}");
        }, cancellationToken);

    /// <summary>Raises an alert now; see the overload with a time.</summary>
    public static Task<SmartRoomAlert> RaiseAsync(HotelSession s, Guid roomDeviceId, SmartRoomAlertKind kind, string message, CancellationToken cancellationToken) =>
        RaiseAsync(s, roomDeviceId, kind, message, s.Now, cancellationToken);

    /// <summary>
    /// Raises an alert inside the caller's session, saved with the caller's change: a new one when none of that
    /// device and kind is open, else one more occurrence of the open one. Pass the time the hub gave the event,
    /// so a replayed event (same time) counts nothing twice.
    /// </summary>
    public static async Task<SmartRoomAlert> RaiseAsync(HotelSession s, Guid roomDeviceId, SmartRoomAlertKind kind, string message, DateTimeOffset at, CancellationToken cancellationToken)
    {
        if (await OpenAsync(s, roomDeviceId, kind, cancellationToken) is { } open)
        {
            if (open.Repeat(message, at))
            {
                s.Announce(ChangeTopic.Locks, roomDeviceId, message);
            }

            return open;
        }

        // Only this hotel's devices: the tenant filter hides every other hotel's.
        if (!s.Db.RoomDevices.Local.Any(d => d.Id == roomDeviceId) && !await s.Db.RoomDevices.AnyAsync(d => d.Id == roomDeviceId, cancellationToken))
        {
            throw new NotFoundException("Device");
        }

        // The device is the entity the consoles redraw: its tile gains an alert.
        var alert = new SmartRoomAlert(s.HotelId, roomDeviceId, kind, message, at);
        s.Db.SmartRoomAlerts.Add(alert);
        s.Announce(ChangeTopic.Locks, roomDeviceId, message);
        return alert;
    }

    /// <summary>The condition is over: the open alert of that device and kind, if any, is resolved (it stays shown until acknowledged).</summary>
    public static async Task<bool> ResolveAsync(HotelSession s, Guid roomDeviceId, SmartRoomAlertKind kind, CancellationToken cancellationToken)
    {
        if (await OpenAsync(s, roomDeviceId, kind, cancellationToken) is not { } open || !open.Resolve(s.Now))
        {
            return false;
        }

        s.Announce(ChangeTopic.Locks, roomDeviceId, $"Resolved: {open.Message}");
        return true;
    }

    /// <summary>
    /// Brings the alerts that follow a device's state (offline, low battery) in line with it: raised while the
    /// condition holds, reworded as it changes, resolved when it clears. Safe to call any number of times.
    /// Announces nothing: the caller announces the device change that led here, once.
    /// </summary>
    /// <returns>What changed, in words, for the caller's announcement; empty when nothing did.</returns>
    public static async Task<IReadOnlyList<string>> SyncConditionsAsync(HotelSession s, IReadOnlyCollection<RoomDevice> devices, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var ids = devices.Select(d => d.Id).ToList();
        var open = await s.Db.SmartRoomAlerts
            .Where(a => ids.Contains(a.RoomDeviceId) && (a.OpenKind == SmartRoomAlertKind.Offline || a.OpenKind == SmartRoomAlertKind.LowBattery))
            .ToListAsync(cancellationToken);
        var changes = new List<string>();
        foreach (var device in devices)
        {
            var noun = device.Kind == RoomDeviceKind.Lock ? "Lock" : "Thermostat";
            changes.AddRange(Follow(s, device, SmartRoomAlertKind.Offline, !device.Online, $"{noun} offline", open, at));
            var battery = device.BatteryLevel is { } level ? $"Battery low ({Math.Round(level * 100):0}%)" : "Battery low";
            changes.AddRange(Follow(s, device, SmartRoomAlertKind.LowBattery, device.IsBatteryLow, battery, open, at));
        }

        return changes;
    }

    private static IEnumerable<string> Follow(HotelSession s, RoomDevice device, SmartRoomAlertKind kind, bool holds, string message, List<SmartRoomAlert> open, DateTimeOffset at)
    {
        var alert = s.Db.SmartRoomAlerts.Local.FirstOrDefault(a => a.RoomDeviceId == device.Id && a.OpenKind == kind)
            ?? open.FirstOrDefault(a => a.RoomDeviceId == device.Id && a.OpenKind == kind);
        if (holds && alert is null)
        {
            s.Db.SmartRoomAlerts.Add(new SmartRoomAlert(s.HotelId, device.Id, kind, message, at));
            return [message];
        }

        if (holds && alert!.Reword(message))
        {
            return [message];
        }

        return !holds && alert is not null && alert.Resolve(s.Now) ? [$"resolved: {alert.Message}"] : [];
    }

    private static async Task<SmartRoomAlert?> OpenAsync(HotelSession s, Guid roomDeviceId, SmartRoomAlertKind kind, CancellationToken cancellationToken)
    {
        var found = s.Db.SmartRoomAlerts.Local.FirstOrDefault(a => a.RoomDeviceId == roomDeviceId && a.OpenKind == kind)
            ?? await s.Db.SmartRoomAlerts.FirstOrDefaultAsync(a => a.RoomDeviceId == roomDeviceId && a.OpenKind == kind, cancellationToken);

        // Resolved earlier in this same session: the stored row still says open, the tracked one does not.
        return found is { IsOpen: true } ? found : null;
    }
}
