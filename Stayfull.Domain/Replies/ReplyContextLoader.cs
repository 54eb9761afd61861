using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Stayfull.Domain.Common;
using Stayfull.Domain.Folios;
using Stayfull.Domain.Messaging;
using Stayfull.Domain.Reservations;
using Stayfull.Domain.Sessions;
using Stayfull.Domain.SmartRooms;

namespace Stayfull.Domain.Replies;

/// <summary>
/// Gathers what a reply to one guest message may be grounded in, within the hotel's session (so another
/// hotel's message, booking or knowledge is never seen): the text, the guest, the stay it is about and its
/// folio and door code status, the hotel's hours, and its enabled knowledge base entries.
/// </summary>
public static class ReplyContextLoader
{
    public static async Task<ReplyRequest> ForMessageAsync(HotelSession s, Guid messageId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(s);
        var message = await s.Db.GuestMessages.SingleOrDefaultAsync(m => m.Id == messageId, cancellationToken)
            ?? throw new NotFoundException("Message");
        return await ForMessageAsync(s, message, cancellationToken);
    }

    public static async Task<ReplyRequest> ForMessageAsync(HotelSession s, GuestMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(message);
        var guest = message.GuestId is { } guestId ? await s.Db.Guests.SingleOrDefaultAsync(g => g.Id == guestId, cancellationToken) : null;
        var reservation = await StayOfAsync(s, message, cancellationToken);
        var facts = reservation is null ? null : await FactsAsync(s, reservation, cancellationToken);
        return new ReplyRequest(message.Body, guest?.FullName, LanguageGuess.Of(message.Body), HotelFacts(s), facts, await KnowledgeAsync(s, cancellationToken));
    }

    /// <summary>A question typed by staff (the "try a question" box): the knowledge base and the hotel's hours, no booking.</summary>
    public static async Task<ReplyRequest> ForQuestionAsync(HotelSession s, string question, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(s);
        return new ReplyRequest(question, null, LanguageGuess.Of(question), HotelFacts(s), null, await KnowledgeAsync(s, cancellationToken));
    }

    public static async Task<IReadOnlyList<KnowledgeFact>> KnowledgeAsync(HotelSession s, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(s);
        var entries = await s.Db.KnowledgeBaseEntries.AsNoTracking().Where(e => e.Enabled).OrderBy(e => e.Title).ToListAsync(cancellationToken);
        return [.. entries.Select(KnowledgeFact.Of)];
    }

    private static HotelFacts HotelFacts(HotelSession s) => new(s.Hotel.Name, s.Hotel.CheckInTime, s.Hotel.CheckOutTime);

    /// <summary>
    /// The stay the message is about: its own when linked; otherwise the guest's stay in house, else the next
    /// one to arrive, else the latest one.
    /// </summary>
    private static async Task<Reservation?> StayOfAsync(HotelSession s, GuestMessage message, CancellationToken cancellationToken)
    {
        if (message.ReservationId is { } reservationId)
        {
            return await s.Db.Reservations.AsNoTracking().SingleOrDefaultAsync(r => r.Id == reservationId, cancellationToken);
        }

        if (message.GuestId is not { } guestId)
        {
            return null;
        }

        var stays = await s.Db.Reservations.AsNoTracking()
            .Where(r => r.GuestId == guestId && r.Status != ReservationStatus.Cancelled && r.Status != ReservationStatus.NoShow)
            .ToListAsync(cancellationToken);
        return stays.FirstOrDefault(r => r.Status == ReservationStatus.CheckedIn)
            ?? stays.Where(r => r.Status == ReservationStatus.Confirmed && r.Departure >= s.Today).OrderBy(r => r.Arrival).FirstOrDefault()
            ?? stays.OrderByDescending(r => r.Departure).FirstOrDefault();
    }

    private static async Task<ReservationFacts> FactsAsync(HotelSession s, Reservation reservation, CancellationToken cancellationToken)
    {
        var roomType = await s.Db.RoomTypes.AsNoTracking().Where(t => t.Id == reservation.RoomTypeId).Select(t => t.Name).SingleOrDefaultAsync(cancellationToken);
        var room = reservation.RoomId is { } roomId ? await s.Db.Rooms.AsNoTracking().Where(r => r.Id == roomId).Select(r => r.Number).SingleOrDefaultAsync(cancellationToken) : null;
        var entries = await s.Db.FolioEntries.AsNoTracking().Where(e => e.ReservationId == reservation.Id).ToListAsync(cancellationToken);
        var balance = new Folio(entries, s.Hotel.Currency).Balance;
        var keys = await s.Db.AccessKeys.AsNoTracking().Where(k => k.ReservationId == reservation.Id).ToListAsync(cancellationToken);
        var key = keys.OrderByDescending(k => k.CreatedAt).FirstOrDefault(k => !k.IsRevoked) ?? keys.OrderByDescending(k => k.CreatedAt).FirstOrDefault();
        var doorCode = key?.Status switch
        {
            null => DoorCodeStatus.NotIssued,
            AccessKeyStatus.Ready => DoorCodeStatus.Ready,
            AccessKeyStatus.Failed => DoorCodeStatus.Failed,
            AccessKeyStatus.Removing or AccessKeyStatus.Removed => DoorCodeStatus.Revoked,
            _ => DoorCodeStatus.Pending,
        };
        return new ReservationFacts(
            reservation.ConfirmationCode,
            reservation.Arrival,
            reservation.Departure,
            reservation.Status.ToString(),
            roomType ?? "room",
            room,
            balance.Minor,
            balance.Format(CultureInfo.InvariantCulture),
            doorCode,
            key?.SentAt is not null);
    }
}
