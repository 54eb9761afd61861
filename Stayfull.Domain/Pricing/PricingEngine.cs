using System.Globalization;

namespace Stayfull.Domain.Pricing;

/// <summary>
/// Recommends a room type's rate for one date. Pure: the same input gives the same answer, with no clock
/// or database. Each factor yields a share of the base rate (scaled by the hotel's weight and bounded by
/// <see cref="PricingWeights.MaxFactorShare"/>), rounded to the minor unit; the rate is the base plus those
/// amounts, then held inside the guardrails — and when a guardrail holds it, that shows as its own
/// contribution, so the explanation always adds up to the rate.
/// </summary>
public static class PricingEngine
{
    public static RateRecommendation Recommend(PricingInput input, PricingWeights weights, RateGuardrails guardrails)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(guardrails);
        if (input.BaseRateMinor <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(input), "The base rate must be above zero.");
        }

        var contributions = new List<FactorContribution>();
        void Add(PricingFactor factor, decimal share, string reason)
        {
            share = Math.Clamp(share, -weights.MaxFactorShare, weights.MaxFactorShare);
            var amount = (long)decimal.Round(input.BaseRateMinor * share, MidpointRounding.AwayFromZero);
            if (amount != 0)
            {
                contributions.Add(new FactorContribution(factor, amount, amount / (decimal)input.BaseRateMinor, reason));
            }
        }

        if (input.Market is { Count: > 0, MedianMinor: > 0 } market)
        {
            // A tight market is a clear signal; a wide spread says the median means less.
            var confidence = 1 / (1 + (market.Spread / (decimal)market.MedianMinor));
            Add(PricingFactor.Competitors, weights.Competitors * ((market.MedianMinor / (decimal)input.BaseRateMinor) - 1) * confidence, "competitors");
        }

        Add(PricingFactor.Occupancy, weights.Occupancy * (input.OccupancyOnBooks - input.PaceOccupancy), $"occupancy {RateRecommendation.Percent(input.OccupancyOnBooks)} vs {RateRecommendation.Percent(input.PaceOccupancy)} pace");

        if (input.Capacity > 0)
        {
            var pickup = input.PickupLast7Days / (decimal)input.Capacity;
            Add(PricingFactor.Pickup, weights.Pickup * (pickup - weights.NormalWeeklyPickup), $"{input.PickupLast7Days} booked in 7 days");
        }

        if (input.LastYearOccupancy is { } lastYear)
        {
            Add(PricingFactor.LastYear, weights.LastYear * (lastYear - weights.TargetOccupancy), $"last year {RateRecommendation.Percent(lastYear)} full");
        }

        var day = input.Date.DayOfWeek;
        Add(PricingFactor.DayOfWeek, weights.DayOfWeekUplift.GetValueOrDefault(day), CultureInfo.InvariantCulture.DateTimeFormat.GetDayName(day));

        if (input.LeadDays <= weights.LastMinuteDays && input.OccupancyOnBooks < weights.TargetOccupancy)
        {
            // The emptier the date close to arrival, the deeper the discount: an unsold night earns nothing.
            Add(PricingFactor.LeadTime, -weights.LastMinuteDiscount * (1 - (input.OccupancyOnBooks / weights.TargetOccupancy)), $"last minute ({input.LeadDays} days out)");
        }
        else if (input.LeadDays >= weights.FarOutDays)
        {
            Add(PricingFactor.LeadTime, weights.FarOutPremium, $"{input.LeadDays} days out");
        }

        var events = input.Events.Where(e => e.Covers(input.Date)).ToList();
        if (events.Count > 0)
        {
            Add(PricingFactor.Events, weights.Events * events.Sum(e => e.ExpectedUplift), string.Join(" + ", events.Select(e => e.Name)));
        }

        var proposed = input.BaseRateMinor + contributions.Sum(c => c.AmountMinor);
        var (rate, bound) = guardrails.Apply(proposed, input.CurrentRateMinor);
        if (rate != proposed)
        {
            contributions.Add(new FactorContribution(PricingFactor.Guardrail, rate - proposed, (rate - proposed) / (decimal)input.BaseRateMinor, Describe(bound!.Value, guardrails)));
        }

        return new RateRecommendation(input.Date, input.BaseRateMinor, input.CurrentRateMinor, rate, contributions, bound);
    }

    private static string Describe(GuardrailBound bound, RateGuardrails guardrails) => bound switch
    {
        GuardrailBound.Floor => "raised to the floor",
        GuardrailBound.Ceiling => "capped by the ceiling",
        GuardrailBound.MaxDailyIncrease => $"limited to the largest daily change (+{RateRecommendation.Percent(guardrails.MaxDailyChange)})",
        _ => $"limited to the largest daily change (−{RateRecommendation.Percent(guardrails.MaxDailyChange)})",
    };
}
