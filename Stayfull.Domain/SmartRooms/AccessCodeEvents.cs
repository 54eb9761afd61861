using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Stayfull.Domain.Live;
using Stayfull.Domain.Messaging;
using Stayfull.Domain.Sessions;

namespace Stayfull.Domain.SmartRooms;

/// <summary>
/// Door-code events: set on the lock (the key is ready and goes to the guest, once), failed to set
/// (the desk is told), removed. Codes we do not know are logged and ignored.
/// </summary>
public sealed class AccessCodeEvents(HotelSessions sessions, ILogger<AccessCodeEvents> logger) : ISeamEventListener
{
    public bool Takes(string eventType) => eventType is
        "access_code.set_on_device" or "access_code.failed_to_set_on_device" or "access_code.removed_from_device" or "access_code.deleted";

    public async Task HandleAsync(SeamEvent seamEvent, CancellationToken cancellationToken)
    {
        if (seamEvent.AccessCodeId is not { } codeId)
        {
            logger.LogInformation("Seam {EventType} without an access code id ignored", seamEvent.Type);
            return;
        }

        await sessions.WriteAsync(async s =>
        {
            var key = await s.Db.AccessKeys.FirstOrDefaultAsync(k => k.SeamAccessCodeId == codeId, cancellationToken);
            if (key is null)
            {
                logger.LogInformation("Seam {EventType} for unknown access code {AccessCodeId} ignored", seamEvent.Type, codeId);
                return;
            }

            switch (seamEvent.Type)
            {
                case "access_code.set_on_device":
                    await SetOnDeviceAsync(s, key, seamEvent.Text("code"), cancellationToken);
                    break;
                case "access_code.failed_to_set_on_device":
                    await FailedAsync(s, key, seamEvent.Text("error_message") ?? seamEvent.Text("error_code") ?? "The code failed to set on the lock.", cancellationToken);
                    break;
                default:
                    if (key.RemovedFromDevice(s.Now))
                    {
                        s.Announce(ChangeTopic.Locks, key.RoomDeviceId, "Door code removed");
                    }

                    break;
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
}
