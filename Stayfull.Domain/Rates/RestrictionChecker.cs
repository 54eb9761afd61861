using Stayfull.Domain.Common;

namespace Stayfull.Domain.Rates;

/// <summary>Which of a night's restrictions a stay breaks, in words the desk can read out.</summary>
public static class RestrictionChecker
{
    /// <param name="nights">The room type's nights of the stay, arrival first.</param>
    /// <param name="departureDay">The departure date's row, when one exists (closed-to-departure lives there).</param>
    public static IReadOnlyList<string> Violations(StayDates stay, IReadOnlyList<DayAvailability> nights, DayAvailability? departureDay)
    {
        var violations = new List<string>();
        var arrival = nights.FirstOrDefault(n => n.Date == stay.Arrival);
        if (arrival is not null && arrival.MinStay > stay.Nights)
        {
            violations.Add($"Minimum stay from {stay.Arrival:d} is {arrival.MinStay} nights.");
        }

        if (arrival is { ClosedToArrival: true })
        {
            violations.Add($"Closed to arrival on {stay.Arrival:d}.");
        }

        if (departureDay is { ClosedToDeparture: true })
        {
            violations.Add($"Closed to departure on {stay.Departure:d}.");
        }

        violations.AddRange(nights.Where(n => n.StopSell).Select(n => $"Stop sell on {n.Date:d}."));
        return violations;
    }
}
