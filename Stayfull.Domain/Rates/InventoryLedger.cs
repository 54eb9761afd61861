using Microsoft.EntityFrameworkCore;
using Stayfull.Domain.Common;
using Stayfull.Domain.Rooms;
using Stayfull.Domain.Sessions;

namespace Stayfull.Domain.Rates;

/// <summary>
/// Takes and gives back rooms on the per-night counters, under the room type's <see cref="InventoryLock"/>.
/// Every change moves the row's version, so two sessions selling the same night cannot both succeed even
/// where no lock is taken: the loser retries and re-checks.
/// </summary>
internal static class InventoryLedger
{
    /// <summary>Loads the tracked nights of a range for one room type, creating the rows that do not exist yet.</summary>
    public static async Task<List<RoomTypeDay>> NightsAsync(HotelSession s, Guid roomTypeId, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        await InventoryLock.TakeAsync(s, roomTypeId, cancellationToken);
        var days = await s.Db.RoomTypeDays
            .Where(d => d.RoomTypeId == roomTypeId && d.Date >= from && d.Date < to)
            .ToListAsync(cancellationToken);
        if (days.Count == to.DayNumber - from.DayNumber)
        {
            return [.. days.OrderBy(d => d.Date)];
        }

        var existing = days.Select(d => d.Date).ToHashSet();
        for (var date = from; date < to; date = date.AddDays(1))
        {
            if (!existing.Contains(date))
            {
                var day = new RoomTypeDay(s.HotelId, roomTypeId, date);
                s.Db.RoomTypeDays.Add(day);
                days.Add(day);
            }
        }

        // A concurrent session creating the same night makes this save fail on the key; the caller's retry re-reads.
        return [.. days.OrderBy(d => d.Date)];
    }

    /// <summary>Rooms of the type that can be sold (out-of-order ones excluded).</summary>
    public static Task<int> SellableRoomsAsync(HotelSession s, Guid roomTypeId, CancellationToken cancellationToken) =>
        s.Db.Rooms.CountAsync(r => r.RoomTypeId == roomTypeId && r.Housekeeping != HousekeepingStatus.OutOfOrder, cancellationToken);

    /// <summary>Reserves one room on every night, or throws <see cref="SoldOutException"/> naming the first full night.</summary>
    public static async Task ReserveAsync(HotelSession s, RoomType type, DateOnly from, DateOnly to, bool allowOverbooking, CancellationToken cancellationToken)
    {
        if (!allowOverbooking)
        {
            // A night already full as last saved is sold out now: refusing it needs no lock, so refusals never queue behind sales.
            var saved = await s.Db.RoomTypeDays.AsNoTracking()
                .Where(d => d.RoomTypeId == type.Id && d.Date >= from && d.Date < to)
                .OrderBy(d => d.Date)
                .Select(d => new { d.Date, d.Booked })
                .ToListAsync(cancellationToken);
            var sellableNow = await SellableRoomsAsync(s, type.Id, cancellationToken);
            if (saved.FirstOrDefault(n => n.Booked >= sellableNow) is { } fullNow)
            {
                throw SoldOut(type, fullNow.Date);
            }
        }

        var nights = await NightsAsync(s, type.Id, from, to, cancellationToken);
        var sellable = await SellableRoomsAsync(s, type.Id, cancellationToken);
        var full = nights.FirstOrDefault(n => n.Booked >= sellable);
        if (full is not null && !allowOverbooking)
        {
            throw SoldOut(type, full.Date);
        }

        nights.ForEach(n => n.Reserve());
    }

    public static async Task ReleaseAsync(HotelSession s, Guid roomTypeId, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        if (to <= from)
        {
            return;
        }

        var nights = await NightsAsync(s, roomTypeId, from, to, cancellationToken);
        nights.ForEach(n => n.Release());
    }

    private static SoldOutException SoldOut(RoomType type, DateOnly night) => new($"Sold out: no {type.Name} is left for the night of {night:d}.");
}
