using Microsoft.EntityFrameworkCore;
using Stayfull.Domain.Audit;
using Stayfull.Domain.Folios;
using Stayfull.Domain.Hotels;
using Stayfull.Domain.Rates;
using Stayfull.Domain.Reservations;
using Stayfull.Domain.Rooms;
using Stayfull.Domain.Tenancy;
using Stayfull.Tests.Support;

namespace Stayfull.Domain.Tests;

/// <summary>
/// Short ways to arrange and inspect a <see cref="TestHotel"/>. Arranging steps act as the owner and
/// then hand the acting role back, so a test only states the role of the step it is about.
/// </summary>
internal static class TestHotelArrangements
{
    public const string GuestName = "Ada Lovelace";

    /// <summary>A booking request for room type <paramref name="type"/> (0-based) from today + <paramref name="fromToday"/>.</summary>
    public static BookingRequest Stay(this TestHotel hotel, int fromToday = 0, int nights = 2, int type = 0, ReservationSource source = ReservationSource.FrontDesk) => new()
    {
        RoomTypeId = hotel.RoomTypes[type].Id,
        Arrival = hotel.Today.AddDays(fromToday),
        Departure = hotel.Today.AddDays(fromToday + nights),
        GuestName = GuestName,
        Source = source,
    };

    public static Task<Reservation> BookAsync(this TestHotel hotel, BookingRequest request) =>
        hotel.Get<BookingService>().BookAsync(request, CancellationToken.None);

    /// <summary>Books as the owner whatever role the test acts as.</summary>
    public static Task<Reservation> ArrangeBookingAsync(this TestHotel hotel, BookingRequest request) =>
        hotel.AsOwnerAsync(() => hotel.BookAsync(request));

    /// <summary>A stay of room <paramref name="roomNumber"/> from today, checked in.</summary>
    public static async Task<Reservation> CheckedInAsync(this TestHotel hotel, string roomNumber = "101", int nights = 2)
    {
        var room = hotel.Room(roomNumber);
        var type = hotel.RoomTypes.ToList().FindIndex(t => t.Id == room.RoomTypeId);
        var reservation = await hotel.ArrangeBookingAsync(hotel.Stay(nights: nights, type: type) with { RoomId = room.Id });
        await hotel.AsOwnerAsync(() => hotel.Get<ReservationService>().CheckInAsync(reservation.Id, CancellationToken.None));
        return await hotel.ReservationAsync(reservation.Id);
    }

    public static Room Room(this TestHotel hotel, string number) => hotel.Rooms.Single(r => r.Number == number);

    public static Task SetHousekeepingAsync(this TestHotel hotel, string roomNumber, HousekeepingStatus status) =>
        hotel.AsOwnerAsync(() => hotel.Get<RoomService>().SetHousekeepingAsync(hotel.Room(roomNumber).Id, status, CancellationToken.None));

    /// <summary>Changes rates or restrictions of room type <paramref name="type"/> on the nights from..to (inclusive).</summary>
    public static Task SetNightsAsync(this TestHotel hotel, DateOnly from, DateOnly to, RateUpdate change, int type = 0) =>
        hotel.AsOwnerAsync(() => hotel.Get<RateService>().UpdateAsync(change with { RoomTypeIds = [hotel.RoomTypes[type].Id], From = from, To = to }, CancellationToken.None));

    /// <summary>A rate update to complete with <c>with</c>; the room types and dates are filled in by <see cref="SetNightsAsync"/>.</summary>
    public static RateUpdate Change => new() { RoomTypeIds = [], From = DateOnly.MinValue, To = DateOnly.MinValue };

    public static Task PayAsync(this TestHotel hotel, Guid reservationId, long amountMinor) =>
        hotel.AsOwnerAsync(() => hotel.Get<FolioService>().RecordPaymentAsync(reservationId, "Card", amountMinor, CancellationToken.None));

    public static async Task<Reservation> ReservationAsync(this TestHotel hotel, Guid id)
    {
        await using var db = hotel.Db();
        return await db.Reservations.AsNoTracking().SingleAsync(r => r.Id == id);
    }

    public static async Task<Room> ReloadRoomAsync(this TestHotel hotel, string number)
    {
        await using var db = hotel.Db();
        return await db.Rooms.AsNoTracking().SingleAsync(r => r.Number == number);
    }

    /// <summary>The Booked counter of room type <paramref name="type"/> on <paramref name="night"/>; 0 when no row exists yet.</summary>
    public static async Task<int> BookedAsync(this TestHotel hotel, DateOnly night, int type = 0)
    {
        await using var db = hotel.Db();
        var typeId = hotel.RoomTypes[type].Id;
        return await db.RoomTypeDays.AsNoTracking().Where(d => d.RoomTypeId == typeId && d.Date == night).Select(d => d.Booked).SingleOrDefaultAsync();
    }

    public static async Task<IReadOnlyList<FolioEntry>> FolioEntriesAsync(this TestHotel hotel, Guid reservationId)
    {
        await using var db = hotel.Db();
        return await db.FolioEntries.AsNoTracking().Where(e => e.ReservationId == reservationId).OrderBy(e => e.ServiceDate).ToListAsync();
    }

    public static async Task<IReadOnlyList<AuditEntry>> AuditOfAsync(this TestHotel hotel, Guid entityId)
    {
        await using var db = hotel.Db();
        return await db.AuditEntries.AsNoTracking().Where(a => a.EntityId == entityId).ToListAsync();
    }

    /// <summary>Moves the hotel to another time zone (the owner edits the hotel's details).</summary>
    public static Task MoveToTimeZoneAsync(this TestHotel hotel, string timeZoneId)
    {
        var h = hotel.Hotel;
        return hotel.AsOwnerAsync(() => hotel.Get<HotelSettingsService>().UpdateHotelAsync(h.Version, h.Name, timeZoneId, h.Currency, h.CheckInTime, h.CheckOutTime, h.Address, CancellationToken.None));
    }

    public static async Task AsOwnerAsync(this TestHotel hotel, Func<Task> arrange) =>
        await hotel.AsOwnerAsync(async () =>
        {
            await arrange();
            return true;
        });

    public static async Task<T> AsOwnerAsync<T>(this TestHotel hotel, Func<Task<T>> arrange)
    {
        var acting = hotel.Staff.Current;
        hotel.ActAs(StaffRole.Owner);
        try
        {
            return await arrange();
        }
        finally
        {
            hotel.Staff.Current = acting;
        }
    }
}
