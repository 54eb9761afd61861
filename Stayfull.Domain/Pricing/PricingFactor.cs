namespace Stayfull.Domain.Pricing;

/// <summary>What moved a recommended rate away from the base rate.</summary>
public enum PricingFactor
{
    Competitors = 0,
    Occupancy = 1,
    Pickup = 2,
    LastYear = 3,
    DayOfWeek = 4,
    LeadTime = 5,
    Events = 6,

    /// <summary>A floor, ceiling or maximum daily change bound the rate.</summary>
    Guardrail = 7,
}

/// <summary>
/// One factor's share of a recommendation, in the currency's minor units, with the reason a manager reads
/// ("occupancy 82 % vs 64 % pace"). The base rate plus every contribution is the recommended rate, exactly.
/// </summary>
/// <param name="Percent">The contribution as a share of the base rate (0.06 is +6 %).</param>
public sealed record FactorContribution(PricingFactor Factor, long AmountMinor, decimal Percent, string Reason);
