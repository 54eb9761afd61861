using Microsoft.EntityFrameworkCore;
using Stayfull.Domain.Common;
using Stayfull.Domain.Live;
using Stayfull.Domain.Sessions;
using Stayfull.Domain.Tenancy;

namespace Stayfull.Domain.Channels.Bookings;

/// <summary>What the front desk does with OTA bookings that need a person: see them, resolve an overbooking, place an unmapped one.</summary>
public sealed class ChannelBookingDesk(HotelSessions sessions)
{
    public Task<IReadOnlyList<ChannelBookingAlert>> NeedingAttentionAsync(CancellationToken cancellationToken) =>
        sessions.ReadAsync<IReadOnlyList<ChannelBookingAlert>>(async s =>
        {
            s.Staff.Require(StaffRole.FrontDesk, "see OTA bookings");
            var bookings = await s.Db.ChannelBookings
                .Where(b => b.Attention != ChannelBookingAttention.None && b.Status != RevisionStatus.Cancelled)
                .OrderBy(b => b.Arrival).ThenBy(b => b.UniqueId)
                .Take(100)
                .ToListAsync(cancellationToken);
            var ids = bookings.Select(b => b.Id).ToList();
            var codes = await (from room in s.Db.ChannelBookingRooms
                               join r in s.Db.Reservations on room.ReservationId equals r.Id
                               where ids.Contains(room.ChannelBookingId)
                               select new { room.ChannelBookingId, r.Id, r.ConfirmationCode })
                .ToListAsync(cancellationToken);
            return [.. bookings.Select(b => new ChannelBookingAlert(
                b.Id, b.UniqueId, b.OtaName, b.GuestName, b.Arrival, b.Departure, b.Attention, b.AttentionReason ?? "",
                [.. codes.Where(c => c.ChannelBookingId == b.Id).Select(c => new ChannelBookingReservation(c.Id, c.ConfirmationCode))]))];
        }, cancellationToken);

    /// <summary>The room types staff can place an unmapped OTA booking in.</summary>
    public Task<IReadOnlyList<Mapping.OurRoomType>> RoomTypesAsync(CancellationToken cancellationToken) =>
        sessions.ReadAsync<IReadOnlyList<Mapping.OurRoomType>>(async s =>
        {
            s.Staff.Require(StaffRole.FrontDesk, "place OTA bookings");
            return await s.Db.RoomTypes.OrderBy(t => t.Code).Select(t => new Mapping.OurRoomType(t.Id, t.Code, t.Name)).ToListAsync(cancellationToken);
        }, cancellationToken);

    /// <summary>The desk moved or upgraded someone: the overbooking is dealt with.</summary>
    public Task ResolveOverbookingAsync(Guid channelBookingId, CancellationToken cancellationToken) =>
        sessions.WriteAsync(async s =>
        {
            s.Staff.Require(StaffRole.FrontDesk, "resolve overbookings");
            var booking = await s.Db.ChannelBookings.SingleOrDefaultAsync(b => b.Id == channelBookingId, cancellationToken) ?? throw new NotFoundException("OTA booking");
            if (booking.Attention != ChannelBookingAttention.Overbooked)
            {
                throw new RuleViolationException($"{booking.UniqueId} is not flagged as overbooked.");
            }

            booking.ClearAttention(s.Now);
            s.Audit(nameof(ChannelBooking), booking.Id, "OverbookingResolved", new { booking.UniqueId });
            s.Announce(ChangeTopic.Channels, booking.Id, $"Overbooking of {booking.UniqueId} resolved");
        }, cancellationToken);

    /// <summary>Staff picked the room type for a booking whose channel room type is unmapped: its reservations are made now.</summary>
    public Task AssignRoomTypeAsync(Guid channelBookingId, Guid roomTypeId, CancellationToken cancellationToken) =>
        sessions.WriteAsync(async s =>
        {
            s.Staff.Require(StaffRole.FrontDesk, "place OTA bookings");
            var booking = await s.Db.ChannelBookings.SingleOrDefaultAsync(b => b.Id == channelBookingId, cancellationToken) ?? throw new NotFoundException("OTA booking");
            if (booking.Attention != ChannelBookingAttention.Unmapped || booking.Status == RevisionStatus.Cancelled)
            {
                throw new RuleViolationException($"{booking.UniqueId} already has its reservations.");
            }

            // Cleared first, so an overbooking found while reserving is flagged in its place.
            booking.ClearAttention(s.Now);
            var made = await ChannelBookingImport.CreateMissingReservationsAsync(s, booking, roomTypeId, cancellationToken);
            s.Audit(nameof(ChannelBooking), booking.Id, "RoomTypeAssigned", new { booking.UniqueId, RoomTypeId = roomTypeId, Reservations = made });
            s.Announce(ChangeTopic.Reservations, booking.Id, $"New {booking.OtaName} booking {booking.UniqueId} for {booking.GuestName}", ChangeKind.Created);
            s.Announce(ChangeTopic.Channels, booking.Id, $"{booking.UniqueId} placed");
        }, cancellationToken);
}
