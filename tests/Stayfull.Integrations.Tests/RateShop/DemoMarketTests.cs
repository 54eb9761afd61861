using Microsoft.EntityFrameworkCore;
using Stayfull.Domain.Demo;
using Stayfull.Domain.Pricing;
using Stayfull.Integrations.RateShop;

namespace Stayfull.Integrations.Tests.RateShop;

public sealed class DemoMarketTests
{
    private static readonly Guid Hotel = Guid.Parse("0b9c3e4e-5d35-4c8e-9a53-2f0e3b6f1d11");
    private static readonly DateOnly ShopDay = new(2026, 11, 24);

    private static decimal MarketAverage(Guid hotelId, DateOnly date, DateOnly shopDay) =>
        DemoMarket.Competitors.Average(c => DemoMarket.Price(hotelId, c, c.Categories[0].Category, c.Categories[0].Factor, 110m, date, shopDay));

    private static IEnumerable<DateOnly> Year(DateOnly from) => Enumerable.Range(0, 365).Select(from.AddDays);

    [Fact]
    public void TheMarketHasEightCompetitorsWithDistinctIdsAndCategories()
    {
        Assert.Equal(8, DemoMarket.Competitors.Count);
        Assert.Equal(8, DemoMarket.Competitors.Select(c => c.ExternalId).Distinct().Count());
        Assert.All(DemoMarket.Competitors, c => Assert.InRange(c.Categories.Count, 2, 4));
    }

    [Fact]
    public void PricesAreTheSameOnARerunOfTheSameDay()
    {
        var first = Year(ShopDay).Select(d => MarketAverage(Hotel, d, ShopDay)).ToList();
        var again = Year(ShopDay).Select(d => MarketAverage(Hotel, d, ShopDay)).ToList();

        Assert.Equal(first, again);
    }

    [Fact]
    public void PricesDriftALittleFromOneDayToTheNextButMostStayPut()
    {
        var miradouro = DemoMarket.Competitors[0];
        var dates = Year(ShopDay.AddDays(30)).ToList();
        var today = dates.Select(d => DemoMarket.Price(Hotel, miradouro, "Double Room", 1m, 110m, d, ShopDay)).ToList();
        var tomorrow = dates.Select(d => DemoMarket.Price(Hotel, miradouro, "Double Room", 1m, 110m, d, ShopDay.AddDays(1))).ToList();
        var weekLater = dates.Select(d => DemoMarket.Price(Hotel, miradouro, "Double Room", 1m, 110m, d, ShopDay.AddDays(7))).ToList();

        var movedOverWeek = today.Zip(weekLater).Count(p => p.First != p.Second);
        Assert.InRange(movedOverWeek, dates.Count / 3, dates.Count);
        Assert.All(today.Zip(tomorrow), p => Assert.InRange(Math.Abs(p.First - p.Second) / p.First, 0m, 0.05m));
    }

    [Fact]
    public void WeekendsAreDearerThanMidweekOnAverage()
    {
        var dates = Year(ShopDay).Where(d => !DemoMarket.IsEventDate(Hotel, d)).ToList();
        var weekend = dates.Where(d => d.DayOfWeek is DayOfWeek.Friday or DayOfWeek.Saturday).Average(d => MarketAverage(Hotel, d, ShopDay));
        var midweek = dates.Where(d => d.DayOfWeek is DayOfWeek.Tuesday or DayOfWeek.Wednesday).Average(d => MarketAverage(Hotel, d, ShopDay));

        Assert.True(weekend > midweek * 1.08m, $"weekend {weekend:0.00} vs midweek {midweek:0.00}");
    }

    [Fact]
    public void SummerAndTheDecemberHolidaysAreDearerThanJanuary()
    {
        decimal Month(int year, int month, int fromDay = 1) =>
            Enumerable.Range(fromDay, DateTime.DaysInMonth(year, month) - fromDay + 1).Select(d => new DateOnly(year, month, d))
                .Where(d => !DemoMarket.IsEventDate(Hotel, d)).Average(d => MarketAverage(Hotel, d, ShopDay));

        var january = Month(2027, 1);
        Assert.True(Month(2027, 7) > january * 1.4m);
        Assert.True(Month(2026, 12, 20) > january * 1.4m);
    }

    [Fact]
    public void AFewLocalEventDatesAYearSpikeTheMarket()
    {
        var events = Year(ShopDay).Where(d => DemoMarket.IsEventDate(Hotel, d)).ToList();

        Assert.InRange(events.Count, 2, 20);
        foreach (var date in events)
        {
            // The same weekday a week either side, when that is not an event too.
            var usual = new[] { date.AddDays(-7), date.AddDays(7) }.Where(d => !DemoMarket.IsEventDate(Hotel, d) && d >= ShopDay).ToList();
            if (usual.Count > 0)
            {
                Assert.True(MarketAverage(Hotel, date, ShopDay) > usual.Average(d => MarketAverage(Hotel, d, ShopDay)) * 1.25m, $"no spike on {date}");
            }
        }

        Assert.NotEqual(events, Year(ShopDay).Where(d => DemoMarket.IsEventDate(Guid.NewGuid(), d)).ToList());
    }

    [Fact]
    public async Task TheDemoShopperPricesAroundTheHotelsOwnRatesInItsCurrency()
    {
        await using var harness = await RateShopHarness.CreateAsync();
        var set = DemoMarket.Competitors.Select(c => new ShoppedHotel(c.ExternalId, c.Name)).Append(new ShoppedHotel("someone-else", "Hotel Elsewhere")).ToList();

        var rates = await harness.Get<DemoRateShopper>().ShopAsync(harness.HotelId, set, harness.Hotel.Today, harness.Hotel.Today.AddDays(364), CancellationToken.None);
        var again = await harness.Get<DemoRateShopper>().ShopAsync(harness.HotelId, set, harness.Hotel.Today, harness.Hotel.Today.AddDays(364), CancellationToken.None);

        var categories = DemoMarket.Competitors.Sum(c => c.Categories.Count) + 3;
        Assert.Equal(categories * 365, rates.Count);
        Assert.Equal(rates.Select(r => r.PriceMinor), again.Select(r => r.PriceMinor));
        Assert.All(rates, r => Assert.Equal(harness.Hotel.Hotel.Currency, r.Currency));
        var cheapest = harness.Hotel.RoomTypes.Min(t => t.BaseRateMinor);
        var median = rates.Select(r => r.PriceMinor).Order().ElementAt(rates.Count / 2);
        Assert.InRange(median, cheapest / 2, cheapest * 3);
    }

    [Fact]
    public async Task TheDemoHotelGetsItsEightCompetitorsWithMatchesOnce()
    {
        await using var harness = await RateShopHarness.CreateAsync();
        await using (var db = harness.Hotel.Db())
        {
            var hotel = await db.Hotels.SingleAsync();
            hotel.Update(DemoHotel.Name, hotel.TimeZoneId, hotel.Currency, hotel.CheckInTime, hotel.CheckOutTime, hotel.Address);
            await db.SaveChangesAsync();
        }

        var seeder = harness.Get<IEnumerable<Microsoft.Extensions.Hosting.IHostedService>>().OfType<DemoCompetitorSetSeeder>().Single();
        var first = await seeder.SeedAsync(CancellationToken.None);
        var second = await seeder.SeedAsync(CancellationToken.None);

        Assert.Equal((8, 0), (first, second));
        await using var check = harness.Hotel.Db();
        Assert.Equal(8, await check.Competitors.CountAsync());
        var matched = await check.CompetitorRoomMatches.Select(m => m.Category).ToListAsync();
        Assert.Contains("Double Room", matched);
        Assert.Contains("Standard Double", matched);
        Assert.DoesNotContain(matched, c => c.Contains("Suite", StringComparison.Ordinal)); // our test types are plain rooms
    }
}
