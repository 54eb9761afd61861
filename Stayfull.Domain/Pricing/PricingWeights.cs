namespace Stayfull.Domain.Pricing;

/// <summary>
/// How strongly each factor moves a hotel's rates. Each weight scales a signal that is itself a share of
/// the base rate, so a weight of 0 switches a factor off and 1 lets it count in full. Hotels tune these in
/// settings; the defaults suit a mid-size city hotel.
/// </summary>
public sealed record PricingWeights
{
    public static readonly PricingWeights Default = new();

    /// <summary>How far toward the competitors' median the rate moves (0.5: half way).</summary>
    public decimal Competitors { get; init; } = 0.5m;

    /// <summary>Per point of occupancy ahead of (or behind) pace, in points of rate.</summary>
    public decimal Occupancy { get; init; } = 0.35m;

    /// <summary>Per point of the room type's capacity booked in the last 7 days above the normal pickup.</summary>
    public decimal Pickup { get; init; } = 0.5m;

    /// <summary>The share of a week's capacity a room type normally picks up for one date.</summary>
    public decimal NormalWeeklyPickup { get; init; } = 0.05m;

    /// <summary>Per point of last year's final occupancy on the same weekday above the target.</summary>
    public decimal LastYear { get; init; } = 0.2m;

    /// <summary>The occupancy the hotel aims to sell a date to.</summary>
    public decimal TargetOccupancy { get; init; } = 0.8m;

    /// <summary>How much of a local event's expected demand uplift goes into the rate.</summary>
    public decimal Events { get; init; } = 1m;

    /// <summary>Days before arrival inside which an emptier-than-target date is discounted.</summary>
    public int LastMinuteDays { get; init; } = 3;

    /// <summary>The largest last-minute discount, for a date with nothing sold.</summary>
    public decimal LastMinuteDiscount { get; init; } = 0.1m;

    /// <summary>Days before arrival beyond which the rate carries a premium (early bookers are less price-sensitive, and it keeps rooms for later demand).</summary>
    public int FarOutDays { get; init; } = 120;

    public decimal FarOutPremium { get; init; } = 0.02m;

    /// <summary>The most any one factor may move the rate, either way (0.5: ±50 % of the base rate).</summary>
    public decimal MaxFactorShare { get; init; } = 0.5m;

    /// <summary>Rate uplift by day of the stay night (Friday and Saturday nights sell higher in a city hotel).</summary>
    public IReadOnlyDictionary<DayOfWeek, decimal> DayOfWeekUplift { get; init; } = new Dictionary<DayOfWeek, decimal>
    {
        [DayOfWeek.Monday] = 0m,
        [DayOfWeek.Tuesday] = 0m,
        [DayOfWeek.Wednesday] = 0m,
        [DayOfWeek.Thursday] = 0.01m,
        [DayOfWeek.Friday] = 0.04m,
        [DayOfWeek.Saturday] = 0.04m,
        [DayOfWeek.Sunday] = -0.02m,
    };

    /// <summary>What is wrong with these weights, in words a manager understands; empty when they can be used.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        void Range(decimal value, decimal min, decimal max, string what)
        {
            if (value < min || value > max)
            {
                problems.Add($"{what} must be between {min} and {max}.");
            }
        }

        Range(Competitors, 0, 1, "The competitor weight");
        Range(Occupancy, 0, 2, "The occupancy weight");
        Range(Pickup, 0, 2, "The pickup weight");
        Range(NormalWeeklyPickup, 0, 1, "The normal weekly pickup");
        Range(LastYear, 0, 2, "The last-year weight");
        Range(TargetOccupancy, 0.1m, 1, "The target occupancy");
        Range(Events, 0, 2, "The events weight");
        Range(LastMinuteDiscount, 0, 0.5m, "The last-minute discount");
        Range(FarOutPremium, 0, 0.5m, "The far-out premium");
        Range(MaxFactorShare, 0.01m, 1, "The largest move of one factor");
        if (LastMinuteDays is < 0 or > 30)
        {
            problems.Add("Last-minute days must be between 0 and 30.");
        }

        if (FarOutDays <= LastMinuteDays || FarOutDays > 365)
        {
            problems.Add("Far-out days must be after the last-minute days and within a year.");
        }

        foreach (var day in Enum.GetValues<DayOfWeek>())
        {
            Range(DayOfWeekUplift.GetValueOrDefault(day), -0.5m, 0.5m, $"The {day} uplift");
        }

        return problems;
    }
}
