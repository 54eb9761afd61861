using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Stayfull.Domain.Rates;
using Stayfull.Domain.Rooms;
using Stayfull.Domain.Sessions;

namespace Stayfull.Domain.Channels.Ari;

/// <summary>
/// Notices, in the change tracker of a save about to happen, every change that alters what the channels sell
/// (a night's bookings, rate or restrictions; a room going out of order or changing type; a base rate or a rate
/// plan's price; a mapping) and adds pending-change rows to the same save when the hotel sells on channels.
/// Services need not know about distribution. Nothing is queried unless something relevant is tracked.
/// </summary>
internal static class AriChangeCapture
{
    public static async Task CaptureAsync(HotelSession session, CancellationToken cancellationToken)
    {
        var today = session.Today;
        var lastNight = AriWindow.LastDeltaNight(today);
        var nights = new Dictionary<(AriKind Kind, Guid? RoomTypeId), SortedSet<int>>();
        var mappingAdded = false;

        void Night(AriKind kind, Guid? roomTypeId, DateOnly date)
        {
            if (date >= today && date <= lastNight)
            {
                Key(kind, roomTypeId).Add(date.DayNumber);
            }
        }

        void AllNights(AriKind kind, Guid? roomTypeId)
        {
            // Held as one range, not 730 nights: it becomes a single row.
            Key(kind, roomTypeId).UnionWith([today.DayNumber, int.MaxValue]);
        }

        SortedSet<int> Key(AriKind kind, Guid? roomTypeId)
        {
            if (!nights.TryGetValue((kind, roomTypeId), out var set))
            {
                set = [];
                nights[(kind, roomTypeId)] = set;
            }

            return set;
        }

        foreach (var entry in session.Db.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }

            switch (entry.Entity)
            {
                case RoomTypeDay day:
                    if (Changed(entry, nameof(RoomTypeDay.Booked)))
                    {
                        Night(AriKind.Availability, day.RoomTypeId, day.Date);
                    }

                    if (Changed(entry, nameof(RoomTypeDay.RateMinor), nameof(RoomTypeDay.MinStay), nameof(RoomTypeDay.ClosedToArrival), nameof(RoomTypeDay.ClosedToDeparture), nameof(RoomTypeDay.StopSell)))
                    {
                        Night(AriKind.Restrictions, day.RoomTypeId, day.Date);
                    }

                    break;
                case Room room:
                    if (entry.State != EntityState.Modified || OutOfOrderMoved(entry))
                    {
                        AllNights(AriKind.Availability, room.RoomTypeId);
                    }

                    if (entry.State == EntityState.Modified && entry.Property(nameof(Room.RoomTypeId)) is { IsModified: true } type && !Equals(type.OriginalValue, type.CurrentValue))
                    {
                        AllNights(AriKind.Availability, (Guid)type.OriginalValue!);
                        AllNights(AriKind.Availability, room.RoomTypeId);
                    }

                    break;
                case RoomType roomType when entry.State == EntityState.Modified && Changed(entry, nameof(RoomType.BaseRateMinor)):
                    AllNights(AriKind.Restrictions, roomType.Id);
                    break;
                case RatePlan when entry.State == EntityState.Modified && Changed(entry, nameof(RatePlan.AdjustmentPercent)):
                    AllNights(AriKind.Restrictions, null);
                    break;
                case ChannelRoomTypeMapping roomTypeMapping:
                    mappingAdded |= entry.State == EntityState.Added;
                    AllNights(AriKind.Availability, roomTypeMapping.RoomTypeId);
                    break;
                case ChannelRatePlanMapping ratePlanMapping:
                    mappingAdded |= entry.State == EntityState.Added;
                    AllNights(AriKind.Restrictions, ratePlanMapping.RoomTypeId);
                    break;
            }
        }

        if (nights.Count == 0 || (!mappingAdded && !await session.Db.ChannelRoomTypeMappings.AnyAsync(cancellationToken)))
        {
            return;
        }

        foreach (var ((kind, roomTypeId), days) in nights)
        {
            foreach (var (from, to) in Ranges(days, lastNight))
            {
                session.Db.AriPendingChanges.Add(new AriPendingChange(session.HotelId, kind, roomTypeId, from, to, session.Now));
            }
        }

        session.AfterSave(AriSignals.Pending.Raise);
    }

    /// <summary>Whether any of the properties differs from before (an added row: from what a missing row means).</summary>
    private static bool Changed(EntityEntry entry, params string[] properties)
    {
        if (entry.State is EntityState.Deleted)
        {
            return true;
        }

        foreach (var name in properties)
        {
            var property = entry.Property(name);
            if (entry.State == EntityState.Added
                ? !Equals(property.CurrentValue, Default(name))
                : property.IsModified && !Equals(property.OriginalValue, property.CurrentValue))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>What a night without a row means: nothing booked, the base rate, a one-night minimum, open.</summary>
    private static object? Default(string property) => property switch
    {
        nameof(RoomTypeDay.Booked) => 0,
        nameof(RoomTypeDay.MinStay) => 1,
        nameof(RoomTypeDay.ClosedToArrival) or nameof(RoomTypeDay.ClosedToDeparture) or nameof(RoomTypeDay.StopSell) => false,
        nameof(RoomTypeDay.RateMinor) => null,
        _ => null,
    };

    private static bool OutOfOrderMoved(EntityEntry entry)
    {
        var housekeeping = entry.Property(nameof(Room.Housekeeping));
        return housekeeping.IsModified
            && (HousekeepingStatus)housekeeping.OriginalValue! != (HousekeepingStatus)housekeeping.CurrentValue!
            && ((HousekeepingStatus)housekeeping.OriginalValue! == HousekeepingStatus.OutOfOrder || (HousekeepingStatus)housekeeping.CurrentValue! == HousekeepingStatus.OutOfOrder);
    }

    /// <summary>Consecutive nights as inclusive ranges; <see cref="int.MaxValue"/> stands for "to the end of the window".</summary>
    private static IEnumerable<(DateOnly From, DateOnly To)> Ranges(SortedSet<int> days, DateOnly lastNight) =>
        days.Contains(int.MaxValue)
            ? [(DateOnly.FromDayNumber(days.Min), lastNight)]
            : AriRanges.Collapse(days.Select(day => (DateOnly.FromDayNumber(day), true))).Select(r => (r.From, r.To));
}
