using Microsoft.EntityFrameworkCore;
using Stayfull.Domain.Common;
using Stayfull.Domain.Folios;
using Stayfull.Domain.Live;
using Stayfull.Domain.Rates;
using Stayfull.Domain.Sessions;
using Stayfull.Domain.SmartRooms;
using Stayfull.Domain.Tenancy;

namespace Stayfull.Domain.Reservations;

/// <summary>What a change of dates did to the stay's price.</summary>
public sealed record StayChange(DateOnly Arrival, DateOnly Departure, Money RoomNightsBefore, Money RoomNightsAfter);

/// <summary>
/// Changes a reservation's dates (extend, shorten, shift). Nights the stay gives up go back on sale and the
/// nights it takes are reserved in the same save, with the night counters' concurrency check (ADR 0002), so
/// a change can never sell a room twice: a full night answers "sold out". The room nights not yet stayed
/// are priced again at today's rates, as a booking prices them. The stay keeps its room when the room is free
/// for the new dates; otherwise staff move the guest first. The door code follows the new dates.
/// </summary>
public sealed class StayChangeService(HotelSessions sessions)
{
    public Task<StayChange> ChangeDatesAsync(Guid reservationId, DateOnly arrival, DateOnly departure, CancellationToken cancellationToken)
    {
        var stay = new StayDates(arrival, departure);
        return sessions.WriteAsync(s => ChangeAsync(s, reservationId, stay, cancellationToken), cancellationToken);
    }

    private static async Task<StayChange> ChangeAsync(HotelSession s, Guid reservationId, StayDates stay, CancellationToken cancellationToken)
    {
        s.Staff.Require(StaffRole.FrontDesk, "change a reservation's dates");
        var reservation = await ReservationService.FindAsync(s, reservationId, cancellationToken);
        var old = reservation.Stay;
        if (old == stay)
        {
            throw new RuleViolationException("The reservation already has those dates.");
        }

        Validate(s, reservation, stay);
        var type = await s.Db.RoomTypes.SingleAsync(t => t.Id == reservation.RoomTypeId, cancellationToken);
        await MoveNightsAsync(s, type, old, stay, cancellationToken);
        reservation.ChangeStay(stay, s.Staff.UserName, s.Now);
        var room = reservation.RoomId is { } roomId ? await s.Db.Rooms.SingleAsync(r => r.Id == roomId, cancellationToken) : null;
        if (room is not null)
        {
            await EnsureRoomFreeAsync(s, reservation, room, cancellationToken);
            room.Touch();
        }

        var (before, after) = await RepriceAsync(s, reservation, type, cancellationToken);
        await KeyFlows.AtStayChangedAsync(s, reservation, cancellationToken);
        s.Audit(nameof(Reservation), reservation.Id, "DatesChanged", new
        {
            From = new { old.Arrival, old.Departure },
            To = new { stay.Arrival, stay.Departure },
            RoomNightsBeforeMinor = before,
            RoomNightsAfterMinor = after,
        });
        s.Announce(ChangeTopic.Reservations, reservation.Id, $"{reservation.ConfirmationCode} now {stay.Arrival:d MMM} – {stay.Departure:d MMM}");
        return new StayChange(stay.Arrival, stay.Departure, s.Money(before), s.Money(after));
    }

    /// <summary>
    /// New dates a channel decided (the OTA already sold them): the nights move as for any change of dates, in the
    /// caller's session, but a full night does not refuse the change; the caller flags the overbooking and posts
    /// the room nights at the channel's prices. The door code follows the new dates.
    /// </summary>
    internal static async Task ChangeForChannelAsync(HotelSession s, Reservation reservation, StayDates stay, CancellationToken cancellationToken)
    {
        var old = reservation.Stay;
        if (old == stay)
        {
            return;
        }

        var type = await s.Db.RoomTypes.SingleAsync(t => t.Id == reservation.RoomTypeId, cancellationToken);
        await InventoryLedger.ReleaseAsync(s, type.Id, old.Arrival, Min(stay.Arrival, old.Departure), cancellationToken);
        await InventoryLedger.ReleaseAsync(s, type.Id, Max(stay.Departure, old.Arrival), old.Departure, cancellationToken);
        foreach (var (from, to) in new[] { (stay.Arrival, Min(old.Arrival, stay.Departure)), (Max(old.Departure, stay.Arrival), stay.Departure) })
        {
            if (from < to)
            {
                await InventoryLedger.ReserveAsync(s, type, from, to, allowOverbooking: true, cancellationToken);
            }
        }

        reservation.ChangeStay(stay, s.Staff.UserName, s.Now);
        await KeyFlows.AtStayChangedAsync(s, reservation, cancellationToken);
        s.Audit(nameof(Reservation), reservation.Id, "DatesChanged", new { From = new { old.Arrival, old.Departure }, To = new { stay.Arrival, stay.Departure }, Source = ReservationSource.Ota });
    }

    private static void Validate(HotelSession s, Reservation reservation, StayDates stay)
    {
        if (reservation.Status == ReservationStatus.CheckedIn)
        {
            if (stay.Arrival != reservation.Arrival)
            {
                throw ValidationException.For("arrival", "The guest is in house: only the departure can change.");
            }

            if (stay.Departure <= s.Today)
            {
                throw ValidationException.For("departure", "To end the stay today, check the guest out.");
            }
        }
        else if (reservation.Status == ReservationStatus.Confirmed && stay.Arrival < s.Today)
        {
            throw ValidationException.For("arrival", "Arrival cannot be in the past.");
        }
    }

    /// <summary>Releases the nights only the old stay had and reserves the nights only the new one has.</summary>
    private static async Task MoveNightsAsync(HotelSession s, Rooms.RoomType type, StayDates old, StayDates stay, CancellationToken cancellationToken)
    {
        await InventoryLedger.ReleaseAsync(s, type.Id, old.Arrival, Min(stay.Arrival, old.Departure), cancellationToken);
        await InventoryLedger.ReleaseAsync(s, type.Id, Max(stay.Departure, old.Arrival), old.Departure, cancellationToken);
        await ReserveAsync(s, type, stay.Arrival, Min(old.Arrival, stay.Departure), cancellationToken);
        await ReserveAsync(s, type, Max(old.Departure, stay.Arrival), stay.Departure, cancellationToken);
    }

    private static Task ReserveAsync(HotelSession s, Rooms.RoomType type, DateOnly from, DateOnly to, CancellationToken cancellationToken) =>
        from < to ? InventoryLedger.ReserveAsync(s, type, from, to, allowOverbooking: false, cancellationToken) : Task.CompletedTask;

    private static async Task EnsureRoomFreeAsync(HotelSession s, Reservation reservation, Rooms.Room room, CancellationToken cancellationToken)
    {
        var from = reservation.Status == ReservationStatus.CheckedIn ? s.Today : reservation.Arrival;
        var taken = await s.Db.Reservations.AsNoTracking()
            .Where(r => r.RoomId == room.Id && r.Id != reservation.Id
                && (r.Status == ReservationStatus.Confirmed || r.Status == ReservationStatus.CheckedIn)
                && r.Arrival < reservation.Departure && from < r.Departure)
            .Select(r => r.ConfirmationCode)
            .FirstOrDefaultAsync(cancellationToken);
        if (taken is not null)
        {
            throw new RuleViolationException($"Room {room.Number} is booked by reservation {taken} for some of the new nights. Move the guest to another room first, then change the dates.");
        }
    }

    /// <summary>
    /// Prices the room nights not stayed yet again at the current rates, as a booking prices them; nights
    /// already stayed keep the price they were charged.
    /// </summary>
    /// <returns>The room nights' total before and after, in minor units.</returns>
    private static async Task<(long Before, long After)> RepriceAsync(HotelSession s, Reservation reservation, Rooms.RoomType type, CancellationToken cancellationToken)
    {
        var keepBefore = reservation.Status == ReservationStatus.CheckedIn ? s.Today : DateOnly.MinValue;
        var nights = await s.Db.FolioEntries.Where(e => e.ReservationId == reservation.Id && e.Kind == FolioEntryKind.RoomNight).ToListAsync(cancellationToken);
        var before = nights.Sum(e => e.AmountMinor);
        var kept = nights.Where(e => e.ServiceDate < keepBefore && e.ServiceDate >= reservation.Arrival && e.ServiceDate < reservation.Departure).ToList();
        s.Db.FolioEntries.RemoveRange(nights.Except(kept));

        var plan = await s.Db.RatePlans.SingleAsync(p => p.Id == reservation.RatePlanId, cancellationToken);
        var from = Max(reservation.Arrival, keepBefore);
        var rates = await s.Db.RoomTypeDays.AsNoTracking()
            .Where(d => d.RoomTypeId == type.Id && d.Date >= from && d.Date < reservation.Departure)
            .ToDictionaryAsync(d => d.Date, d => d.RateMinor, cancellationToken);
        var after = kept.Sum(e => e.AmountMinor);
        foreach (var night in reservation.Stay.EachNight().Where(n => n >= from))
        {
            var price = plan.PriceOf(rates.GetValueOrDefault(night) ?? type.BaseRateMinor);
            after += price;
            s.Db.FolioEntries.Add(new FolioEntry(s.HotelId, reservation.Id, FolioEntryKind.RoomNight, night, $"{type.Name} – {plan.Name}", price, s.Hotel.Currency, s.Staff.UserName, s.Now));
        }

        return (before, after);
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}
