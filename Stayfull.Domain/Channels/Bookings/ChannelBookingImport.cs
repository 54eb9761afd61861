using Microsoft.EntityFrameworkCore;
using Stayfull.Domain.Common;
using Stayfull.Domain.Folios;
using Stayfull.Domain.Guests;
using Stayfull.Domain.Live;
using Stayfull.Domain.Rates;
using Stayfull.Domain.Reservations;
using Stayfull.Domain.Rooms;
using Stayfull.Domain.Sessions;
using Stayfull.Domain.SmartRooms;

namespace Stayfull.Domain.Channels.Bookings;

/// <summary>
/// Applies one booking revision inside the caller's session. The OTA already sold what it reports, so nothing
/// here refuses it: a full night is overbooked and flagged, an unmapped room type waits for staff, and the
/// folio carries the OTA's own nightly prices. No card is taken and no deposit asked: the OTA collected, or the
/// hotel charges at the stay (recorded on the booking).
/// </summary>
internal static class ChannelBookingImport
{
    public static async Task<RevisionOutcome> ApplyAsync(HotelSession s, BookingRevision revision, CancellationToken cancellationToken)
    {
        if (await s.Db.AppliedChannelRevisions.AnyAsync(r => r.RevisionId == revision.Id, cancellationToken))
        {
            return RevisionOutcome.AlreadyApplied;
        }

        var booking = await s.Db.ChannelBookings.SingleOrDefaultAsync(b => b.UniqueId == revision.UniqueId, cancellationToken)
            ?? await s.Db.ChannelBookings.FirstOrDefaultAsync(b => b.ChannelBookingId == revision.BookingId, cancellationToken);
        var outcome = booking switch
        {
            // An older revision arriving late (or anything after a cancellation) must not undo what is newer.
            not null when revision.InsertedAt < booking.LastRevisionInsertedAt || booking.Status == RevisionStatus.Cancelled => RevisionOutcome.Superseded,
            _ => RevisionOutcome.Applied,
        };
        s.Db.AppliedChannelRevisions.Add(new AppliedChannelRevision(s.HotelId, revision, outcome, s.Now));
        if (outcome == RevisionOutcome.Superseded)
        {
            s.Audit(nameof(ChannelBooking), booking!.Id, "RevisionSuperseded", new { Revision = revision.Id, revision.Status, revision.InsertedAt, Latest = booking.LastRevisionId });
            return outcome;
        }

        if (booking is null)
        {
            booking = new ChannelBooking(s.HotelId, revision, s.Now);
            s.Db.ChannelBookings.Add(booking);
            if (revision.Status == RevisionStatus.Cancelled)
            {
                // Cancelled before we ever saw it: remember it, so a late "new" changes nothing.
                s.Audit(nameof(ChannelBooking), booking.Id, "ImportedCancelled", new { booking.UniqueId, booking.OtaName });
                return outcome;
            }

            await CreateAsync(s, booking, revision, cancellationToken);
            return outcome;
        }

        booking.Update(revision, s.Now);
        if (revision.Status == RevisionStatus.Cancelled)
        {
            await CancelAsync(s, booking, cancellationToken);
        }
        else
        {
            await ModifyAsync(s, booking, revision, cancellationToken);
        }

        return outcome;
    }

    /// <summary>Makes the reservations of rooms that have none yet, with the room type staff picked for unmapped ones.</summary>
    public static async Task<int> CreateMissingReservationsAsync(HotelSession s, ChannelBooking booking, Guid roomTypeForUnmapped, CancellationToken cancellationToken)
    {
        var guest = await GuestOfAsync(s, booking, cancellationToken);
        var rooms = await s.Db.ChannelBookingRooms.Where(r => r.ChannelBookingId == booking.Id && r.ReservationId == null).OrderBy(r => r.Index).ToListAsync(cancellationToken);
        var type = await s.Db.RoomTypes.SingleOrDefaultAsync(t => t.Id == roomTypeForUnmapped, cancellationToken) ?? throw new NotFoundException("Room type");
        foreach (var room in rooms)
        {
            var plan = await PlanForAsync(s, type.Id, room.ChannelRatePlanId, cancellationToken);
            var reservation = await ReserveAsync(s, booking, guest, type, plan, room.ToRevisionRoom(), cancellationToken);
            room.LinkReservation(reservation.Id);
        }

        return rooms.Count;
    }

    private static async Task CreateAsync(HotelSession s, ChannelBooking booking, BookingRevision revision, CancellationToken cancellationToken)
    {
        var guest = new Guest(s.HotelId, booking.GuestName, GuestNames.Email(revision.Customer.Email), GuestNames.Phone(revision.Customer.Phone));
        s.Db.Guests.Add(guest);
        booking.LinkGuest(guest.Id);
        s.Audit(nameof(ChannelBooking), booking.Id, "Imported", Details(booking));
        for (var index = 0; index < revision.Rooms.Count; index++)
        {
            var room = new ChannelBookingRoom(s.HotelId, booking.Id, index);
            room.Update(revision.Rooms[index]);
            s.Db.ChannelBookingRooms.Add(room);
            var reservation = await ReserveMappedAsync(s, booking, guest, revision.Rooms[index], cancellationToken);
            if (reservation is not null)
            {
                room.LinkReservation(reservation.Id);
            }
        }

        s.Announce(ChangeTopic.Reservations, booking.Id, $"New {booking.OtaName} booking {booking.UniqueId} for {guest.FullName}", ChangeKind.Created);
    }

    private static async Task ModifyAsync(HotelSession s, ChannelBooking booking, BookingRevision revision, CancellationToken cancellationToken)
    {
        var guest = await GuestOfAsync(s, booking, cancellationToken);
        guest.Update(booking.GuestName, GuestNames.Email(revision.Customer.Email) ?? guest.Email, GuestNames.Phone(revision.Customer.Phone) ?? guest.Phone);
        var rooms = await s.Db.ChannelBookingRooms.Where(r => r.ChannelBookingId == booking.Id).OrderBy(r => r.Index).ToListAsync(cancellationToken);
        for (var index = 0; index < revision.Rooms.Count; index++)
        {
            var sold = revision.Rooms[index];
            var room = rooms.SingleOrDefault(r => r.Index == index);
            if (room is null)
            {
                room = new ChannelBookingRoom(s.HotelId, booking.Id, index);
                s.Db.ChannelBookingRooms.Add(room);
            }

            room.Update(sold);
            if (room.ReservationId is not { } reservationId)
            {
                if (await ReserveMappedAsync(s, booking, guest, sold, cancellationToken) is { } created)
                {
                    room.LinkReservation(created.Id);
                }

                continue;
            }

            var reservation = await s.Db.Reservations.SingleAsync(r => r.Id == reservationId, cancellationToken);
            await ChangeReservationAsync(s, booking, reservation, sold, cancellationToken);
        }

        // Rooms the OTA took off the booking.
        foreach (var gone in rooms.Where(r => r.Index >= revision.Rooms.Count && r.ReservationId is not null))
        {
            await CancelReservationAsync(s, booking, gone.ReservationId!.Value, cancellationToken);
        }

        if (booking.Attention == ChannelBookingAttention.Unmapped && rooms.Concat(s.Db.ChannelBookingRooms.Local.Where(r => r.ChannelBookingId == booking.Id)).All(r => r.ReservationId is not null))
        {
            // The OTA moved the booking onto a mapped room type: nothing is left for staff to place.
            booking.ClearAttention(s.Now);
        }

        s.Audit(nameof(ChannelBooking), booking.Id, "Modified", Details(booking));
        s.Announce(ChangeTopic.Reservations, booking.Id, $"{booking.OtaName} booking {booking.UniqueId} for {guest.FullName} changed");
    }

    private static async Task ChangeReservationAsync(HotelSession s, ChannelBooking booking, Reservation reservation, RevisionRoom sold, CancellationToken cancellationToken)
    {
        if (!reservation.Status.HoldsInventory())
        {
            return; // checked out, no-show or cancelled by the desk: the OTA's change comes too late to matter here
        }

        var mapping = sold.RoomTypeId is null ? null : await s.Db.ChannelRoomTypeMappings.SingleOrDefaultAsync(m => m.ChannelRoomTypeId == sold.RoomTypeId, cancellationToken);
        if (mapping is not null && mapping.RoomTypeId != reservation.RoomTypeId && reservation.Status == ReservationStatus.Confirmed)
        {
            var newType = await s.Db.RoomTypes.SingleAsync(t => t.Id == mapping.RoomTypeId, cancellationToken);
            await InventoryLedger.ReleaseAsync(s, reservation.RoomTypeId, reservation.Arrival, reservation.Departure, cancellationToken);
            await InventoryLedger.ReserveAsync(s, newType, reservation.Arrival, reservation.Departure, allowOverbooking: true, cancellationToken);

            // The reservation has no transition for "the channel changed the room type"; its old room is of the old type.
            var entry = s.Db.Entry(reservation);
            entry.Property(r => r.RoomTypeId).CurrentValue = newType.Id;
            entry.Property(r => r.RoomId).CurrentValue = null;
            s.Audit(nameof(Reservation), reservation.Id, "RoomTypeChanged", new { To = newType.Code, Source = ReservationSource.Ota });
        }

        var stay = new StayDates(sold.CheckIn, sold.CheckOut);
        if (reservation.Status == ReservationStatus.CheckedIn && stay.Arrival != reservation.Arrival)
        {
            booking.Flag(ChannelBookingAttention.Overbooked, $"{booking.OtaName} moved the arrival of an in-house guest; check the stay with the guest.");
        }
        else
        {
            await StayChangeService.ChangeForChannelAsync(s, reservation, stay, cancellationToken);
        }

        s.Db.Entry(reservation).Property(r => r.Adults).CurrentValue = Math.Max(1, sold.Adults);
        var type = await s.Db.RoomTypes.SingleAsync(t => t.Id == reservation.RoomTypeId, cancellationToken);
        var plan = await PlanForAsync(s, type.Id, sold.RatePlanId, cancellationToken);
        s.Db.Entry(reservation).Property(r => r.RatePlanId).CurrentValue = plan.Id;
        var keepBefore = reservation.Status == ReservationStatus.CheckedIn ? s.Today : DateOnly.MinValue;
        var nights = await s.Db.FolioEntries.Where(e => e.ReservationId == reservation.Id && e.Kind == FolioEntryKind.RoomNight && e.ServiceDate >= keepBefore).ToListAsync(cancellationToken);
        s.Db.FolioEntries.RemoveRange(nights);
        PostRoomNights(s, booking, reservation, type, plan, sold, keepBefore);
        await FlagIfOverbookedAsync(s, booking, type, reservation.Stay, cancellationToken);
    }

    private static async Task CancelAsync(HotelSession s, ChannelBooking booking, CancellationToken cancellationToken)
    {
        var reservations = await s.Db.ChannelBookingRooms.Where(r => r.ChannelBookingId == booking.Id && r.ReservationId != null).Select(r => r.ReservationId!.Value).ToListAsync(cancellationToken);
        foreach (var id in reservations)
        {
            await CancelReservationAsync(s, booking, id, cancellationToken);
        }

        s.Audit(nameof(ChannelBooking), booking.Id, "Cancelled", Details(booking));
        s.Announce(ChangeTopic.Reservations, booking.Id, $"{booking.OtaName} booking {booking.UniqueId} for {booking.GuestName} cancelled");
    }

    /// <summary>The OTA cancelled: the nights go back on sale and nothing is charged (any fee is the OTA's business).</summary>
    private static async Task CancelReservationAsync(HotelSession s, ChannelBooking booking, Guid reservationId, CancellationToken cancellationToken)
    {
        var reservation = await s.Db.Reservations.SingleAsync(r => r.Id == reservationId, cancellationToken);
        if (reservation.Status != ReservationStatus.Confirmed)
        {
            return;
        }

        reservation.Cancel(s.Staff.UserName, s.Now);
        await InventoryLedger.ReleaseAsync(s, reservation.RoomTypeId, reservation.Arrival, reservation.Departure, cancellationToken);
        var nights = await s.Db.FolioEntries.Where(e => e.ReservationId == reservation.Id && e.Kind == FolioEntryKind.RoomNight).ToListAsync(cancellationToken);
        s.Db.FolioEntries.RemoveRange(nights);
        await KeyFlows.AtStayEndAsync(s, reservation, cancellationToken);
        s.Audit(nameof(Reservation), reservation.Id, "Cancelled", new { Reason = $"Cancelled on {booking.OtaName} ({booking.UniqueId})", Fee = 0 });
    }

    /// <returns>The reservation, or null when the room's channel room type maps to none of ours (the booking is flagged).</returns>
    private static async Task<Reservation?> ReserveMappedAsync(HotelSession s, ChannelBooking booking, Guest guest, RevisionRoom sold, CancellationToken cancellationToken)
    {
        var mapping = sold.RoomTypeId is null ? null : await s.Db.ChannelRoomTypeMappings.SingleOrDefaultAsync(m => m.ChannelRoomTypeId == sold.RoomTypeId, cancellationToken);
        if (mapping is null)
        {
            booking.Flag(ChannelBookingAttention.Unmapped, $"{booking.OtaName} sold room type {sold.RoomTypeId ?? "(none)"}, which is not mapped to a room type of ours.");
            s.Announce(ChangeTopic.Channels, booking.Id, $"{booking.OtaName} booking {booking.UniqueId} needs a room type");
            return null;
        }

        var type = await s.Db.RoomTypes.SingleAsync(t => t.Id == mapping.RoomTypeId, cancellationToken);
        var plan = await PlanForAsync(s, type.Id, sold.RatePlanId, cancellationToken);
        return await ReserveAsync(s, booking, guest, type, plan, sold, cancellationToken);
    }

    private static async Task<Reservation> ReserveAsync(HotelSession s, ChannelBooking booking, Guest guest, RoomType type, RatePlan plan, RevisionRoom sold, CancellationToken cancellationToken)
    {
        var stay = new StayDates(sold.CheckIn, sold.CheckOut);

        // The OTA already sold the room: accept it, as a booking from a channel is accepted, and flag a full night.
        await InventoryLedger.ReserveAsync(s, type, stay.Arrival, stay.Departure, allowOverbooking: true, cancellationToken);
        var reservation = new Reservation(s.HotelId, ConfirmationCodes.New(), guest.Id, type.Id, plan.Id, stay, Math.Max(1, sold.Adults), ReservationSource.Ota, s.Staff.UserName, s.Now);
        s.Db.Reservations.Add(reservation);
        PostRoomNights(s, booking, reservation, type, plan, sold, DateOnly.MinValue);
        await FlagIfOverbookedAsync(s, booking, type, stay, cancellationToken);
        s.Audit(nameof(Reservation), reservation.Id, "Created", new { reservation.ConfirmationCode, Source = ReservationSource.Ota, booking.OtaName, booking.UniqueId, stay.Arrival, stay.Departure, type.Code });
        return reservation;
    }

    /// <summary>The folio shows what the OTA sold each night for, not our rate; a night it priced at nothing posts nothing.</summary>
    private static void PostRoomNights(HotelSession s, ChannelBooking booking, Reservation reservation, RoomType type, RatePlan plan, RevisionRoom sold, DateOnly from)
    {
        var nights = reservation.Stay.EachNight().ToList();
        var evenShare = sold.Amount is { } total && nights.Count > 0 ? total / nights.Count : (decimal?)null;
        foreach (var night in nights.Where(n => n >= from))
        {
            var price = sold.NightlyAmounts.TryGetValue(night, out var nightly) ? nightly : evenShare;
            var minor = price is { } major ? Money.FromMajor(major, s.Hotel.Currency).Minor : plan.PriceOf(type.BaseRateMinor);
            if (minor > 0)
            {
                s.Db.FolioEntries.Add(new FolioEntry(s.HotelId, reservation.Id, FolioEntryKind.RoomNight, night, $"{type.Name} – {booking.OtaName}", minor, s.Hotel.Currency, s.Staff.UserName, s.Now));
            }
        }
    }

    private static async Task FlagIfOverbookedAsync(HotelSession s, ChannelBooking booking, RoomType type, StayDates stay, CancellationToken cancellationToken)
    {
        var sellable = await InventoryLedger.SellableRoomsAsync(s, type.Id, cancellationToken);

        // The stay's nights were just reserved in this session, so they are all tracked (some not saved yet).
        var over = s.Db.RoomTypeDays.Local
            .Where(n => n.RoomTypeId == type.Id && n.Date >= stay.Arrival && n.Date < stay.Departure)
            .OrderBy(n => n.Date)
            .FirstOrDefault(n => n.Booked > sellable);
        if (over is null)
        {
            return;
        }

        booking.Flag(ChannelBookingAttention.Overbooked, $"{type.Name} is overbooked on the night of {over.Date:d MMM}: {over.Booked} sold, {sellable} to sell.");
        s.Announce(ChangeTopic.Channels, booking.Id, $"Overbooking: {booking.OtaName} booking {booking.UniqueId} for {booking.GuestName}");
    }

    /// <summary>The mapped rate plan for the room type, else the hotel's default plan (the OTA sold a rate we have not mapped).</summary>
    private static async Task<RatePlan> PlanForAsync(HotelSession s, Guid roomTypeId, string? channelRatePlanId, CancellationToken cancellationToken)
    {
        var mapped = channelRatePlanId is null
            ? null
            : await s.Db.ChannelRatePlanMappings.Where(m => m.ChannelRatePlanId == channelRatePlanId && m.RoomTypeId == roomTypeId).Select(m => (Guid?)m.RatePlanId).FirstOrDefaultAsync(cancellationToken);
        return await BookingService.RatePlanAsync(s, mapped, cancellationToken);
    }

    private static async Task<Guest> GuestOfAsync(HotelSession s, ChannelBooking booking, CancellationToken cancellationToken)
    {
        if (booking.GuestId is { } id)
        {
            return await s.Db.Guests.SingleAsync(g => g.Id == id, cancellationToken);
        }

        var guest = new Guest(s.HotelId, booking.GuestName, null, null);
        s.Db.Guests.Add(guest);
        booking.LinkGuest(guest.Id);
        return guest;
    }

    private static object Details(ChannelBooking booking) => new
    {
        booking.UniqueId,
        booking.OtaName,
        Revision = booking.LastRevisionId,
        booking.Arrival,
        booking.Departure,
        booking.AmountMinor,
        booking.Currency,
        booking.OtaCommissionMinor,
        booking.PaymentCollect,
        booking.PaymentType,
    };
}
