using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Stayfull.Domain.Live;
using Stayfull.Domain.Sessions;

namespace Stayfull.Domain.SmartRooms;

/// <summary>Lock and device events: locked or unlocked, connected or not, battery. Devices we do not know are logged and ignored.</summary>
public sealed class DeviceEvents(HotelSessions sessions, ILogger<DeviceEvents> logger) : ISeamEventListener
{
    public bool Takes(string eventType) => eventType is
        "lock.locked" or "lock.unlocked" or "device.connected" or "device.disconnected" or "device.low_battery" or "device.battery_status_changed";

    public Task HandleAsync(SeamEvent seamEvent, CancellationToken cancellationToken)
    {
        var at = seamEvent.OccurredAt;
        switch (seamEvent.Type)
        {
            case "lock.locked" or "lock.unlocked":
                var locked = seamEvent.Type == "lock.locked";
                return OnDeviceAsync(seamEvent, d => d.SetLocked(locked, at), d => $"{d.DisplayName} {(locked ? "locked" : "unlocked")}", cancellationToken);
            case "device.connected" or "device.disconnected":
                var online = seamEvent.Type == "device.connected";
                return OnDeviceAsync(seamEvent, d => d.SetOnline(online, at), d => $"{d.DisplayName} {(online ? "back online" : "offline")}", cancellationToken);
            default:
                return seamEvent.Number("battery_level") is { } level
                    ? OnDeviceAsync(seamEvent, d => d.SetBattery(level, at), d => $"{d.DisplayName} battery at {level:P0}", cancellationToken)
                    : Task.CompletedTask;
        }
    }

    private async Task OnDeviceAsync(SeamEvent seamEvent, Func<RoomDevice, bool> change, Func<RoomDevice, string> summary, CancellationToken cancellationToken)
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

            if (change(device))
            {
                s.Announce(ChangeTopic.Locks, device.Id, summary(device));
            }
        }, cancellationToken);
    }
}
