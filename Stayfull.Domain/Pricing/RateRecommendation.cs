using System.Globalization;

namespace Stayfull.Domain.Pricing;

/// <summary>A recommended rate with the factors that make it up: base plus contributions is the rate, to the minor unit.</summary>
public sealed record RateRecommendation(DateOnly Date, long BaseRateMinor, long CurrentRateMinor, long RecommendedMinor, IReadOnlyList<FactorContribution> Contributions, GuardrailBound? BoundBy)
{
    /// <summary>The change from the rate on sale now, as a share of it (0.1 is +10 %).</summary>
    public decimal ChangeFromCurrent => CurrentRateMinor == 0 ? 0 : (RecommendedMinor - CurrentRateMinor) / (decimal)CurrentRateMinor;

    /// <summary>One line a manager reads, for example "competitors +9 %, occupancy 82 % vs 64 % pace +6 %, Saturday +4 %, capped by ceiling".</summary>
    public string Explanation =>
        Contributions.Count == 0
            ? "base rate: nothing moves it"
            : string.Join(", ", Contributions.Select(c => c.Factor == PricingFactor.Guardrail ? c.Reason : $"{c.Reason} {Signed(c.Percent)}"));

    internal static string Signed(decimal share) =>
        (share >= 0 ? "+" : "−") + Math.Abs(Math.Round(share * 100, 0, MidpointRounding.AwayFromZero)).ToString(CultureInfo.InvariantCulture) + " %";

    internal static string Percent(decimal share) =>
        Math.Round(share * 100, 0, MidpointRounding.AwayFromZero).ToString(CultureInfo.InvariantCulture) + " %";
}
