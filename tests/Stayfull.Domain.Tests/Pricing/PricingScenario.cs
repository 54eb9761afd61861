using Stayfull.Domain.Pricing;

namespace Stayfull.Domain.Tests.Pricing;

/// <summary>A neutral date for a 20-room type at a base of 100.00: every factor at rest, so a test moves one at a time.</summary>
internal static class PricingScenario
{
    /// <summary>A Wednesday, 30 days after today: no weekday uplift, neither last minute nor far out.</summary>
    public static readonly DateOnly Wednesday = new(2026, 12, 23);

    public static readonly DateOnly Today = Wednesday.AddDays(-30);

    public static readonly RateGuardrails Wide = new(1_00, 1_000_00, 1m);

    public static PricingInput Neutral() => new(
        Date: Wednesday,
        Today: Today,
        BaseRateMinor: 100_00,
        CurrentRateMinor: 100_00,
        Market: null,
        OccupancyOnBooks: 0.5m,
        PaceOccupancy: 0.5m,
        PickupLast7Days: 1,
        Capacity: 20,
        LastYearOccupancy: null,
        Events: []);

    public static RateRecommendation Recommend(PricingInput input, RateGuardrails? guardrails = null) =>
        PricingEngine.Recommend(input, PricingWeights.Default, guardrails ?? Wide);
}
