using Stayfull.Domain.Rooms;

namespace Stayfull.Domain.Rates;

/// <summary>
/// Pure availability arithmetic: per room type and night, rooms minus out-of-order minus booked.
/// Out-of-order is a room's current state, so it counts against every night from today on.
/// </summary>
public static class AvailabilityCalculator
{
    public static IReadOnlyList<RoomTypeAvailability> Compute(
        IReadOnlyList<RoomType> roomTypes,
        IReadOnlyList<Room> rooms,
        IReadOnlyList<RoomTypeDay> days,
        DateOnly from,
        DateOnly to,
        DateOnly today)
    {
        var roomCounts = rooms.GroupBy(r => r.RoomTypeId).ToDictionary(
            g => g.Key,
            g => (All: g.Count(), OutOfOrder: g.Count(r => r.Housekeeping == HousekeepingStatus.OutOfOrder)));
        var dayIndex = days.ToDictionary(d => (d.RoomTypeId, d.Date));
        var result = new List<RoomTypeAvailability>(roomTypes.Count);
        var length = Math.Max(0, to.DayNumber - from.DayNumber);

        foreach (var type in roomTypes)
        {
            var counts = roomCounts.GetValueOrDefault(type.Id);
            var series = new DayAvailability[length];
            for (var i = 0; i < length; i++)
            {
                var date = from.AddDays(i);
                var outOfOrder = date >= today ? counts.OutOfOrder : 0;
                series[i] = dayIndex.TryGetValue((type.Id, date), out var day)
                    ? new DayAvailability(date, counts.All, outOfOrder, day.Booked, day.EffectiveRate(type.BaseRateMinor), day.MinStay, day.ClosedToArrival, day.ClosedToDeparture, day.StopSell)
                    : new DayAvailability(date, counts.All, outOfOrder, 0, type.BaseRateMinor, 1, false, false, false);
            }

            result.Add(new RoomTypeAvailability(type.Id, type.Code, type.Name, series));
        }

        return result;
    }
}
