using Microsoft.EntityFrameworkCore;
using Stayfull.Domain.Common;
using Stayfull.Domain.Rooms;
using Stayfull.Domain.Sessions;

namespace Stayfull.Domain.Reservations;

/// <summary>Finds rooms free for a stay; touching the chosen room makes two clerks picking it at once conflict.</summary>
internal static class RoomAssignment
{
    public static async Task<Room> FindFreeRoomAsync(HotelSession s, Guid roomId, Reservation reservation, CancellationToken cancellationToken)
    {
        var room = await s.Db.Rooms.SingleOrDefaultAsync(r => r.Id == roomId, cancellationToken) ?? throw new NotFoundException("Room");
        if (room.Housekeeping == HousekeepingStatus.OutOfOrder)
        {
            throw new RuleViolationException($"Room {room.Number} is out of order.");
        }

        var from = reservation.Status == ReservationStatus.CheckedIn ? s.Today : reservation.Arrival;
        var taken = await s.Db.Reservations.AsNoTracking()
            .Where(r => r.RoomId == roomId && r.Id != reservation.Id
                && (r.Status == ReservationStatus.Confirmed || r.Status == ReservationStatus.CheckedIn)
                && r.Arrival < reservation.Departure && from < r.Departure)
            .Select(r => r.ConfirmationCode)
            .FirstOrDefaultAsync(cancellationToken);
        if (taken is not null)
        {
            throw new RuleViolationException($"Room {room.Number} is already taken by reservation {taken} for some of those nights.");
        }

        room.Touch();
        return room;
    }

    public static Task<IReadOnlyList<Room>> FreeRoomsAsync(HotelSession s, Reservation reservation, bool anyType, CancellationToken cancellationToken)
    {
        var from = reservation.Status == ReservationStatus.CheckedIn ? s.Today : reservation.Arrival;
        return FreeRoomsAsync(s, reservation.RoomTypeId, from, reservation.Departure, reservation.Id, anyType, cancellationToken);
    }

    /// <param name="exceptReservationId">The stay being placed, so its own room does not count as taken.</param>
    public static async Task<IReadOnlyList<Room>> FreeRoomsAsync(HotelSession s, Guid roomTypeId, DateOnly from, DateOnly to, Guid? exceptReservationId, bool anyType, CancellationToken cancellationToken)
    {
        var busy = await s.Db.Reservations.AsNoTracking()
            .Where(r => r.RoomId != null && r.Id != exceptReservationId
                && (r.Status == ReservationStatus.Confirmed || r.Status == ReservationStatus.CheckedIn)
                && r.Arrival < to && from < r.Departure)
            .Select(r => r.RoomId!.Value)
            .ToListAsync(cancellationToken);
        var rooms = await s.Db.Rooms.AsNoTracking()
            .Where(r => (anyType || r.RoomTypeId == roomTypeId) && r.Housekeeping != HousekeepingStatus.OutOfOrder && !busy.Contains(r.Id))
            .ToListAsync(cancellationToken);
        return [.. rooms.OrderBy(r => r.RoomTypeId != roomTypeId).ThenBy(r => r.Floor).ThenBy(r => r.Number, StringComparer.OrdinalIgnoreCase)];
    }
}
