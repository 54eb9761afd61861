using Microsoft.EntityFrameworkCore;
using Stayfull.Domain.Common;
using Stayfull.Domain.Folios;
using Stayfull.Domain.Live;
using Stayfull.Domain.Messaging;
using Stayfull.Domain.Payments;
using Stayfull.Domain.Rates;
using Stayfull.Domain.Rooms;
using Stayfull.Domain.Sessions;
using Stayfull.Domain.SmartRooms;
using Stayfull.Domain.Tenancy;

namespace Stayfull.Domain.Reservations;

/// <summary>The desk's actions on a reservation: assign, check in, check out, cancel, no-show, move.</summary>
public sealed class ReservationService(HotelSessions sessions)
{
    public Task<FrontDeskDay> TodayAsync(CancellationToken cancellationToken) =>
        sessions.ReadAsync(async s =>
        {
            var today = s.Today;
            var arrivals = await ReservationQueries.SummariesAsync(s, s.Db.Reservations.Where(r => r.Arrival == today && (r.Status == ReservationStatus.Confirmed || r.Status == ReservationStatus.CheckedIn)), cancellationToken);
            var departures = await ReservationQueries.SummariesAsync(s, s.Db.Reservations.Where(r => (r.Departure <= today && r.Status == ReservationStatus.CheckedIn) || (r.Departure == today && r.Status == ReservationStatus.CheckedOut)), cancellationToken);
            var inHouse = await ReservationQueries.SummariesAsync(s, s.Db.Reservations.Where(r => r.Status == ReservationStatus.CheckedIn), cancellationToken);
            return new FrontDeskDay(
                today,
                [.. arrivals.OrderBy(r => r.Status).ThenBy(r => r.GuestName, StringComparer.CurrentCulture)],
                [.. departures.OrderBy(r => r.Status).ThenBy(r => r.RoomNumber, StringComparer.OrdinalIgnoreCase)],
                [.. inHouse.OrderBy(r => r.RoomNumber, StringComparer.OrdinalIgnoreCase)]);
        }, cancellationToken);

    /// <summary>Reservations whose stay touches [from, to), for the room grid and searches.</summary>
    public Task<IReadOnlyList<ReservationSummary>> InRangeAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken) =>
        sessions.ReadAsync<IReadOnlyList<ReservationSummary>>(async s => await ReservationQueries.SummariesAsync(
            s,
            s.Db.Reservations.Where(r => r.Arrival < to && from < r.Departure && r.Status != ReservationStatus.Cancelled && r.Status != ReservationStatus.NoShow),
            cancellationToken), cancellationToken);

    public Task<IReadOnlyList<ReservationSummary>> SearchAsync(string text, CancellationToken cancellationToken) =>
        sessions.ReadAsync<IReadOnlyList<ReservationSummary>>(async s =>
        {
            var term = text.Trim();
            var code = term.ToUpperInvariant();
            var guestIds = s.Db.Guests.Where(g => g.FullName.Contains(term)).Select(g => g.Id);
            var found = await ReservationQueries.SummariesAsync(
                s,
                s.Db.Reservations.Where(r => r.ConfirmationCode == code || guestIds.Contains(r.GuestId)),
                cancellationToken);
            return [.. found.OrderByDescending(r => r.Arrival).Take(50)];
        }, cancellationToken);

    public Task<ReservationDetails> GetAsync(Guid id, CancellationToken cancellationToken) =>
        sessions.ReadAsync(async s =>
        {
            var reservation = await s.Db.Reservations.SingleOrDefaultAsync(r => r.Id == id, cancellationToken) ?? throw new NotFoundException("Reservation");
            var summary = (await ReservationQueries.SummariesAsync(s, s.Db.Reservations.Where(r => r.Id == id), cancellationToken)).Single();
            var guest = await s.Db.Guests.SingleAsync(g => g.Id == reservation.GuestId, cancellationToken);
            var type = await s.Db.RoomTypes.SingleAsync(t => t.Id == reservation.RoomTypeId, cancellationToken);
            var plan = await s.Db.RatePlans.SingleAsync(p => p.Id == reservation.RatePlanId, cancellationToken);
            var entries = await s.Db.FolioEntries.Where(e => e.ReservationId == id).OrderBy(e => e.ServiceDate).ThenBy(e => e.PostedAt).ToListAsync(cancellationToken);
            var history = await s.Db.AuditEntries.Where(a => a.EntityId == id).OrderByDescending(a => a.At).Take(100).ToListAsync(cancellationToken);
            return new ReservationDetails(
                summary, guest.Id, guest.Email, guest.Phone, type.Name, plan.Name, reservation.OverrideReason,
                reservation.CreatedBy, reservation.UpdatedBy, reservation.CreatedAt, reservation.UpdatedAt,
                new Folio(entries, s.Hotel.Currency), history, reservation.Version);
        }, cancellationToken);

    /// <summary>Rooms that are free for the whole stay, the reserved type first.</summary>
    public Task<IReadOnlyList<Room>> FreeRoomsAsync(Guid reservationId, bool anyType, CancellationToken cancellationToken) =>
        sessions.ReadAsync(async s =>
        {
            var reservation = await FindAsync(s, reservationId, cancellationToken);
            return await RoomAssignment.FreeRoomsAsync(s, reservation, anyType, cancellationToken);
        }, cancellationToken);

    /// <summary>Rooms of a type free for a stay not booked yet, so the desk can hand a walk-in a key at once.</summary>
    public Task<IReadOnlyList<Room>> FreeRoomsForStayAsync(Guid roomTypeId, DateOnly arrival, DateOnly departure, CancellationToken cancellationToken) =>
        sessions.ReadAsync(s =>
        {
            var stay = new StayDates(arrival, departure);
            return RoomAssignment.FreeRoomsAsync(s, roomTypeId, stay.Arrival, stay.Departure, null, anyType: false, cancellationToken);
        }, cancellationToken);

    public Task AssignRoomAsync(Guid reservationId, Guid roomId, CancellationToken cancellationToken) =>
        sessions.WriteAsync(async s =>
        {
            s.Staff.Require(StaffRole.FrontDesk, "assign rooms");
            var reservation = await FindAsync(s, reservationId, cancellationToken);
            if (reservation.Status != ReservationStatus.Confirmed)
            {
                throw new RuleViolationException("Only a confirmed reservation gets a room assigned; move an in-house guest instead.");
            }

            var room = await RoomAssignment.FindFreeRoomAsync(s, roomId, reservation, cancellationToken);
            if (room.RoomTypeId != reservation.RoomTypeId)
            {
                await ChangeTypeAsync(s, reservation, room.RoomTypeId, reservation.Arrival, cancellationToken);
            }

            reservation.AssignRoom(room, s.Staff.UserName, s.Now);
            await KeyFlows.AtRoomAssignedAsync(s, reservation, room, cancellationToken);
            s.Audit(nameof(Reservation), reservation.Id, "RoomAssigned", new { room.Number });
            s.Announce(ChangeTopic.Reservations, reservation.Id, $"Room {room.Number} assigned to {reservation.ConfirmationCode}");
        }, cancellationToken);

    public Task CheckInAsync(Guid reservationId, CancellationToken cancellationToken) =>
        sessions.WriteAsync(async s =>
        {
            s.Staff.Require(StaffRole.FrontDesk, "check guests in");
            var reservation = await FindAsync(s, reservationId, cancellationToken);
            var room = reservation.RoomId is { } roomId ? await s.Db.Rooms.SingleAsync(r => r.Id == roomId, cancellationToken) : null;
            reservation.CheckIn(room, s.Today, s.Staff.UserName, s.Now);
            room!.Touch();
            await PaymentFlows.AtCheckInAsync(s, reservation, cancellationToken);
            s.Audit(nameof(Reservation), reservation.Id, "CheckedIn", new { room.Number });
            s.Announce(ChangeTopic.Reservations, reservation.Id, $"{reservation.ConfirmationCode} checked in to {room.Number}");
        }, cancellationToken);

    /// <param name="managerOverride">Check out with an open balance; only a manager or owner may.</param>
    public Task CheckOutAsync(Guid reservationId, bool managerOverride, CancellationToken cancellationToken) =>
        sessions.WriteAsync(async s =>
        {
            s.Staff.Require(StaffRole.FrontDesk, "check guests out");
            if (managerOverride)
            {
                s.Staff.Require(StaffRole.Manager, "check out with an open balance");
            }

            var reservation = await FindAsync(s, reservationId, cancellationToken);
            var early = s.Today < reservation.Departure;
            if (early && reservation.Status == ReservationStatus.CheckedIn)
            {
                // Nights not stayed go back on sale and off the folio.
                await InventoryLedger.ReleaseAsync(s, reservation.RoomTypeId, s.Today, reservation.Departure, cancellationToken);
                await RemoveRoomNightsAsync(s, reservation.Id, s.Today, cancellationToken);
            }

            var balance = await BalanceAsync(s, reservation.Id, cancellationToken);

            // A card hold still on the card pays what it can now; only the rest counts as open.
            balance -= await PaymentFlows.AtCheckOutAsync(s, reservation, balance, cancellationToken);
            reservation.CheckOut(balance, managerOverride, s.Staff.UserName, s.Now);
            if (early)
            {
                reservation.EndEarly(s.Today);
            }

            var room = await s.Db.Rooms.SingleAsync(r => r.Id == reservation.RoomId, cancellationToken);
            room.SetHousekeeping(HousekeepingStatus.Dirty);
            var guest = await s.Db.Guests.SingleAsync(g => g.Id == reservation.GuestId, cancellationToken);
            await GuestMessaging.QueueEmailIfPossibleAsync(s, guest, reservation, MessageTemplateKeys.Receipt, cancellationToken);
            await KeyFlows.AtStayEndAsync(s, reservation, cancellationToken);
            await Stayfull.Domain.SmartRooms.Climate.ClimateFlows.AtCheckOutAsync(s, reservation, cancellationToken);
            s.Audit(nameof(Reservation), reservation.Id, "CheckedOut", new { room.Number, BalanceMinor = balance, ManagerOverride = managerOverride, Early = early });
            s.Announce(ChangeTopic.Reservations, reservation.Id, $"{reservation.ConfirmationCode} checked out of {room.Number}");
            s.Announce(ChangeTopic.Rooms, room.Id, $"Room {room.Number} is dirty");
        }, cancellationToken);

    /// <summary>What the guest owes if checked out now: at an early check-out the nights not stayed come off the folio.</summary>
    public Task<Money> DueAtCheckOutAsync(Guid reservationId, CancellationToken cancellationToken) =>
        sessions.ReadAsync(async s =>
        {
            var reservation = await FindAsync(s, reservationId, cancellationToken);
            var balance = await BalanceAsync(s, reservation.Id, cancellationToken);
            if (reservation.Status == ReservationStatus.CheckedIn && s.Today < reservation.Departure)
            {
                balance -= await s.Db.FolioEntries
                    .Where(e => e.ReservationId == reservation.Id && e.Kind == FolioEntryKind.RoomNight && e.ServiceDate >= s.Today)
                    .SumAsync(e => e.AmountMinor, cancellationToken);
            }

            return s.Money(balance);
        }, cancellationToken);

    public Task CancelAsync(Guid reservationId, string? reason, CancellationToken cancellationToken) =>
        sessions.WriteAsync(async s =>
        {
            s.Staff.Require(StaffRole.FrontDesk, "cancel reservations");
            var reservation = await FindAsync(s, reservationId, cancellationToken);
            reservation.Cancel(s.Staff.UserName, s.Now);
            var firstNight = await FirstNightAsync(s, reservation, cancellationToken);
            await InventoryLedger.ReleaseAsync(s, reservation.RoomTypeId, reservation.Arrival, reservation.Departure, cancellationToken);
            await RemoveRoomNightsAsync(s, reservation.Id, reservation.Arrival, cancellationToken);
            await PaymentFlows.AtCancellationAsync(s, reservation, firstNight, cancellationToken);
            await KeyFlows.AtStayEndAsync(s, reservation, cancellationToken);
            s.Audit(nameof(Reservation), reservation.Id, "Cancelled", new { Reason = reason });
            s.Announce(ChangeTopic.Reservations, reservation.Id, $"{reservation.ConfirmationCode} cancelled");
        }, cancellationToken);

    public Task MarkNoShowAsync(Guid reservationId, CancellationToken cancellationToken) =>
        sessions.WriteAsync(async s =>
        {
            s.Staff.Require(StaffRole.FrontDesk, "mark no-shows");
            var reservation = await FindAsync(s, reservationId, cancellationToken);
            reservation.MarkNoShow(s.Today, s.Staff.UserName, s.Now);
            var firstNight = await FirstNightAsync(s, reservation, cancellationToken);
            await InventoryLedger.ReleaseAsync(s, reservation.RoomTypeId, reservation.Arrival, reservation.Departure, cancellationToken);
            await RemoveRoomNightsAsync(s, reservation.Id, reservation.Arrival, cancellationToken);
            await PaymentFlows.AtNoShowAsync(s, reservation, firstNight, cancellationToken);
            await KeyFlows.AtStayEndAsync(s, reservation, cancellationToken);
            s.Audit(nameof(Reservation), reservation.Id, "NoShow", new { });
            s.Announce(ChangeTopic.Reservations, reservation.Id, $"{reservation.ConfirmationCode} marked no-show");
        }, cancellationToken);

    /// <summary>Moves the guest to another room; the folio stays. An in-house guest's old room turns dirty.</summary>
    public Task MoveRoomAsync(Guid reservationId, Guid newRoomId, string reason, CancellationToken cancellationToken) =>
        sessions.WriteAsync(async s =>
        {
            s.Staff.Require(StaffRole.FrontDesk, "move guests");
            var reservation = await FindAsync(s, reservationId, cancellationToken);
            if (reservation.Status is not (ReservationStatus.Confirmed or ReservationStatus.CheckedIn))
            {
                throw new RuleViolationException("Only a confirmed or in-house reservation can move rooms.");
            }

            if (reservation.RoomId == newRoomId)
            {
                throw new RuleViolationException("The guest is already in that room.");
            }

            var newRoom = await RoomAssignment.FindFreeRoomAsync(s, newRoomId, reservation, cancellationToken);
            if (reservation.Status == ReservationStatus.CheckedIn && !newRoom.IsReadyForGuest)
            {
                throw new RuleViolationException($"Room {newRoom.Number} is not clean yet.");
            }

            var from = reservation.Status == ReservationStatus.CheckedIn ? s.Today : reservation.Arrival;
            if (newRoom.RoomTypeId != reservation.RoomTypeId)
            {
                await ChangeTypeAsync(s, reservation, newRoom.RoomTypeId, from, cancellationToken);
            }

            string? oldNumber = null;
            if (reservation.RoomId is { } oldId)
            {
                var oldRoom = await s.Db.Rooms.SingleAsync(r => r.Id == oldId, cancellationToken);
                oldNumber = oldRoom.Number;
                if (reservation.Status == ReservationStatus.CheckedIn)
                {
                    oldRoom.SetHousekeeping(HousekeepingStatus.Dirty);
                }
                else
                {
                    oldRoom.Touch();
                }
            }

            reservation.AssignRoom(newRoom, s.Staff.UserName, s.Now);
            await KeyFlows.AtRoomMovedAsync(s, reservation, newRoom, cancellationToken);
            s.Audit(nameof(Reservation), reservation.Id, "RoomMoved", new { From = oldNumber, To = newRoom.Number, Reason = reason });
            s.Announce(ChangeTopic.Reservations, reservation.Id, $"{reservation.ConfirmationCode} moved to {newRoom.Number}");
        }, cancellationToken);

    private static async Task ChangeTypeAsync(HotelSession s, Reservation reservation, Guid newTypeId, DateOnly from, CancellationToken cancellationToken)
    {
        var newType = await s.Db.RoomTypes.SingleAsync(t => t.Id == newTypeId, cancellationToken);
        await InventoryLedger.ReleaseAsync(s, reservation.RoomTypeId, from, reservation.Departure, cancellationToken);
        await InventoryLedger.ReserveAsync(s, newType, from, reservation.Departure, allowOverbooking: false, cancellationToken);
    }

    internal static async Task<Reservation> FindAsync(HotelSession s, Guid id, CancellationToken cancellationToken) =>
        await s.Db.Reservations.SingleOrDefaultAsync(r => r.Id == id, cancellationToken) ?? throw new NotFoundException("Reservation");

    internal static async Task<long> BalanceAsync(HotelSession s, Guid reservationId, CancellationToken cancellationToken)
    {
        var saved = (await ReservationQueries.BalancesAsync(s, [reservationId], cancellationToken)).GetValueOrDefault(reservationId);
        var pending = s.Db.ChangeTracker.Entries<FolioEntry>()
            .Where(e => e.Entity.ReservationId == reservationId)
            .Sum(e => e.State switch
            {
                EntityState.Added => e.Entity.SignedAmountMinor,
                EntityState.Deleted => -e.Entity.SignedAmountMinor,
                _ => 0,
            });
        return saved + pending;
    }

    /// <summary>The price of the first night as booked: the cancellation and no-show fee.</summary>
    private static async Task<long> FirstNightAsync(HotelSession s, Reservation reservation, CancellationToken cancellationToken) =>
        await s.Db.FolioEntries
            .Where(e => e.ReservationId == reservation.Id && e.Kind == FolioEntryKind.RoomNight && e.ServiceDate == reservation.Arrival)
            .SumAsync(e => e.AmountMinor, cancellationToken);

    private static async Task RemoveRoomNightsAsync(HotelSession s, Guid reservationId, DateOnly from, CancellationToken cancellationToken)
    {
        var nights = await s.Db.FolioEntries
            .Where(e => e.ReservationId == reservationId && e.Kind == FolioEntryKind.RoomNight && e.ServiceDate >= from)
            .ToListAsync(cancellationToken);
        s.Db.FolioEntries.RemoveRange(nights);
    }
}
