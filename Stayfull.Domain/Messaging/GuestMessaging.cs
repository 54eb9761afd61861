using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Stayfull.Domain.Common;
using Stayfull.Domain.Folios;
using Stayfull.Domain.Guests;
using Stayfull.Domain.Inbox;
using Stayfull.Domain.Integrations;
using Stayfull.Domain.Reservations;
using Stayfull.Domain.Sessions;

namespace Stayfull.Domain.Messaging;

/// <summary>Extra values only some templates use (the check-in link, a door code).</summary>
public sealed record TemplateExtras(string CheckInLink = "", string KeyCode = "");

/// <summary>
/// The rules of messaging a guest, inside a caller's session so the message and its outbox intent
/// commit with the change that caused them.
/// </summary>
public static class GuestMessaging
{
    public const string SendEmailOperation = "SendEmail";
    public const string SendSmsOperation = "SendSms";

    /// <summary>
    /// Renders the hotel's template for the reservation and records the message plus its outbox intent.
    /// Queuing the same template on the same channel for the same reservation again returns the first message.
    /// </summary>
    /// <exception cref="RuleViolationException">The guest has no usable address, bounced, or replied STOP.</exception>
    public static async Task<GuestMessage> QueueAsync(HotelSession s, Guest guest, Reservation reservation, string templateKey, MessageChannel channel, TemplateExtras extras, CancellationToken cancellationToken)
    {
        var existing = await s.Db.GuestMessages.FirstOrDefaultAsync(
            m => m.ReservationId == reservation.Id && m.TemplateKey == templateKey && m.Channel == channel && m.Direction == MessageDirection.Outbound,
            cancellationToken);
        if (existing is not null)
        {
            return existing;
        }

        var to = channel == MessageChannel.Email ? EmailAddressOf(guest) : SmsNumberOf(guest);
        if (await WhyNotAsync(s, channel, to, cancellationToken) is { } reason)
        {
            throw new RuleViolationException($"{guest.FullName}: {reason}");
        }

        var template = await TemplateAsync(s, templateKey, cancellationToken);
        var rendered = TemplateRenderer.Render(template, await ValuesAsync(s, guest, reservation, extras, cancellationToken));
        var message = channel == MessageChannel.Email
            ? GuestMessage.Outbound(s.HotelId, guest.Id, reservation.Id, channel, to, s.Hotel.Name, rendered.Subject, rendered.Text, rendered.Html, templateKey, s.Now)
            : GuestMessage.Outbound(s.HotelId, guest.Id, reservation.Id, channel, to, s.Hotel.Name, null, rendered.Sms, null, templateKey, s.Now);
        s.Db.GuestMessages.Add(message);
        await ConversationThreading.FileAsync(s, message, null, null, cancellationToken);
        await Outbox.EnqueueAsync(
            s,
            channel == MessageChannel.Email ? IntegrationVendor.SendGrid : IntegrationVendor.Twilio,
            channel == MessageChannel.Email ? SendEmailOperation : SendSmsOperation,
            new MessagePayload(message.Id),
            $"msg-{reservation.Id}-{templateKey}-{channel.ToString().ToLowerInvariant()}",
            cancellationToken);
        s.Audit(nameof(GuestMessage), message.Id, "Queued", new { templateKey, Channel = channel.ToString(), reservation.ConfirmationCode });
        return message;
    }

    /// <summary>Called when a reservation is created: confirms it by email when the guest gave a usable address.</summary>
    public static Task QueueBookingConfirmationAsync(HotelSession s, Guest guest, Reservation reservation, CancellationToken cancellationToken) =>
        QueueEmailIfPossibleAsync(s, guest, reservation, MessageTemplateKeys.BookingConfirmation, cancellationToken);

    /// <summary>
    /// Queues a transactional email that goes with a desk action (confirmation, receipt). The action never
    /// fails over it: a guest without an address, or with one known to bounce, simply gets none.
    /// </summary>
    public static async Task QueueEmailIfPossibleAsync(HotelSession s, Guest guest, Reservation reservation, string templateKey, CancellationToken cancellationToken, TemplateExtras? extras = null)
    {
        if (guest.Email is null || await WhyNotAsync(s, MessageChannel.Email, guest.Email, cancellationToken) is not null)
        {
            return;
        }

        await QueueAsync(s, guest, reservation, templateKey, MessageChannel.Email, extras ?? new TemplateExtras(), cancellationToken);
    }

    /// <summary>Why nothing may be sent to <paramref name="address"/> on <paramref name="channel"/>, or null when it may.</summary>
    public static async Task<string?> WhyNotAsync(HotelSession s, MessageChannel channel, string address, CancellationToken cancellationToken)
    {
        if (channel == MessageChannel.Email)
        {
            // Exact match, as stored: the same guest data produced both the message and the bounce.
            var bounced = await s.Db.Guests.AsNoTracking()
                .Where(g => g.Email == address && g.EmailBouncedAt != null)
                .OrderBy(g => g.EmailBouncedAt)
                .Select(g => new { g.EmailBouncedAt, g.EmailBounceReason })
                .FirstOrDefaultAsync(cancellationToken);
            return bounced is null
                ? null
                : $"email to {address} is off because it bounced on {bounced.EmailBouncedAt!.Value.ToString("d MMM yyyy", CultureInfo.InvariantCulture)} ({bounced.EmailBounceReason ?? "no reason given"}). Correct the address first.";
        }

        var optedOut = await s.Db.Guests.AsNoTracking()
            .Where(g => g.SmsNumber == address && g.SmsOptedOutAt != null)
            .Select(g => g.SmsOptedOutAt)
            .FirstOrDefaultAsync(cancellationToken);
        return optedOut is null
            ? null
            : $"{address} replied STOP on {optedOut.Value.ToString("d MMM yyyy", CultureInfo.InvariantCulture)}; no SMS is sent until they reply START.";
    }

    /// <summary>The hotel's own wording for <paramref name="key"/>, or the default.</summary>
    public static async Task<TemplateText> TemplateAsync(HotelSession s, string key, CancellationToken cancellationToken)
    {
        var own = await s.Db.MessageTemplates.AsNoTracking().FirstOrDefaultAsync(t => t.Key == key, cancellationToken);
        return own is null ? DefaultTemplates.For(key) : new TemplateText(own.Subject, own.Body, own.SmsText);
    }

    private static async Task<TemplateValues> ValuesAsync(HotelSession s, Guest guest, Reservation reservation, TemplateExtras extras, CancellationToken cancellationToken)
    {
        // Entries added in this same session (the room nights of a new booking) are not in the database yet.
        var saved = await s.Db.FolioEntries.Where(e => e.ReservationId == reservation.Id).ToListAsync(cancellationToken);
        var pending = s.Db.ChangeTracker.Entries<FolioEntry>()
            .Where(e => e.State == EntityState.Added && e.Entity.ReservationId == reservation.Id)
            .Select(e => e.Entity);
        var folio = new Folio([.. saved, .. pending], s.Hotel.Currency);
        return new TemplateValues(
            guest.FullName,
            s.Hotel.Name,
            reservation.ConfirmationCode,
            FormatDate(reservation.Arrival),
            FormatDate(reservation.Departure),
            folio.Balance.Format(CultureInfo.InvariantCulture),
            extras.CheckInLink,
            extras.KeyCode);
    }

    /// <summary>A live-update sentence about a message: the channel and what happened, never the address or the text.</summary>
    public static string StatusSummary(MessageChannel channel, DeliveryStatus status) =>
        $"{ChannelName(channel)} {status.ToString().ToLowerInvariant()}";

    /// <summary>How staff call a channel.</summary>
    public static string ChannelName(MessageChannel channel) => channel switch
    {
        MessageChannel.Email => "Email",
        MessageChannel.Ota => "OTA chat",
        _ => "SMS",
    };

    internal static string FormatDate(DateOnly date) => date.ToString("ddd d MMM yyyy", CultureInfo.InvariantCulture);

    private static string EmailAddressOf(Guest guest) =>
        guest.Email ?? throw new RuleViolationException($"{guest.FullName} has no email address.");

    private static string SmsNumberOf(Guest guest) => guest switch
    {
        { SmsNumber: { } number } => number,
        { Phone: null } => throw new RuleViolationException($"{guest.FullName} has no phone number."),
        _ => throw new RuleViolationException($"{guest.FullName}'s phone number {guest.Phone} has no country code (+…); SMS needs one."),
    };
}

/// <summary>What an outbox intent for a message carries: our id only, never the text or the address.</summary>
public sealed record MessagePayload(Guid MessageId);
