using Microsoft.EntityFrameworkCore;
using Stayfull.Domain.Data;

namespace Stayfull.Domain.Channels.Ari;

/// <summary>
/// The nightly full sync: each hotel that sells on channels gets one per night, in its own off-peak slot
/// (hotel time 02:00–04:59, the minute chosen by a stable hash of the hotel, so hotels are spread apart). It is
/// queued like any change and pushed by the same pusher: one availability call and one restrictions call over
/// <see cref="AriWindow.FullSyncDays"/> nights, within the same budget.
/// </summary>
public sealed class AriFullSync(StayfullDb database, TimeProvider time)
{
    private static readonly TimeSpan FirstSlot = TimeSpan.FromHours(2);
    private const int SlotMinutes = 180;

    /// <returns>How many hotels had their full sync queued.</returns>
    public async Task<int> QueueNightlyAsync(CancellationToken cancellationToken)
    {
        List<Guid> hotels;
        await using (var platform = database.ForPlatform())
        {
            hotels = await platform.ChannelRoomTypeMappings.IgnoreQueryFilters().Select(m => m.HotelId).Distinct().ToListAsync(cancellationToken);
        }

        var queued = 0;
        foreach (var hotelId in hotels)
        {
            await using var db = database.ForHotel(hotelId);
            var hotel = await db.Hotels.SingleAsync(cancellationToken);
            var now = time.GetUtcNow();
            var local = TimeZoneInfo.ConvertTime(now, hotel.TimeZone);
            var tonight = DateOnly.FromDateTime(local.DateTime);
            var state = await db.AriSyncStates.SingleOrDefaultAsync(cancellationToken);
            if (!IsInSlot(hotelId, local.TimeOfDay) || state?.LastFullSyncQueuedFor == tonight)
            {
                continue;
            }

            state ??= db.AriSyncStates.Add(new AriSyncState(hotelId)).Entity;
            Queue(db, hotelId, tonight, now);
            state.FullSyncQueued(tonight);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                queued++;
            }
            catch (DbUpdateException)
            {
                // Another instance queued this hotel's night (or claimed its state) at the same moment.
            }
        }

        if (queued > 0)
        {
            AriSignals.Pending.Raise();
        }

        return queued;
    }

    /// <summary>The hotel's own minute in the off-peak window, the same every night.</summary>
    public static TimeSpan SlotOf(Guid hotelId)
    {
        // FNV-1a over the id's bytes: stable across processes and runtimes, unlike GetHashCode.
        var hash = 2166136261u;
        foreach (var b in hotelId.ToByteArray())
        {
            hash = (hash ^ b) * 16777619u;
        }

        return FirstSlot + TimeSpan.FromMinutes(hash % SlotMinutes);
    }

    /// <summary>From the hotel's slot until 05:00: a pass that misses the exact minute still queues it.</summary>
    public static bool IsInSlot(Guid hotelId, TimeSpan localTime) =>
        localTime >= SlotOf(hotelId) && localTime < FirstSlot + TimeSpan.FromMinutes(SlotMinutes);

    /// <summary>Queues a full sync of both kinds from <paramref name="today"/>.</summary>
    internal static void Queue(StayfullDbContext db, Guid hotelId, DateOnly today, DateTimeOffset now)
    {
        var last = AriWindow.LastFullSyncNight(today);
        db.AriPendingChanges.Add(new AriPendingChange(hotelId, AriKind.Availability, null, today, last, now, isFullSync: true));
        db.AriPendingChanges.Add(new AriPendingChange(hotelId, AriKind.Restrictions, null, today, last, now, isFullSync: true));
    }
}
