using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Stayfull.Domain.Folios;
using Stayfull.Domain.Guests;
using Stayfull.Domain.Integrations;
using Stayfull.Domain.Messaging;
using Stayfull.Domain.Reservations;
using Stayfull.Domain.Sessions;

namespace Stayfull.Domain.SmartRooms;

/// <summary>
/// Sends a guest their door code by email and SMS, wherever they can be reached. A stay may have several
/// codes (a room move, a backup code, a re-issue), and the guest must get each new one: a message is sent
/// once per code, not once per stay as other guest messages are.
/// </summary>
internal static class KeyMessages
{
    /// <returns>How many messages were queued (none when the guest cannot be reached).</returns>
    public static async Task<int> QueueAsync(HotelSession s, AccessKey key, CancellationToken cancellationToken)
    {
        if (key.Code is not { } code || key.SeamAccessCodeId is not { } accessCodeId)
        {
            return 0;
        }

        var reservation = await s.Db.Reservations.SingleAsync(r => r.Id == key.ReservationId, cancellationToken);
        var guest = await s.Db.Guests.SingleAsync(g => g.Id == reservation.GuestId, cancellationToken);
        var queued = 0;
        if (guest.Email is { } email && await GuestMessaging.WhyNotAsync(s, MessageChannel.Email, email, cancellationToken) is null)
        {
            queued += await QueueAsync(s, guest, reservation, MessageChannel.Email, email, code, accessCodeId, cancellationToken);
        }

        if (guest.SmsNumber is { } number && await GuestMessaging.WhyNotAsync(s, MessageChannel.Sms, number, cancellationToken) is null)
        {
            queued += await QueueAsync(s, guest, reservation, MessageChannel.Sms, number, code, accessCodeId, cancellationToken);
        }

        return queued;
    }

    private static async Task<int> QueueAsync(HotelSession s, Guest guest, Reservation reservation, MessageChannel channel, string to, string code, string accessCodeId, CancellationToken cancellationToken)
    {
        var idempotencyKey = $"msg-{reservation.Id}-{MessageTemplateKeys.DigitalKey}-{accessCodeId}-{channel.ToString().ToLowerInvariant()}";
        if (await s.Db.OutboxMessages.AnyAsync(m => m.IdempotencyKey == idempotencyKey, cancellationToken))
        {
            return 0;
        }

        var template = await GuestMessaging.TemplateAsync(s, MessageTemplateKeys.DigitalKey, cancellationToken);
        var rendered = TemplateRenderer.Render(template, await ValuesAsync(s, guest, reservation, code, cancellationToken));
        var message = channel == MessageChannel.Email
            ? GuestMessage.Outbound(s.HotelId, guest.Id, reservation.Id, channel, to, s.Hotel.Name, rendered.Subject, rendered.Text, rendered.Html, MessageTemplateKeys.DigitalKey, s.Now)
            : GuestMessage.Outbound(s.HotelId, guest.Id, reservation.Id, channel, to, s.Hotel.Name, null, rendered.Sms, null, MessageTemplateKeys.DigitalKey, s.Now);
        s.Db.GuestMessages.Add(message);
        await Outbox.EnqueueAsync(
            s,
            channel == MessageChannel.Email ? IntegrationVendor.SendGrid : IntegrationVendor.Twilio,
            channel == MessageChannel.Email ? GuestMessaging.SendEmailOperation : GuestMessaging.SendSmsOperation,
            new MessagePayload(message.Id),
            idempotencyKey,
            cancellationToken);
        s.Audit(nameof(GuestMessage), message.Id, "Queued", new { TemplateKey = MessageTemplateKeys.DigitalKey, Channel = channel.ToString(), reservation.ConfirmationCode });
        return 1;
    }

    private static async Task<TemplateValues> ValuesAsync(HotelSession s, Guest guest, Reservation reservation, string code, CancellationToken cancellationToken)
    {
        var entries = await s.Db.FolioEntries.Where(e => e.ReservationId == reservation.Id).ToListAsync(cancellationToken);
        var folio = new Folio(entries, s.Hotel.Currency);
        return new TemplateValues(
            guest.FullName,
            s.Hotel.Name,
            reservation.ConfirmationCode,
            GuestMessaging.FormatDate(reservation.Arrival),
            GuestMessaging.FormatDate(reservation.Departure),
            folio.Balance.Format(CultureInfo.InvariantCulture),
            KeyCode: code);
    }
}
