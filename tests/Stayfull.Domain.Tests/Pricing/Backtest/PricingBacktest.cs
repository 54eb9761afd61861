using Stayfull.Domain.Pricing;

namespace Stayfull.Domain.Tests.Pricing.Backtest;

/// <summary>The room revenue of a season sold at one fixed rate, and of the same season repriced every day by the engine.</summary>
internal sealed record BacktestResult(long FixedRevenueMinor, int FixedRoomNights, long DynamicRevenueMinor, int DynamicRoomNights)
{
    public decimal RevenueChange => (DynamicRevenueMinor - FixedRevenueMinor) / (decimal)FixedRevenueMinor;
}

/// <summary>
/// Replays a <see cref="DemandSeason"/> day by day: the fixed strategy sells at the base rate throughout;
/// the dynamic one asks the engine every morning for every night on sale, with what the hotel would know
/// that morning (rooms on the books, the pace the fixed-rate season sets, the last 7 days' pickup, the
/// competitors' median, the event the hotel entered) and sells at the recommendation. Both face the same
/// shoppers with the same willingness to pay.
/// </summary>
internal static class PricingBacktest
{
    public static BacktestResult Run(DemandSeason season, long baseRateMinor, RateGuardrails guardrails, PricingWeights weights)
    {
        var fixedRun = Simulate(season, (_, _, _) => baseRateMinor, pace: null);
        var dynamicRun = Simulate(season, (night, today, state) => Reprice(season, night, today, state, baseRateMinor, guardrails, weights, fixedRun.Pace), fixedRun.Pace);
        return new BacktestResult(fixedRun.Revenue, fixedRun.RoomNights, dynamicRun.Revenue, dynamicRun.RoomNights);
    }

    private static long Reprice(DemandSeason season, DateOnly night, DateOnly today, SeasonState state, long baseRate, RateGuardrails guardrails, PricingWeights weights, Dictionary<int, double>? pace)
    {
        var lead = night.DayNumber - today.DayNumber;
        var market = new MarketRates(state.CompetitorMedian(night), 8_00, 7);
        var input = new PricingInput(
            night,
            today,
            baseRate,
            state.Rates.GetValueOrDefault(night, baseRate),
            market,
            state.Sold.GetValueOrDefault(night) / (decimal)DemandSeason.Capacity,
            (decimal)(pace?.GetValueOrDefault(lead) ?? 0),
            state.PickupLast7Days(night, today),
            DemandSeason.Capacity,
            LastYearOccupancy: null,
            [new LocalEvent("City festival", season.EventFrom, season.EventTo, 0.3m)]);
        return PricingEngine.Recommend(input, weights, guardrails).RecommendedMinor;
    }

    private static (long Revenue, int RoomNights, Dictionary<int, double> Pace) Simulate(DemandSeason season, Func<DateOnly, DateOnly, SeasonState, long> rateFor, Dictionary<int, double>? pace)
    {
        var random = new Random(season.Seed);
        var competitors = new Random(season.Seed + 1);
        var state = new SeasonState(night => season.CompetitorMedian(night, competitors));
        var soldAtLead = new Dictionary<int, double>();
        var lastNight = season.FirstNight.AddDays(season.Nights - 1);
        for (var today = season.FirstNight.AddDays(-DemandSeason.BookingWindowDays); today <= lastNight; today = today.AddDays(1))
        {
            foreach (var night in SeasonState.OnSale(season, today))
            {
                state.Rates[night] = rateFor(night, today, state);
                var lead = night.DayNumber - today.DayNumber;
                soldAtLead[lead] = soldAtLead.GetValueOrDefault(lead) + (state.Sold.GetValueOrDefault(night) / (double)DemandSeason.Capacity / season.Nights);
            }

            foreach (var (night, arriving) in season.ArrivingShoppers(today, random))
            {
                for (var i = 0; i < arriving && state.Sold.GetValueOrDefault(night) < DemandSeason.Capacity; i++)
                {
                    if (season.Books(night, state.Rates[night], random))
                    {
                        state.Sell(night, today, state.Rates[night]);
                    }
                }
            }
        }

        return (state.Revenue, state.Sold.Values.Sum(), pace ?? soldAtLead);
    }

    private sealed class SeasonState(Func<DateOnly, long> competitorMedian)
    {
        private readonly Dictionary<DateOnly, long> _market = [];
        private readonly List<(DateOnly Night, DateOnly BookedOn)> _bookings = [];

        public Dictionary<DateOnly, long> Rates { get; } = [];

        public Dictionary<DateOnly, int> Sold { get; } = [];

        public long Revenue { get; private set; }

        public long CompetitorMedian(DateOnly night)
        {
            if (!_market.TryGetValue(night, out var median))
            {
                _market[night] = median = competitorMedian(night);
            }

            return median;
        }

        public static IEnumerable<DateOnly> OnSale(DemandSeason season, DateOnly today)
        {
            for (var n = 0; n < season.Nights; n++)
            {
                var night = season.FirstNight.AddDays(n);
                var lead = night.DayNumber - today.DayNumber;
                if (lead is >= 0 and < DemandSeason.BookingWindowDays)
                {
                    yield return night;
                }
            }
        }

        public int PickupLast7Days(DateOnly night, DateOnly today) =>
            _bookings.Count(b => b.Night == night && b.BookedOn > today.AddDays(-7));

        public void Sell(DateOnly night, DateOnly today, long rate)
        {
            Sold[night] = Sold.GetValueOrDefault(night) + 1;
            Revenue += rate;
            _bookings.Add((night, today));
        }
    }
}
