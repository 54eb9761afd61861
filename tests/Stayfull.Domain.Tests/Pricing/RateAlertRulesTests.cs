using System.Globalization;
using Stayfull.Domain.Pricing;

namespace Stayfull.Domain.Tests.Pricing;

public sealed class RateAlertRulesTests
{
    private static readonly DateOnly Date = new(2026, 12, 12);

    /// <summary>20 rooms, 10 left, on pace, at 120.00 with a base of 100.00, no competitor, no event: no rule holds.</summary>
    private static RateAlertFacts Quiet() => new(Guid.NewGuid(), "Double", Date, 120_00, 100_00, 20, 10, 0.5m, 0.5m, null, null, []);

    private static List<RateAlertKind> Kinds(RateAlertFacts facts) =>
        [.. RateAlertRules.Evaluate(facts, undercutThreshold: 0.1m, paceThreshold: 0.15m, m => (m / 100m).ToString("F2", CultureInfo.InvariantCulture)).Select(a => a.Kind)];

    [Fact]
    public void A_quiet_date_raises_nothing() => Assert.Empty(Kinds(Quiet()));

    [Theory]
    [InlineData(100_00, 10, true)]   // 16.7 % under us, rooms left
    [InlineData(110_00, 10, false)]  // 8.3 % under: within the threshold
    [InlineData(100_00, 0, false)]   // sold out: nothing to sell against them
    public void A_competitor_well_under_us_alerts_only_while_we_have_rooms(long lowest, int roomsLeft, bool alerts)
    {
        var facts = Quiet() with { LowestCompetitorMinor = lowest, LowestCompetitorName = "Hotel Across", RoomsLeft = roomsLeft };

        Assert.Equal(alerts, Kinds(facts).Contains(RateAlertKind.CompetitorUndercut));
    }

    [Fact]
    public void The_undercut_message_names_the_competitor_their_price_and_ours()
    {
        var message = RateAlertRules.Evaluate(Quiet() with { LowestCompetitorMinor = 90_00, LowestCompetitorName = "Hotel Across" }, 0.1m, 0.15m, m => (m / 100m).ToString("F2", CultureInfo.InvariantCulture)).Single().Message;

        Assert.Contains("Hotel Across", message, StringComparison.Ordinal);
        Assert.Contains("90.00", message, StringComparison.Ordinal);
        Assert.Contains("120.00", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.2, 0.5, RateAlertKind.PaceBehind)]
    [InlineData(0.8, 0.5, RateAlertKind.PaceAhead)]
    public void Occupancy_far_off_pace_alerts_in_its_direction(double onBooks, double pace, RateAlertKind kind)
    {
        Assert.Equal([kind], Kinds(Quiet() with { OccupancyOnBooks = (decimal)onBooks, PaceOccupancy = (decimal)pace }));
    }

    [Fact]
    public void A_pace_gap_of_less_than_two_rooms_is_not_an_alert_however_large_in_points()
    {
        var suites = Quiet() with { Capacity = 2, RoomsLeft = 1, OccupancyOnBooks = 0.5m, PaceOccupancy = 0.05m };

        Assert.Empty(Kinds(suites));
        Assert.Equal([RateAlertKind.PaceAhead], Kinds(suites with { Capacity = 20, RoomsLeft = 10 }));
    }

    [Fact]
    public void A_date_behind_pace_but_sold_out_is_not_an_alert()
    {
        Assert.Empty(Kinds(Quiet() with { OccupancyOnBooks = 0.2m, PaceOccupancy = 0.5m, RoomsLeft = 0 }));
    }

    [Theory]
    [InlineData(100_00, true)]
    [InlineData(95_00, true)]
    [InlineData(101_00, false)]
    public void An_event_date_still_at_or_under_base_alerts(long rate, bool alerts)
    {
        var facts = Quiet() with { CurrentRateMinor = rate, Events = ["Marathon"] };

        Assert.Equal(alerts, Kinds(facts).Contains(RateAlertKind.EventAtBase));
    }
}
