using Stayfull.Domain.Common;

namespace Stayfull.Domain.Kpis;

/// <summary>Pure KPI arithmetic over sold nights; see <see cref="KpiFigures"/> for the counting rule.</summary>
public static class KpiCalculator
{
    /// <param name="rooms">Physical rooms (out of order included).</param>
    /// <param name="soldNights">One entry per sold room night: the night and its room revenue in minor units.</param>
    public static KpiReport Compute(int rooms, IEnumerable<(DateOnly Night, long RevenueMinor)> soldNights, DateOnly from, DateOnly to, string currency)
    {
        if (to <= from)
        {
            throw ValidationException.For("to", "The end of the range must be after its start.");
        }

        var byNight = soldNights.Where(n => n.Night >= from && n.Night < to)
            .GroupBy(n => n.Night)
            .ToDictionary(g => g.Key, g => (Sold: g.Count(), Revenue: g.Sum(x => x.RevenueMinor)));
        var days = new List<KpiFigures>(to.DayNumber - from.DayNumber);
        for (var night = from; night < to; night = night.AddDays(1))
        {
            var (sold, revenue) = byNight.GetValueOrDefault(night);
            days.Add(new KpiFigures(night, night.AddDays(1), rooms, sold, new Money(revenue, currency)));
        }

        var total = new KpiFigures(from, to, rooms * days.Count, days.Sum(d => d.RoomNightsSold), new Money(days.Sum(d => d.RoomRevenue.Minor), currency));
        return new KpiReport(total, days);
    }
}
