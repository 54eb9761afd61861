using Microsoft.EntityFrameworkCore;
using Stayfull.Domain.Common;
using Stayfull.Domain.Folios;
using Stayfull.Domain.Guests;
using Stayfull.Domain.Live;
using Stayfull.Domain.Payments;
using Stayfull.Domain.Pricing;
using Stayfull.Domain.Messaging;
using Stayfull.Domain.Rates;
using Stayfull.Domain.Rooms;
using Stayfull.Domain.Sessions;
using Stayfull.Domain.SmartRooms;
using Stayfull.Domain.Tenancy;

namespace Stayfull.Domain.Reservations;

/// <summary>
/// Quotes and books stays. Booking reserves every night atomically: of many concurrent
/// requests for the last room exactly one wins, the others are told it is sold out.
/// Each booking is signalled to pricing, where a burst of them makes the recommendations due.
/// </summary>
public sealed class BookingService(HotelSessions sessions, PricingRecomputeSignals? pricing = null)
{
    public Task<Quote> QuoteAsync(Guid roomTypeId, Guid? ratePlanId, DateOnly arrival, DateOnly departure, CancellationToken cancellationToken) =>
        sessions.ReadAsync(async s =>
        {
            var stay = new StayDates(arrival, departure);
            var type = await s.Db.RoomTypes.SingleOrDefaultAsync(t => t.Id == roomTypeId, cancellationToken) ?? throw new NotFoundException("Room type");
            var plan = await RatePlanAsync(s, ratePlanId, cancellationToken);
            var days = (await AvailabilityService.LoadAsync(s, stay.Arrival, stay.Departure.AddDays(1), type.Id, cancellationToken)).Single().Days;
            var nights = days.Take(stay.Nights).ToList();
            var quoteNights = nights.Select(n => new QuoteNight(n.Date, s.Money(plan.PriceOf(n.RateMinor)), n.Available)).ToList();
            var total = quoteNights.Aggregate(s.Money(0), (sum, n) => sum + n.Price);
            var violations = RestrictionChecker.Violations(stay, nights, days[^1]);
            return new Quote(quoteNights, total, nights.Min(n => n.Available), violations);
        }, cancellationToken);

    public async Task<Reservation> BookAsync(BookingRequest request, CancellationToken cancellationToken)
    {
        var stay = new StayDates(request.Arrival, request.Departure);
        var reservation = await sessions.WriteAsync(s => BookAsync(s, request, stay, cancellationToken), cancellationToken);
        pricing?.BookingMade(reservation.HotelId);
        return reservation;
    }

    private static async Task<Reservation> BookAsync(HotelSession s, BookingRequest request, StayDates stay, CancellationToken cancellationToken)
    {
        var staffBooking = request.Source == ReservationSource.FrontDesk;
        if (staffBooking)
        {
            s.Staff.Require(StaffRole.FrontDesk, "make a reservation");
        }

        var type = await s.Db.RoomTypes.SingleOrDefaultAsync(t => t.Id == request.RoomTypeId, cancellationToken) ?? throw new NotFoundException("Room type");
        var plan = await RatePlanAsync(s, request.RatePlanId, cancellationToken);
        if (request.Adults < 1 || request.Adults > type.Capacity)
        {
            throw ValidationException.For("adults", $"A {type.Name} sleeps 1 to {type.Capacity} guests.");
        }

        if (stay.Arrival < s.Today && request.Source != ReservationSource.Ota)
        {
            throw ValidationException.For("arrival", "Arrival cannot be in the past.");
        }

        var guest = new Guest(s.HotelId, request.GuestName, request.GuestEmail, request.GuestPhone);
        var givenReason = string.IsNullOrWhiteSpace(request.OverrideReason) ? null : request.OverrideReason.Trim();
        var overrideReason = await CheckRestrictionsAsync(s, type, stay, staffBooking, givenReason, cancellationToken);

        // A channel already sold the room: accept it and let the desk resolve the overbooking.
        var allowOverbooking = request.Source == ReservationSource.Ota;
        await InventoryLedger.ReserveAsync(s, type, stay.Arrival, stay.Departure, allowOverbooking, cancellationToken);

        var reservation = new Reservation(s.HotelId, ConfirmationCodes.New(), guest.Id, type.Id, plan.Id, stay, request.Adults, request.Source, s.Staff.UserName, s.Now);
        if (overrideReason is not null)
        {
            reservation.RecordOverride(overrideReason);
        }

        if (request.RoomId is { } roomId)
        {
            var room = await RoomAssignment.FindFreeRoomAsync(s, roomId, reservation, cancellationToken);
            if (room.RoomTypeId != type.Id)
            {
                // The nights were reserved on the requested type; a room of another type would sell what was not counted.
                throw new RuleViolationException($"Room {room.Number} is not a {type.Name}.");
            }

            reservation.AssignRoom(room, s.Staff.UserName, s.Now);
        }

        s.Db.Guests.Add(guest);
        s.Db.Reservations.Add(reservation);
        var stayTotal = await PostRoomNightsAsync(s, reservation, type, plan, cancellationToken);
        await PaymentFlows.AtBookingAsync(s, reservation, plan, stayTotal, guest.Email, cancellationToken);
        if (request.RoomId is not null)
        {
            await KeyFlows.AtRoomAssignedAsync(s, reservation, await s.Db.Rooms.SingleAsync(r => r.Id == reservation.RoomId, cancellationToken), cancellationToken);
        }

        await GuestMessaging.QueueBookingConfirmationAsync(s, guest, reservation, cancellationToken);
        s.Audit(nameof(Reservation), reservation.Id, "Created", new { reservation.ConfirmationCode, request.Source, stay.Arrival, stay.Departure, type.Code, OverrideReason = overrideReason });
        s.Announce(ChangeTopic.Reservations, reservation.Id, $"New reservation {reservation.ConfirmationCode} for {guest.FullName}");
        return reservation;
    }

    /// <returns>The staff member's reason when the booking overrides a restriction; null when nothing was overridden.</returns>
    private static async Task<string?> CheckRestrictionsAsync(HotelSession s, RoomType type, StayDates stay, bool staffBooking, string? overrideReason, CancellationToken cancellationToken)
    {
        var days = (await AvailabilityService.LoadAsync(s, stay.Arrival, stay.Departure.AddDays(1), type.Id, cancellationToken)).Single().Days;
        var violations = RestrictionChecker.Violations(stay, days.Take(stay.Nights).ToList(), days[^1]);
        if (violations.Count == 0)
        {
            // Nothing to override: a reason sent anyway (even from the guest page) is not an override.
            return null;
        }

        if (!staffBooking)
        {
            throw new RuleViolationException(string.Join(" ", violations));
        }

        if (overrideReason is null)
        {
            throw new RuleViolationException(string.Join(" ", violations) + " Give a reason to override.");
        }

        return overrideReason;
    }

    /// <summary>Locks the price of each night at booking time: later rate changes do not touch this stay.</summary>
    /// <returns>The price of the whole stay.</returns>
    internal static async Task<long> PostRoomNightsAsync(HotelSession s, Reservation reservation, RoomType type, Rates.RatePlan plan, CancellationToken cancellationToken)
    {
        var rates = await s.Db.RoomTypeDays.AsNoTracking()
            .Where(d => d.RoomTypeId == type.Id && d.Date >= reservation.Arrival && d.Date < reservation.Departure)
            .ToDictionaryAsync(d => d.Date, d => d.RateMinor, cancellationToken);
        var total = 0L;
        foreach (var night in reservation.Stay.EachNight())
        {
            var daily = rates.GetValueOrDefault(night) ?? type.BaseRateMinor;
            var price = plan.PriceOf(daily);
            total += price;
            s.Db.FolioEntries.Add(new FolioEntry(s.HotelId, reservation.Id, FolioEntryKind.RoomNight, night, $"{type.Name} – {plan.Name}", price, s.Hotel.Currency, s.Staff.UserName, s.Now));
        }

        return total;
    }

    internal static async Task<Rates.RatePlan> RatePlanAsync(HotelSession s, Guid? ratePlanId, CancellationToken cancellationToken) =>
        ratePlanId is { } id
            ? await s.Db.RatePlans.SingleOrDefaultAsync(p => p.Id == id, cancellationToken) ?? throw new NotFoundException("Rate plan")
            : await s.Db.RatePlans.OrderByDescending(p => p.IsDefault).ThenBy(p => p.Code).FirstOrDefaultAsync(cancellationToken)
              ?? throw new RuleViolationException("The hotel has no rate plan yet; add one in Settings.");
}
