using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Stayfull.Domain.Integrations;
using Stayfull.Domain.Live;
using Stayfull.Domain.Messaging;
using Stayfull.Domain.Sessions;

namespace Stayfull.Domain.SmartRooms;

/// <summary>
/// Applies one Seam event (the webhook body is the event object itself) to our keys and devices:
/// codes set, failed or removed; locked or unlocked; connected or not; battery. Every change is
/// announced on the locks topic. A replay finds the state already there and changes nothing; events
/// about devices or codes we do not know are logged and ignored.
/// </summary>
public sealed class SeamEventApplier(HotelSessions sessions, ILogger<SeamEventApplier> logger) : IWebhookApplier
{
    public IntegrationVendor Vendor => IntegrationVendor.Seam;

    public async Task HandleAsync(InboxEvent inboxEvent, CancellationToken cancellationToken)
    {
        using var json = JsonDocument.Parse(inboxEvent.Payload);
        var item = json.RootElement;
        var type = Text(item, "event_type") ?? inboxEvent.EventType;
        var at = DateTimeOffset.TryParse(Text(item, "occurred_at") ?? Text(item, "created_at"), System.Globalization.CultureInfo.InvariantCulture, out var when) ? when : inboxEvent.ReceivedAt;
        switch (type)
        {
            case "access_code.set_on_device":
                await OnKeyAsync(item, type, (s, key) => SetOnDeviceAsync(s, key, Text(item, "code"), cancellationToken), cancellationToken);
                break;
            case "access_code.failed_to_set_on_device":
                await OnKeyAsync(item, type, (s, key) => FailedAsync(s, key, Text(item, "error_message") ?? Text(item, "error_code") ?? "The code failed to set on the lock.", cancellationToken), cancellationToken);
                break;
            case "access_code.removed_from_device" or "access_code.deleted":
                await OnKeyAsync(item, type, (s, key) => RemovedAsync(s, key, cancellationToken), cancellationToken);
                break;
            case "lock.locked" or "lock.unlocked":
                var locked = type == "lock.locked";
                await OnDeviceAsync(item, type, d => d.SetLocked(locked, at), d => $"{d.DisplayName} {(locked ? "locked" : "unlocked")}", cancellationToken);
                break;
            case "device.connected" or "device.disconnected":
                var online = type == "device.connected";
                await OnDeviceAsync(item, type, d => d.SetOnline(online, at), d => $"{d.DisplayName} {(online ? "back online" : "offline")}", cancellationToken);
                break;
            case "device.low_battery" or "device.battery_status_changed":
                if (Number(item, "battery_level") is { } level)
                {
                    await OnDeviceAsync(item, type, d => d.SetBattery(level, at), d => $"{d.DisplayName} battery at {level:P0}", cancellationToken);
                }

                break;
            default:
                // Other events (thermostat.*, action_attempt.*, connected_account.*) carry nothing this slice stores.
                break;
        }
    }

    private async Task OnKeyAsync(JsonElement item, string type, Func<HotelSession, AccessKey, Task> apply, CancellationToken cancellationToken)
    {
        if (Text(item, "access_code_id") is not { } codeId)
        {
            logger.LogInformation("Seam {EventType} without an access code id ignored", type);
            return;
        }

        await sessions.WriteAsync(async s =>
        {
            var key = await s.Db.AccessKeys.FirstOrDefaultAsync(k => k.SeamAccessCodeId == codeId, cancellationToken);
            if (key is null)
            {
                logger.LogInformation("Seam {EventType} for unknown access code {AccessCodeId} ignored", type, codeId);
                return;
            }

            await apply(s, key);
        }, cancellationToken);
    }

    private async Task OnDeviceAsync(JsonElement item, string type, Func<RoomDevice, bool> change, Func<RoomDevice, string> summary, CancellationToken cancellationToken)
    {
        if (Text(item, "device_id") is not { } deviceId)
        {
            logger.LogInformation("Seam {EventType} without a device id ignored", type);
            return;
        }

        await sessions.WriteAsync(async s =>
        {
            var device = await s.Db.RoomDevices.FirstOrDefaultAsync(d => d.SeamDeviceId == deviceId, cancellationToken);
            if (device is null)
            {
                logger.LogInformation("Seam {EventType} for unknown device {DeviceId} ignored", type, deviceId);
                return;
            }

            if (change(device))
            {
                s.Announce(ChangeTopic.Locks, device.Id, summary(device));
            }
        }, cancellationToken);
    }

    private static async Task SetOnDeviceAsync(HotelSession s, AccessKey key, string? code, CancellationToken cancellationToken)
    {
        if (key.SetOnDevice(code, s.Now))
        {
            s.Announce(ChangeTopic.Locks, key.RoomDeviceId, "Door code ready");
        }

        if (key.Status != AccessKeyStatus.Ready || key.SentAt is not null || key.Code is not { } keyCode)
        {
            return;
        }

        var reservation = await s.Db.Reservations.SingleAsync(r => r.Id == key.ReservationId, cancellationToken);
        var guest = await s.Db.Guests.SingleAsync(g => g.Id == reservation.GuestId, cancellationToken);
        var extras = new TemplateExtras(KeyCode: keyCode);
        if (guest.Email is { } email && await GuestMessaging.WhyNotAsync(s, MessageChannel.Email, email, cancellationToken) is null)
        {
            await GuestMessaging.QueueAsync(s, guest, reservation, MessageTemplateKeys.DigitalKey, MessageChannel.Email, extras, cancellationToken);
        }

        if (guest.SmsNumber is { } number && await GuestMessaging.WhyNotAsync(s, MessageChannel.Sms, number, cancellationToken) is null)
        {
            await GuestMessaging.QueueAsync(s, guest, reservation, MessageTemplateKeys.DigitalKey, MessageChannel.Sms, extras, cancellationToken);
        }

        key.MarkSent(s.Now);
    }

    private static async Task FailedAsync(HotelSession s, AccessKey key, string error, CancellationToken cancellationToken)
    {
        if (!key.Fail(error, s.Now))
        {
            return;
        }

        var code = await s.Db.Reservations.Where(r => r.Id == key.ReservationId).Select(r => r.ConfirmationCode).SingleAsync(cancellationToken);
        s.Announce(ChangeTopic.Locks, key.RoomDeviceId, $"Door code for {code} failed to set: {key.LastError}", ChangeKind.Created);
    }

    private static Task RemovedAsync(HotelSession s, AccessKey key, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (key.RemovedFromDevice(s.Now))
        {
            s.Announce(ChangeTopic.Locks, key.RoomDeviceId, "Door code removed");
        }

        return Task.CompletedTask;
    }

    private static string? Text(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static double? Number(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : null;
}
