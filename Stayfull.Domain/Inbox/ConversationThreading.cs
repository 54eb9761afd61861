using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Stayfull.Domain.Live;
using Stayfull.Domain.Messaging;
using Stayfull.Domain.Reservations;
using Stayfull.Domain.Sessions;

namespace Stayfull.Domain.Inbox;

/// <summary>A guest and the stay a message from them is about.</summary>
public sealed record GuestStay(Guid GuestId, Guid ReservationId);

/// <summary>
/// Files messages into conversations, one per guest stay: the stay's thread when the stay is known, else the
/// OTA booking's, else the guest's open thread, else a new one (a sender no guest has gets their own).
/// </summary>
public static class ConversationThreading
{
    /// <param name="stay">The stay the sender was matched to, when the message itself does not name it.</param>
    /// <param name="channelBookingId">The channel manager's booking id of an OTA message.</param>
    public static async Task<Conversation> FileAsync(HotelSession s, GuestMessage message, GuestStay? stay, string? channelBookingId, CancellationToken cancellationToken)
    {
        var guestId = message.GuestId ?? stay?.GuestId;
        var reservationId = message.ReservationId ?? stay?.ReservationId;
        var sender = message.Direction == MessageDirection.Inbound ? message.From : message.To;
        var conversation = await FindAsync(s, guestId, reservationId, channelBookingId, sender, cancellationToken);
        if (conversation is null)
        {
            conversation = new Conversation(s.HotelId, guestId, reservationId, channelBookingId, sender, message.CreatedAt);
            s.Db.Conversations.Add(conversation);
        }

        message.JoinConversation(conversation.Id, guestId ?? conversation.GuestId, reservationId ?? conversation.ReservationId);
        conversation.Add(message, channelBookingId);
        return conversation;
    }

    /// <summary>
    /// Stores a guest's message in its thread, runs every inbound listener in the same session, and tells
    /// open screens; the announcement never carries the text.
    /// </summary>
    public static async Task<Conversation> ReceiveAsync(HotelSession s, GuestMessage message, GuestStay? stay, string? channelBookingId, IEnumerable<IInboundGuestMessageListener> listeners, string summary, CancellationToken cancellationToken)
    {
        s.Db.GuestMessages.Add(message);
        var conversation = await FileAsync(s, message, stay, channelBookingId, cancellationToken);
        s.Announce(ChangeTopic.Messages, message.GuestId ?? conversation.Id, summary, ChangeKind.Created);
        foreach (var listener in listeners)
        {
            await listener.OnReceivedAsync(s, message, cancellationToken);
        }

        return conversation;
    }

    /// <summary>
    /// The stay a guest writing now is most likely about: the current or next one, else the latest past one.
    /// A returning guest has one guest row per booking, so all rows with the same address are considered.
    /// </summary>
    public static async Task<GuestStay?> StayOfAsync(HotelSession s, IReadOnlyCollection<Guid> guestIds, CancellationToken cancellationToken)
    {
        if (guestIds.Count == 0)
        {
            return null;
        }

        var stays = await s.Db.Reservations
            .Where(r => guestIds.Contains(r.GuestId) && r.Status != ReservationStatus.Cancelled && r.Status != ReservationStatus.NoShow)
            .Select(r => new { r.Id, r.GuestId, r.Arrival, r.Departure })
            .ToListAsync(cancellationToken);
        var best = stays.Where(r => r.Departure >= s.Today).OrderBy(r => r.Arrival).FirstOrDefault()
            ?? stays.OrderByDescending(r => r.Departure).FirstOrDefault();
        return best is null ? null : new GuestStay(best.GuestId, best.Id);
    }

    private static async Task<Conversation?> FindAsync(HotelSession s, Guid? guestId, Guid? reservationId, string? channelBookingId, string sender, CancellationToken cancellationToken)
    {
        if (reservationId is { } stay && await OneAsync(s, c => c.ReservationId == stay, cancellationToken) is { } ofStay)
        {
            return ofStay;
        }

        if (channelBookingId is not null && await OneAsync(s, c => c.ChannelBookingId == channelBookingId, cancellationToken) is { } ofBooking)
        {
            return ofBooking;
        }

        if (reservationId is not null)
        {
            // A stay of its own, even when the guest has another open thread for an earlier stay.
            return null;
        }

        return guestId is { } guest
            ? await OneAsync(s, c => c.GuestId == guest && c.Status == ConversationStatus.Open, cancellationToken)
            : await OneAsync(s, c => c.GuestId == null && c.UnknownSender == sender && c.Status == ConversationStatus.Open, cancellationToken);
    }

    private static async Task<Conversation?> OneAsync(HotelSession s, Expression<Func<Conversation, bool>> where, CancellationToken cancellationToken) =>
        // A thread started earlier in this same session (a new booking's confirmation) is not saved yet.
        s.Db.Conversations.Local.FirstOrDefault(where.Compile())
            ?? await s.Db.Conversations.Where(where).OrderByDescending(c => c.LastMessageAt).FirstOrDefaultAsync(cancellationToken);
}
