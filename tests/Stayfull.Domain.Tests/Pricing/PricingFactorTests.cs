using Stayfull.Domain.Pricing;
using static Stayfull.Domain.Tests.Pricing.PricingScenario;

namespace Stayfull.Domain.Tests.Pricing;

public sealed class PricingFactorTests
{
    [Fact]
    public void A_date_with_every_factor_at_rest_is_priced_at_base()
    {
        var recommendation = Recommend(Neutral());

        Assert.Equal(100_00, recommendation.RecommendedMinor);
        Assert.Empty(recommendation.Contributions);
    }

    [Theory]
    [InlineData(130_00, 1)]
    [InlineData(80_00, -1)]
    public void Competitors_pull_the_rate_toward_their_median(long median, int direction)
    {
        var recommendation = Recommend(Neutral() with { Market = new MarketRates(median, 5_00, 8) });

        Assert.Equal(direction, Math.Sign(recommendation.RecommendedMinor - 100_00));
        Assert.InRange(Math.Abs(recommendation.RecommendedMinor - 100_00), 1, Math.Abs(median - 100_00) - 1);
        Assert.Equal(PricingFactor.Competitors, Assert.Single(recommendation.Contributions).Factor);
    }

    [Fact]
    public void A_wide_market_moves_the_rate_less_than_a_tight_one()
    {
        var tight = Recommend(Neutral() with { Market = new MarketRates(130_00, 2_00, 8) });
        var wide = Recommend(Neutral() with { Market = new MarketRates(130_00, 60_00, 8) });

        Assert.True(wide.RecommendedMinor < tight.RecommendedMinor, $"{wide.RecommendedMinor} < {tight.RecommendedMinor}");
    }

    [Theory]
    [InlineData(0.82, 0.64, 1)]
    [InlineData(0.30, 0.64, -1)]
    public void Occupancy_ahead_of_pace_raises_and_behind_pace_lowers(double onBooks, double pace, int direction)
    {
        var recommendation = Recommend(Neutral() with { OccupancyOnBooks = (decimal)onBooks, PaceOccupancy = (decimal)pace });

        Assert.Equal(direction, Math.Sign(recommendation.RecommendedMinor - 100_00));
        Assert.Contains("pace", recommendation.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Strong_pickup_raises_the_rate_and_none_lowers_it()
    {
        Assert.True(Recommend(Neutral() with { PickupLast7Days = 6 }).RecommendedMinor > 100_00);
        Assert.True(Recommend(Neutral() with { PickupLast7Days = 0 }).RecommendedMinor < 100_00);
    }

    [Theory]
    [InlineData(0.95, 1)]
    [InlineData(0.40, -1)]
    public void A_full_date_last_year_raises_and_an_empty_one_lowers(double lastYear, int direction)
    {
        var recommendation = Recommend(Neutral() with { LastYearOccupancy = (decimal)lastYear });

        Assert.Equal(direction, Math.Sign(recommendation.RecommendedMinor - 100_00));
    }

    [Fact]
    public void Saturday_sells_higher_and_Sunday_lower_than_midweek()
    {
        var saturday = Recommend(Neutral() with { Date = Wednesday.AddDays(3) });
        var sunday = Recommend(Neutral() with { Date = Wednesday.AddDays(4) });

        Assert.True(saturday.RecommendedMinor > 100_00);
        Assert.True(sunday.RecommendedMinor < 100_00);
        Assert.Contains("Saturday +4 %", saturday.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void An_emptier_date_close_to_arrival_is_discounted_deeper()
    {
        var halfFull = Recommend(Neutral() with { Today = Wednesday.AddDays(-2) });
        var empty = Recommend(Neutral() with { Today = Wednesday.AddDays(-2), OccupancyOnBooks = 0, PaceOccupancy = 0 });

        Assert.True(halfFull.RecommendedMinor < 100_00);
        Assert.True(empty.RecommendedMinor < halfFull.RecommendedMinor);
    }

    [Fact]
    public void A_date_far_out_carries_a_premium()
    {
        Assert.True(Recommend(Neutral() with { Today = Wednesday.AddDays(-200) }).RecommendedMinor > 100_00);
    }

    [Fact]
    public void A_local_event_raises_the_rate_by_its_expected_uplift()
    {
        var recommendation = Recommend(Neutral() with { Events = [new LocalEvent("Web Summit", Wednesday.AddDays(-1), Wednesday.AddDays(1), 0.25m), new LocalEvent("Later fair", Wednesday.AddDays(5), Wednesday.AddDays(6), 0.3m)] });

        Assert.Equal(125_00, recommendation.RecommendedMinor);
        Assert.Contains("Web Summit +25 %", recommendation.Explanation, StringComparison.Ordinal);
        Assert.DoesNotContain("Later fair", recommendation.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void A_factor_weighted_zero_does_not_move_the_rate()
    {
        var input = Neutral() with { Market = new MarketRates(150_00, 1_00, 8) };

        var recommendation = PricingEngine.Recommend(input, PricingWeights.Default with { Competitors = 0 }, Wide);

        Assert.Equal(100_00, recommendation.RecommendedMinor);
    }

    [Fact]
    public void The_explanation_names_each_factor_with_its_share_and_the_guardrail_that_held_the_rate()
    {
        var input = Neutral() with
        {
            Date = Wednesday.AddDays(3),
            Market = new MarketRates(118_00, 0, 6),
            OccupancyOnBooks = 0.82m,
            PaceOccupancy = 0.64m,
        };

        var recommendation = Recommend(input, new RateGuardrails(80_00, 112_00, 0.2m));

        Assert.Equal(112_00, recommendation.RecommendedMinor);
        Assert.Equal(GuardrailBound.Ceiling, recommendation.BoundBy);
        Assert.Equal("competitors +9 %, occupancy 82 % vs 64 % pace +6 %, Saturday +4 %, capped by the ceiling", recommendation.Explanation);
    }
}
