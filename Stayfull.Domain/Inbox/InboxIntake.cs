using Microsoft.EntityFrameworkCore;
using Stayfull.Domain.Channels;
using Stayfull.Domain.Messaging;
using Stayfull.Domain.Sessions;

namespace Stayfull.Domain.Inbox;

/// <summary>An email a guest sent to the hotel's inbound address, as the email vendor parsed it.</summary>
/// <param name="MessageId">The Message-ID header (or a hash of the email when it has none): replays find it.</param>
public sealed record InboundEmail(string MessageId, string FromAddress, string? FromName, string To, string? Subject, string Text, DateTimeOffset ReceivedAt);

/// <summary>
/// Stores guests' emails and OTA chat messages in their stay's conversation. Called by webhook appliers,
/// which may replay an event: the vendor's message id makes every method idempotent.
/// </summary>
public sealed class InboxIntake(HotelSessions sessions, IEnumerable<IInboundGuestMessageListener> listeners, IEnumerable<IChannelBookingLookup> bookingLookups)
{
    public const int MaxBodyLength = 20_000;

    public Task<GuestMessage> ReceiveEmailAsync(InboundEmail email, CancellationToken cancellationToken) =>
        sessions.WriteAsync(async s =>
        {
            if (await s.Db.GuestMessages.FirstOrDefaultAsync(m => m.VendorMessageId == email.MessageId, cancellationToken) is { } known)
            {
                return known;
            }

            // Addresses are compared as written and in lower case: mail programs keep the guest's casing, the desk may not.
            var asWritten = email.FromAddress.Trim();
            var address = asWritten.ToLowerInvariant();
            var guests = await s.Db.Guests.Where(g => g.Email == address || g.Email == asWritten).Select(g => g.Id).ToListAsync(cancellationToken);
            var stay = await ConversationThreading.StayOfAsync(s, guests, cancellationToken);
            var message = GuestMessage.InboundEmail(s.HotelId, stay?.GuestId ?? guests.FirstOrDefault().OrNull(), address, email.To, email.Subject, Clip(email.Text), email.MessageId, email.ReceivedAt);
            await ConversationThreading.ReceiveAsync(s, message, stay, null, listeners, message.GuestId is null ? "New email from an unknown sender" : "New email from a guest", cancellationToken);
            return message;
        }, cancellationToken);

    /// <summary>A guest wrote in the OTA chat of a channel booking; the booking's stay is found through the channel import.</summary>
    public Task<GuestMessage> ReceiveOtaAsync(string channelMessageId, string channelBookingId, string text, DateTimeOffset at, CancellationToken cancellationToken) =>
        sessions.WriteAsync(async s =>
        {
            if (await s.Db.GuestMessages.FirstOrDefaultAsync(m => m.VendorMessageId == channelMessageId, cancellationToken) is { } known)
            {
                return known;
            }

            ChannelBookingStay? booking = null;
            foreach (var lookup in bookingLookups)
            {
                booking ??= await lookup.FindAsync(s, channelBookingId, cancellationToken);
            }

            var stay = booking is null ? null : new GuestStay(booking.GuestId, booking.ReservationId);
            var message = GuestMessage.InboundOta(s.HotelId, stay?.GuestId, stay?.ReservationId, channelBookingId, booking?.OtaName ?? "OTA", Clip(text), channelMessageId, at);
            await ConversationThreading.ReceiveAsync(s, message, stay, channelBookingId, listeners, $"New {booking?.OtaName ?? "OTA"} chat message", cancellationToken);
            return message;
        }, cancellationToken);

    private static string Clip(string text) => text.Length > MaxBodyLength ? text[..MaxBodyLength] : text;
}

internal static class GuidExtensions
{
    public static Guid? OrNull(this Guid id) => id == Guid.Empty ? null : id;
}
