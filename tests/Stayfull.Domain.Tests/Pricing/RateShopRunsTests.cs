using Stayfull.Domain.Pricing;

namespace Stayfull.Domain.Tests.Pricing;

public sealed class RateShopRunsTests
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly Guid HotelId = Guid.Parse("6c1f2a8e-3b9d-4f57-8e21-0d4b5a6c7e8f");

    private static bool Due(DateTimeOffset now, params RateShopRun[] history) =>
        RateShopRuns.IsDue(HotelId, now, now, d => DateOnly.FromDateTime(d.UtcDateTime), history);

    private static DateTimeOffset AfterSlot(int day = 24) => new DateTimeOffset(2026, 11, day, 0, 0, 0, TimeSpan.Zero) + RateShopRuns.SlotOf(HotelId) + TimeSpan.FromMinutes(5);

    [Fact]
    public void EachHotelHasAnEarlyMorningSlotAndIsNotDueBeforeIt()
    {
        var slot = RateShopRuns.SlotOf(HotelId);

        Assert.InRange(slot, TimeSpan.FromHours(1), TimeSpan.FromHours(6));
        Assert.False(Due(AfterSlot() - TimeSpan.FromMinutes(10)));
        Assert.True(Due(AfterSlot()));
    }

    [Fact]
    public void ADayWithASuccessfulShopIsDoneUntilTomorrow()
    {
        var now = AfterSlot();
        var shopped = new RateShopRun(now.AddMinutes(-1), true, new RateShopResult(1, 0, 0, 0), null, false);

        Assert.False(Due(now.AddHours(5), shopped));
        Assert.True(Due(AfterSlot(25), shopped));
    }

    [Fact]
    public void TransientFailuresAreRetriedAfterAGrowingWait()
    {
        var first = AfterSlot();
        var failed = new RateShopRun(first, false, null, "down", true);

        Assert.False(Due(first.AddMinutes(10), failed));
        Assert.True(Due(first.AddMinutes(15), failed));
        var again = new RateShopRun(first.AddMinutes(15), false, null, "down", true);
        Assert.False(Due(first.AddMinutes(40), again, failed));
        Assert.True(Due(first.AddMinutes(45), again, failed));
    }

    [Fact]
    public void ARefusalWaitsForTheNextDay()
    {
        var refused = new RateShopRun(AfterSlot(), false, null, "bad key", false);

        Assert.False(Due(AfterSlot().AddHours(8), refused));
        Assert.True(Due(AfterSlot(25), refused));
    }

    [Fact]
    public async Task ShopNowStoresTheShopAndRemembersItAsTheLastRun()
    {
        var shopper = new ScriptedRateShopper();
        await using var hotel = await CompetitorSetHotel.CreateAsync(shopper);
        await CompetitorSetHotel.AddAsync(hotel, "Hotel Across", "across");
        shopper.Rates = [new("across", hotel.Today.AddDays(1), "Double", 100_00, "EUR", hotel.Time.GetUtcNow())];

        var run = await hotel.Get<RateShopRuns>().ShopNowAsync(None);
        await hotel.Get<CompetitorRateImport>().ImportAsync(System.Text.Encoding.UTF8.GetBytes($"hotel,date,room category,price,currency\nacross,{hotel.Today.AddDays(2):yyyy-MM-dd},Double,90,EUR\n"), None);
        var recent = await hotel.Get<RateShopRuns>().RecentAsync(5, None);

        Assert.True(run.Succeeded);
        Assert.Equal(new RateShopResult(1, 0, 0, 0), Assert.Single(recent).Result); // the import is not a shop
    }

    [Fact]
    public async Task AFailedShopIsRememberedAndTheNextPassWaitsBeforeTryingAgain()
    {
        var shopper = new ScriptedRateShopper { Failure = new RateShopException("The provider is down.", isTransient: true) };
        await using var hotel = await CompetitorSetHotel.CreateAsync(shopper);
        await CompetitorSetHotel.AddAsync(hotel, "Hotel Across", "across");
        hotel.Time.SetUtcNow(new DateTimeOffset(2026, 11, 25, 6, 30, 0, TimeSpan.Zero)); // after every hotel's slot (Lisbon is on UTC in winter)

        var first = await hotel.Get<RateShopRuns>().ShopIfDueAsync(None);
        var tooSoon = await hotel.Get<RateShopRuns>().ShopIfDueAsync(None);
        hotel.Time.Advance(TimeSpan.FromMinutes(16));
        shopper.Failure = null;
        var retried = await hotel.Get<RateShopRuns>().ShopIfDueAsync(None);
        var done = await hotel.Get<RateShopRuns>().ShopIfDueAsync(None);

        Assert.Equal((false, true), (first!.Succeeded, first.IsTransient));
        Assert.Null(tooSoon);
        Assert.True(retried!.Succeeded);
        Assert.Null(done);
        Assert.Equal(2, shopper.Calls);
    }
}
