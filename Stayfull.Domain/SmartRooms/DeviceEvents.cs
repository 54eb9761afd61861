using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Stayfull.Domain.Live;
using Stayfull.Domain.Sessions;

namespace Stayfull.Domain.SmartRooms;

/// <summary>
/// Lock and device events: locked or unlocked, refused at the door, connected or not, flaky connection,
/// battery, tamper. Each is applied as of the time the hub says it happened, so a late or replayed event
/// never undoes newer news; the alerts that follow the device's state are brought in line after each one.
/// Devices we do not know are logged and ignored.
/// </summary>
public sealed class DeviceEvents(HotelSessions sessions, ILogger<DeviceEvents> logger) : ISeamEventListener
{
    public bool Takes(string eventType) => eventType is
        "lock.locked" or "lock.unlocked" or "lock.access_denied"
        or "device.connected" or "device.disconnected" or "device.connection_became_flaky" or "device.connection_stabilized"
        or "device.low_battery" or "device.battery_status_changed" or "device.tampered";

    public async Task HandleAsync(SeamEvent seamEvent, CancellationToken cancellationToken)
    {
        if (seamEvent.DeviceId is not { } deviceId)
        {
            logger.LogInformation("Seam {EventType} without a device id ignored", seamEvent.Type);
            return;
        }

        await sessions.WriteAsync(async s =>
        {
            var device = await s.Db.RoomDevices.FirstOrDefaultAsync(d => d.SeamDeviceId == deviceId, cancellationToken);
            if (device is null)
            {
                logger.LogInformation("Seam {EventType} for unknown device {DeviceId} ignored", seamEvent.Type, deviceId);
                return;
            }

            // One announcement per event: the device's change, else what it did to the device's alerts.
            var change = await ApplyAsync(s, device, seamEvent, cancellationToken);
            var alerts = await SmartRoomAlerts.SyncConditionsAsync(s, [device], seamEvent.OccurredAt, cancellationToken);
            if ((change ?? (alerts.Count > 0 ? $"{device.DisplayName}: {string.Join("; ", alerts)}" : null)) is { } summary)
            {
                s.Announce(ChangeTopic.Locks, device.Id, summary);
            }
        }, cancellationToken);
    }

    /// <returns>What changed on the device, in words; null when nothing did (or an alert said it already).</returns>
    private static async Task<string?> ApplyAsync(HotelSession s, RoomDevice device, SeamEvent seamEvent, CancellationToken cancellationToken)
    {
        var at = seamEvent.OccurredAt;
        var name = device.DisplayName;
        switch (seamEvent.Type)
        {
            case "lock.locked" or "lock.unlocked":
                var locked = seamEvent.Type == "lock.locked";
                return device.SetLocked(locked, at, seamEvent.Flag("door_open")) ? $"{name} {(locked ? "locked" : "unlocked")}" : null;
            case "lock.access_denied":
                if (device.Denied(at) && device.DenialStreak >= SmartRoomAlerts.DenialsBeforeAlert)
                {
                    var window = (int)RoomDevice.DenialWindow.TotalMinutes;
                    await SmartRoomAlerts.RaiseAsync(s, device.Id, SmartRoomAlertKind.AccessDenied, $"{device.DenialStreak} refused attempts at the door within {window} minutes", at, cancellationToken);
                }

                return null;
            case "device.connected" or "device.disconnected":
                var online = seamEvent.Type == "device.connected";
                return device.SetOnline(online, at, seamEvent.Text("error_code")) ? $"{name} {(online ? "back online" : "offline")}" : null;
            case "device.connection_became_flaky" or "device.connection_stabilized":
                var flaky = seamEvent.Type == "device.connection_became_flaky";
                return device.SetFlakyConnection(flaky, at) ? $"{name} connection {(flaky ? "flaky" : "stable again")}" : null;
            case "device.tampered":
                await SmartRoomAlerts.RaiseAsync(s, device.Id, SmartRoomAlertKind.Tampered, "Tampering reported", at, cancellationToken);
                return null;
            default:
                // device.low_battery says so whatever the level; battery_status_changed names the new status.
                var status = seamEvent.Type == "device.low_battery" ? "low" : seamEvent.Text("battery_status");
                var level = seamEvent.Number("battery_level");
                return device.SetBattery(level, status, at) ? $"{name} battery {(level is { } l ? $"at {Math.Round(l * 100):0}%" : status)}" : null;
        }
    }
}
