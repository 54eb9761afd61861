using Microsoft.EntityFrameworkCore;
using Stayfull.Domain.Inbox;
using Stayfull.Domain.Live;
using Stayfull.Domain.Sessions;

namespace Stayfull.Domain.Messaging;

/// <summary>Which of our messages a vendor event is about: our id when it carries it, else the vendor's id.</summary>
public sealed record MessageReference(Guid? MessageId, string? VendorMessageId);

/// <summary>
/// What vendors tell us after sending: delivery statuses, bounces, replies and STOP/START.
/// Called by webhook appliers, which may replay an event; every method here is idempotent.
/// </summary>
public sealed class MessageTracking(HotelSessions sessions, IEnumerable<IInboundGuestMessageListener> listeners)
{
    private static readonly HashSet<string> StopWords = new(StringComparer.OrdinalIgnoreCase) { "STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT" };
    private static readonly HashSet<string> StartWords = new(StringComparer.OrdinalIgnoreCase) { "START", "UNSTOP" };

    /// <summary>Records a delivery status. A bounce also marks the address bad on every guest who has it.</summary>
    /// <returns>False when the status was already recorded.</returns>
    /// <exception cref="MessageNotFoundException">No message matches yet (a callback can beat the save of the vendor id); the inbox retries.</exception>
    public Task<bool> RecordStatusAsync(MessageReference reference, DeliveryStatus status, DateTimeOffset at, string? detail, CancellationToken cancellationToken) =>
        sessions.WriteAsync(async s =>
        {
            var query = s.Db.GuestMessages.Include(m => m.StatusChanges);
            var message = reference.MessageId is { } id
                ? await query.FirstOrDefaultAsync(m => m.Id == id, cancellationToken)
                : null;
            if (message is null && reference.VendorMessageId is { Length: > 0 } vendorId)
            {
                message = await query.FirstOrDefaultAsync(m => m.VendorMessageId == vendorId, cancellationToken);
            }

            if (message is null)
            {
                throw new MessageNotFoundException($"No message {reference.MessageId?.ToString() ?? reference.VendorMessageId} yet.");
            }

            var changed = message.Record(status, at, detail);
            if (changed)
            {
                s.Announce(ChangeTopic.Messages, message.GuestId ?? message.Id, GuestMessaging.StatusSummary(message.Channel, status));
            }

            if (changed && status == DeliveryStatus.Bounced && message.Channel == MessageChannel.Email)
            {
                var guests = await s.Db.Guests.Where(g => g.Email == message.To).ToListAsync(cancellationToken);
                foreach (var guest in guests)
                {
                    guest.MarkEmailBad(detail ?? "Bounced", at);
                }
            }

            return changed;
        }, cancellationToken);

    /// <summary>
    /// Stores an inbound SMS on the guest with that number (the one we last texted, if several),
    /// or in the unknown-sender conversation. STOP words switch SMS off for the number, START words back on.
    /// </summary>
    public Task<GuestMessage> ReceiveSmsAsync(string vendorMessageId, string from, string to, string body, DateTimeOffset at, CancellationToken cancellationToken) =>
        sessions.WriteAsync(async s =>
        {
            var known = await s.Db.GuestMessages.FirstOrDefaultAsync(m => m.VendorMessageId == vendorMessageId, cancellationToken);
            if (known is not null)
            {
                return known;
            }

            var guestId = await s.Db.GuestMessages
                .Where(m => m.Channel == MessageChannel.Sms && m.Direction == MessageDirection.Outbound && m.To == from && m.GuestId != null)
                .OrderByDescending(m => m.CreatedAt)
                .Select(m => m.GuestId)
                .FirstOrDefaultAsync(cancellationToken)
                ?? await s.Db.Guests.Where(g => g.SmsNumber == from).Select(g => (Guid?)g.Id).FirstOrDefaultAsync(cancellationToken);
            var sameNumber = await s.Db.Guests.Where(g => g.SmsNumber == from).Select(g => g.Id).ToListAsync(cancellationToken);
            var stay = guestId is { } matched
                ? await ConversationThreading.StayOfAsync(s, [matched], cancellationToken) ?? await ConversationThreading.StayOfAsync(s, sameNumber, cancellationToken)
                : await ConversationThreading.StayOfAsync(s, sameNumber, cancellationToken);
            var message = GuestMessage.InboundSms(s.HotelId, guestId ?? stay?.GuestId, from, to, body, vendorMessageId, at);
            await ConversationThreading.ReceiveAsync(s, message, stay, null, listeners, message.GuestId is null ? "New SMS from an unknown number" : "New SMS from a guest", cancellationToken);

            var keyword = body.Trim().TrimEnd('.', '!');
            if (StopWords.Contains(keyword))
            {
                await SetSmsOptOutAsync(s, from, optedOut: true, cancellationToken);
            }
            else if (StartWords.Contains(keyword))
            {
                await SetSmsOptOutAsync(s, from, optedOut: false, cancellationToken);
            }

            return message;
        }, cancellationToken);

    /// <summary>The vendor says the number unsubscribed (or re-subscribed) outside a reply we saw.</summary>
    public Task SetSmsOptOutAsync(string smsNumber, bool optedOut, CancellationToken cancellationToken) =>
        sessions.WriteAsync(s => SetSmsOptOutAsync(s, smsNumber, optedOut, cancellationToken), cancellationToken);

    /// <summary>
    /// Every guest row with the number (a returning guest has one per booking) is switched together,
    /// so a new booking cannot bring back a number that said STOP.
    /// </summary>
    internal static async Task SetSmsOptOutAsync(HotelSession s, string smsNumber, bool optedOut, CancellationToken cancellationToken)
    {
        var guests = await s.Db.Guests.Where(g => g.SmsNumber == smsNumber).ToListAsync(cancellationToken);
        foreach (var guest in guests)
        {
            if (optedOut)
            {
                guest.OptOutOfSms(s.Now);
            }
            else
            {
                guest.OptInToSms();
            }
        }
    }
}

/// <summary>A vendor event names a message we do not have (yet).</summary>
public sealed class MessageNotFoundException(string message) : Exception(message);
