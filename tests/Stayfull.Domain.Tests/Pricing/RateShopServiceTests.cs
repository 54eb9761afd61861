using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stayfull.Domain.Pricing;
using Stayfull.Tests.Support;

namespace Stayfull.Domain.Tests.Pricing;

public sealed class RateShopServiceTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Shopping_stores_one_current_price_per_competitor_date_and_category_and_keeps_each_move()
    {
        var shopper = new ScriptedShopper();
        await using var hotel = await TestHotel.CreateAsync(configure: s => s.AddSingleton<IRateShopper>(shopper));
        await AddCompetitorAsync(hotel, "across", "Hotel Across");
        var date = hotel.Today.AddDays(3);
        var at = hotel.Time.GetUtcNow();
        shopper.Rates = [new("across", date, "Double", 120_00, "EUR", at), new("across", date, "Suite", 240_00, "EUR", at), new("stranger", date, "Double", 1_00, "EUR", at)];

        var first = await hotel.Get<RateShopService>().ShopAsync(None);
        shopper.Rates = [new("across", date, "Double", 99_00, "EUR", at.AddHours(1)), new("across", date, "Suite", 240_00, "EUR", at.AddHours(1))];
        var second = await hotel.Get<RateShopService>().ShopAsync(None);

        Assert.Equal(new RateShopResult(2, 0, 0, 1), first);
        Assert.Equal(new RateShopResult(0, 1, 1, 0), second);
        await using var db = hotel.Db();
        Assert.Equal(99_00, (await db.CompetitorRates.SingleAsync(r => r.Category == "Double")).PriceMinor);
        var change = await db.CompetitorRateChanges.SingleAsync();
        Assert.Equal((120_00, 99_00), (change.OldPriceMinor, change.NewPriceMinor));
        Assert.Equal(hotel.Today, shopper.LastFrom);
        Assert.Equal(hotel.Today.AddDays(PricingService.Horizon - 1), shopper.LastTo);
    }

    [Fact]
    public async Task An_older_observation_never_overwrites_a_newer_price()
    {
        var shopper = new ScriptedShopper();
        await using var hotel = await TestHotel.CreateAsync(configure: s => s.AddSingleton<IRateShopper>(shopper));
        await AddCompetitorAsync(hotel, "across", "Hotel Across");
        var date = hotel.Today.AddDays(3);
        var at = hotel.Time.GetUtcNow();

        await hotel.Get<RateShopService>().StoreAsync([new("across", date, "Double", 130_00, "EUR", at)], RateSource.Import, None);
        var stale = await hotel.Get<RateShopService>().StoreAsync([new("across", date, "Double", 90_00, "EUR", at.AddDays(-2))], RateSource.Import, None);

        Assert.Equal(1, stale.Unchanged);
        await using var db = hotel.Db();
        Assert.Equal(130_00, (await db.CompetitorRates.SingleAsync()).PriceMinor);
        Assert.Empty(await db.CompetitorRateChanges.ToListAsync());
    }

    [Fact]
    public async Task A_first_shop_or_one_that_moves_the_market_makes_the_hotel_due_for_a_recompute_and_a_quiet_one_does_not()
    {
        var shopper = new ScriptedShopper();
        await using var hotel = await TestHotel.CreateAsync(configure: s => s.AddSingleton<IRateShopper>(shopper));
        await AddCompetitorAsync(hotel, "across", "Hotel Across");
        var signals = hotel.Get<PricingRecomputeSignals>();
        var at = hotel.Time.GetUtcNow();
        var dates = Enumerable.Range(1, 20).Select(d => hotel.Today.AddDays(d)).ToList();
        await hotel.Get<RateShopService>().StoreAsync([.. dates.Select(d => new ShoppedRate("across", d, "Double", 100_00, "EUR", at))], RateSource.Import, None);
        Assert.True(signals.IsDue(hotel.HotelId)); // the first prices of a set are all news
        signals.TakeDue();

        await hotel.Get<RateShopService>().StoreAsync([.. dates.Select((d, i) => new ShoppedRate("across", d, "Double", i == 0 ? 90_00 : 100_00, "EUR", at.AddHours(1)))], RateSource.Import, None);
        Assert.False(signals.IsDue(hotel.HotelId));

        await hotel.Get<RateShopService>().StoreAsync([.. dates.Select(d => new ShoppedRate("across", d, "Double", 80_00, "EUR", at.AddHours(2)))], RateSource.Import, None);
        Assert.True(signals.IsDue(hotel.HotelId));
    }

    private static async Task AddCompetitorAsync(TestHotel hotel, string externalId, string name)
    {
        await using var db = hotel.Db();
        db.Competitors.Add(new Competitor(hotel.HotelId, name, externalId));
        await db.SaveChangesAsync();
    }

    private sealed class ScriptedShopper : IRateShopper
    {
        public IReadOnlyList<ShoppedRate> Rates { get; set; } = [];

        public DateOnly? LastFrom { get; private set; }

        public DateOnly? LastTo { get; private set; }

        public RateSource Source(Guid hotelId) => RateSource.Provider;

        public Task<IReadOnlyList<ShoppedRate>> ShopAsync(Guid hotelId, IReadOnlyList<ShoppedHotel> competitors, DateOnly firstNight, DateOnly lastNight, CancellationToken cancellationToken)
        {
            (LastFrom, LastTo) = (firstNight, lastNight);
            return Task.FromResult(Rates);
        }
    }
}
