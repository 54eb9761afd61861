namespace Stayfull.Domain.Pricing;

/// <summary>
/// How full a night normally is a given number of days before it. Where the same weekday of last year has
/// bookings, their lead times make the curve; otherwise a generic curve rises to the target occupancy
/// over the last <see cref="DefaultWindowDays"/> days.
/// </summary>
public static class PaceCurve
{
    public const int DefaultWindowDays = 90;

    /// <param name="lastYearLeadTimes">For each room night sold last year on the comparable night, how many days ahead it was booked.</param>
    public static decimal Expected(int leadDays, IReadOnlyCollection<int> lastYearLeadTimes, int capacity, decimal targetOccupancy)
    {
        if (capacity <= 0)
        {
            return 0;
        }

        if (lastYearLeadTimes.Count > 0)
        {
            return Math.Min(1, lastYearLeadTimes.Count(l => l >= leadDays) / (decimal)capacity);
        }

        var remaining = Math.Clamp(leadDays, 0, DefaultWindowDays) / (double)DefaultWindowDays;
        return Math.Round(targetOccupancy * (decimal)Math.Pow(1 - remaining, 1.5), 4);
    }
}
