namespace Stayfull.Domain.Pricing;

/// <summary>The competitors' rates for a comparable room on one date.</summary>
/// <param name="Spread">How far apart they are: the interquartile range, in minor units.</param>
public sealed record MarketRates(long MedianMinor, long Spread, int Count);

/// <summary>A local event the hotel entered, with the demand uplift it expects (0.25: +25 %).</summary>
public sealed record LocalEvent(string Name, DateOnly From, DateOnly To, decimal ExpectedUplift)
{
    public bool Covers(DateOnly date) => date >= From && date <= To;
}

/// <summary>Everything the engine weighs for one room type on one stay date. Rates in the hotel currency's minor units.</summary>
/// <param name="BaseRateMinor">The room type's base rate: where the recommendation starts.</param>
/// <param name="CurrentRateMinor">The rate on sale now for that date, from which the daily change is measured.</param>
/// <param name="OccupancyOnBooks">Share of the room type sold for that date today, 0 to 1.</param>
/// <param name="PaceOccupancy">The share normally sold by this many days before arrival, 0 to 1.</param>
/// <param name="PickupLast7Days">Rooms of that type booked for that date in the last 7 days (net of cancellations).</param>
/// <param name="Capacity">Rooms of that type.</param>
/// <param name="LastYearOccupancy">Final occupancy of the same weekday a year before, when known.</param>
public sealed record PricingInput(
    DateOnly Date,
    DateOnly Today,
    long BaseRateMinor,
    long CurrentRateMinor,
    MarketRates? Market,
    decimal OccupancyOnBooks,
    decimal PaceOccupancy,
    int PickupLast7Days,
    int Capacity,
    decimal? LastYearOccupancy,
    IReadOnlyList<LocalEvent> Events)
{
    public int LeadDays => Date.DayNumber - Today.DayNumber;
}
