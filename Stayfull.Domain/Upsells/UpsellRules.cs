using Microsoft.EntityFrameworkCore;
using Stayfull.Domain.Reservations;
using Stayfull.Domain.Rooms;
using Stayfull.Domain.Sessions;

namespace Stayfull.Domain.Upsells;

/// <summary>
/// When an upsell cannot be sold. Early check-in needs a room that nobody sleeps in the night before or
/// leaves that morning (a departing guest has it until check-out time); late check-out needs a room that no
/// arrival of that day is waiting for. With a room assigned the rules look at that room; without one, at
/// how many rooms of the type are left once those guests and the upsells already sold are counted.
/// </summary>
internal static class UpsellRules
{
    public const string RoomNeeded = "Not available: the room is needed by another guest that day.";

    public static async Task<UpsellSettings> SettingsAsync(HotelSession s, CancellationToken cancellationToken) =>
        await s.Db.UpsellSettings.SingleOrDefaultAsync(cancellationToken) ?? UpsellSettings.Defaults(s.HotelId);

    public static Task<string?> BlockedAsync(HotelSession s, Reservation reservation, UpsellKind kind, CancellationToken cancellationToken) => kind switch
    {
        UpsellKind.EarlyCheckIn => EarlyCheckInBlockedAsync(s, reservation, cancellationToken),
        _ => LateCheckOutBlockedAsync(s, reservation, cancellationToken),
    };

    private static async Task<string?> EarlyCheckInBlockedAsync(HotelSession s, Reservation reservation, CancellationToken cancellationToken)
    {
        if (reservation.Status != ReservationStatus.Confirmed || s.Today > reservation.Arrival)
        {
            return "Not available: early check-in is for stays that have not started yet.";
        }

        var day = reservation.Arrival;
        var others = Active(s, reservation);
        if (reservation.RoomId is { } roomId)
        {
            var occupied = await others.AnyAsync(o => o.RoomId == roomId && o.Arrival < day && o.Departure >= day, cancellationToken);
            return occupied ? RoomNeeded : null;
        }

        var rooms = await RoomsOfTypeAsync(s, reservation.RoomTypeId, cancellationToken);
        var inOvernight = await others.CountAsync(o => o.RoomTypeId == reservation.RoomTypeId && o.Arrival < day && o.Departure >= day, cancellationToken);
        var soldEarly = await SoldAsync(s, UpsellKind.EarlyCheckIn, others.Where(o => o.RoomTypeId == reservation.RoomTypeId && o.Arrival == day), cancellationToken);
        return rooms - inOvernight - soldEarly < 1 ? RoomNeeded : null;
    }

    private static async Task<string?> LateCheckOutBlockedAsync(HotelSession s, Reservation reservation, CancellationToken cancellationToken)
    {
        if (reservation.Status is not (ReservationStatus.Confirmed or ReservationStatus.CheckedIn) || s.Today > reservation.Departure)
        {
            return "Not available: the stay has ended.";
        }

        var day = reservation.Departure;
        var others = Active(s, reservation);
        if (reservation.RoomId is { } roomId)
        {
            var needed = await others.AnyAsync(o => o.RoomId == roomId && o.Arrival <= day && o.Departure > day, cancellationToken);
            return needed ? RoomNeeded : null;
        }

        var rooms = await RoomsOfTypeAsync(s, reservation.RoomTypeId, cancellationToken);
        var tonight = await others.CountAsync(o => o.RoomTypeId == reservation.RoomTypeId && o.Arrival <= day && o.Departure > day, cancellationToken);
        var soldLate = await SoldAsync(s, UpsellKind.LateCheckOut, others.Where(o => o.RoomTypeId == reservation.RoomTypeId && o.Departure == day), cancellationToken);
        return rooms - tonight - soldLate < 1 ? RoomNeeded : null;
    }

    /// <summary>The hotel's other stays that hold or will hold a room.</summary>
    private static IQueryable<Reservation> Active(HotelSession s, Reservation reservation) =>
        s.Db.Reservations.AsNoTracking().Where(o => o.Id != reservation.Id
            && (o.Status == ReservationStatus.Confirmed || o.Status == ReservationStatus.CheckedIn));

    private static Task<int> RoomsOfTypeAsync(HotelSession s, Guid roomTypeId, CancellationToken cancellationToken) =>
        s.Db.Rooms.CountAsync(r => r.RoomTypeId == roomTypeId && r.Housekeeping != HousekeepingStatus.OutOfOrder, cancellationToken);

    private static Task<int> SoldAsync(HotelSession s, UpsellKind kind, IQueryable<Reservation> stays, CancellationToken cancellationToken) =>
        s.Db.AcceptedUpsells.CountAsync(u => u.Kind == kind && stays.Any(o => o.Id == u.ReservationId), cancellationToken);
}
