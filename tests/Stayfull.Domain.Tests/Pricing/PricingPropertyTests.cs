using Stayfull.Domain.Pricing;

namespace Stayfull.Domain.Tests.Pricing;

/// <summary>
/// Properties that hold for every input: thousands of random dates, markets, occupancies, weights and
/// guardrails from a fixed seed (so a failure reproduces), each checked against the rules a manager relies on.
/// </summary>
public sealed class PricingPropertyTests
{
    private const int Cases = 20_000;

    public static TheoryData<int> Seeds => [1, 2, 3];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void The_rate_never_breaks_a_guardrail(int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < Cases; i++)
        {
            var (input, weights, guardrails) = RandomCase(random);

            var rate = PricingEngine.Recommend(input, weights, guardrails).RecommendedMinor;

            Assert.InRange(rate, guardrails.FloorMinor, guardrails.CeilingMinor);
            if (input.CurrentRateMinor >= guardrails.FloorMinor && input.CurrentRateMinor <= guardrails.CeilingMinor)
            {
                // From a rate inside the bounds, one day's move stays within the largest daily change.
                Assert.True(Math.Abs(rate - input.CurrentRateMinor) <= input.CurrentRateMinor * guardrails.MaxDailyChange, $"case {i}: {input.CurrentRateMinor} → {rate} exceeds {guardrails.MaxDailyChange:P0}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void The_contributions_add_up_to_the_recommendation(int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < Cases; i++)
        {
            var (input, weights, guardrails) = RandomCase(random);

            var recommendation = PricingEngine.Recommend(input, weights, guardrails);

            Assert.Equal(recommendation.RecommendedMinor, input.BaseRateMinor + recommendation.Contributions.Sum(c => c.AmountMinor));
            Assert.Equal(recommendation.BoundBy is not null, recommendation.Contributions.Any(c => c.Factor == PricingFactor.Guardrail));
            Assert.All(recommendation.Contributions, c => Assert.NotEqual(0, c.AmountMinor));
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void More_demand_never_lowers_the_rate(int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < Cases / 4; i++)
        {
            var (input, weights, guardrails) = RandomCase(random);
            var busier = input with
            {
                OccupancyOnBooks = Math.Min(1, input.OccupancyOnBooks + 0.1m),
                PickupLast7Days = input.PickupLast7Days + 2,
            };

            var before = PricingEngine.Recommend(input, weights, guardrails).RecommendedMinor;
            var after = PricingEngine.Recommend(busier, weights, guardrails).RecommendedMinor;

            Assert.True(after >= before, $"case {i}: {before} → {after}");
        }
    }

    private static (PricingInput Input, PricingWeights Weights, RateGuardrails Guardrails) RandomCase(Random random)
    {
        var today = new DateOnly(2026, 11, 24);
        var baseRate = random.NextInt64(30_00, 600_00);
        var floor = random.NextInt64(1_00, baseRate);
        var ceiling = random.NextInt64(floor, baseRate * 3);
        var capacity = random.Next(1, 80);
        var market = random.Next(4) == 0 ? null : new MarketRates(random.NextInt64(10_00, 900_00), random.NextInt64(0, 200_00), random.Next(1, 15));
        var input = new PricingInput(
            Date: today.AddDays(random.Next(0, 366)),
            Today: today,
            BaseRateMinor: baseRate,
            CurrentRateMinor: random.NextInt64(10_00, 900_00),
            Market: market,
            OccupancyOnBooks: Share(random),
            PaceOccupancy: Share(random),
            PickupLast7Days: random.Next(0, capacity + 1),
            Capacity: capacity,
            LastYearOccupancy: random.Next(3) == 0 ? null : Share(random),
            Events: random.Next(5) == 0 ? [new LocalEvent("Festival", today, today.AddDays(365), Share(random))] : []);
        var weights = PricingWeights.Default with
        {
            Competitors = Share(random),
            Occupancy = Share(random) * 2,
            Pickup = Share(random) * 2,
            Events = Share(random) * 2,
            MaxFactorShare = Math.Max(0.01m, Share(random)),
        };
        var guardrails = new RateGuardrails(floor, ceiling, Math.Max(0.01m, Share(random)));
        return (input, weights, guardrails);
    }

    private static decimal Share(Random random) => Math.Round((decimal)random.NextDouble(), 4);
}
