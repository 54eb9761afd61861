using Stayfull.Domain.Pricing;
using Stayfull.Domain.Tests.Pricing.Backtest;
using Xunit.Abstractions;

namespace Stayfull.Domain.Tests.Pricing;

/// <summary>
/// Would the recommendations have earned more than one fixed rate over a season whose demand we know?
/// The figure is written to the test output; the assertion is that repricing earns more, on every seed.
/// </summary>
public sealed class PricingBacktestTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(11)]
    [InlineData(23)]
    [InlineData(47)]
    public void Repricing_a_season_earns_more_room_revenue_than_a_fixed_rate(int seed)
    {
        var season = new DemandSeason(new DateOnly(2027, 5, 1), 120, seed);

        var result = PricingBacktest.Run(season, 120_00, new RateGuardrails(80_00, 260_00, 0.15m), PricingWeights.Default);

        output.WriteLine($"seed {seed}: fixed {result.FixedRevenueMinor / 100m:N0} ({result.FixedRoomNights} room nights), repriced {result.DynamicRevenueMinor / 100m:N0} ({result.DynamicRoomNights} room nights), change {result.RevenueChange:P1}");
        Assert.True(result.RevenueChange > 0.02m, $"repricing changed revenue by {result.RevenueChange:P1}");
    }
}
