using System.Globalization;
using Bunit;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stayfull.Domain.Pricing;
using Stayfull.Domain.Sessions;
using Stayfull.Web.Components.Pages.Settings.Competitors;

namespace Stayfull.Web.Tests.Components.Settings;

public sealed class CompetitorSetPageTests : BackOfficeTestContext
{
    private readonly FixedShopper _shopper = new();

    private void UseCompetitorServices()
    {
        var sessions = Hotel.Get<HotelSessions>();
        var store = new RateShopService(sessions, _shopper);
        Context.Services.AddSingleton(new CompetitorSetService(sessions));
        Context.Services.AddSingleton(new CompetitorRateImport(sessions, store));
        Context.Services.AddSingleton(new RateShopRuns(sessions, store));
    }

    private async Task AddCompetitorAsync(string name, string externalId)
    {
        await using var db = Hotel.Db();
        db.Competitors.Add(new Competitor(Hotel.HotelId, name, externalId));
        await db.SaveChangesAsync();
    }

    private string Day(int ahead) => Hotel.Today.AddDays(ahead).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task AnUploadWithBadRowsListsEachRowsProblemAndStoresNothing()
    {
        await AddCompetitorAsync("Hotel Across", "across");
        UseCompetitorServices();
        var page = RenderPage<CompetitorSetPage>();
        page.WaitForAssertion(() => page.Find("[data-testid=competitor-across]"));

        var csv = $"hotel,date,room category,price,currency\nHotel Across,{Day(3)},Double,120,EUR\nNowhere Inn,{Day(3)},Double,120,EUR\nHotel Across,{Day(4)},Double,free,EUR\n";
        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(csv, "rates.csv"));

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=import-error]").Count));
        var errors = page.FindAll("[data-testid=import-error]").Select(r => r.TextContent).ToList();
        Assert.Contains("Nowhere Inn", errors[0], StringComparison.Ordinal);
        Assert.StartsWith("3", errors[0].Trim(), StringComparison.Ordinal);
        Assert.Contains("\"free\" is not a price", errors[1], StringComparison.Ordinal);
        Assert.Contains("Nothing was imported", page.Find("[data-testid=import-refused]").TextContent, StringComparison.Ordinal);
        await using var db = Hotel.Db();
        Assert.Empty(await db.CompetitorRates.ToListAsync());
    }

    [Fact]
    public async Task AGoodUploadShowsWhatWasStoredAndItsCategories()
    {
        await AddCompetitorAsync("Hotel Across", "across");
        UseCompetitorServices();
        var page = RenderPage<CompetitorSetPage>();
        page.WaitForAssertion(() => page.Find("[data-testid=competitor-across]"));

        var csv = $"Hotel,Date,Room Category,Price,Currency\r\nacross,{Day(3)},Double,120,EUR\r\nacross,{Day(4)},Double,125.50,EUR\r\n";
        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(csv, "rates.csv"));

        page.WaitForAssertion(() => Assert.Contains("2 rows imported: 2 new prices", page.Find("[data-testid=import-stored]").TextContent, StringComparison.Ordinal));
        page.WaitForAssertion(() => page.Find("[data-testid=category-across-Double]"));
        await using var db = Hotel.Db();
        Assert.Equal(2, await db.CompetitorRates.CountAsync());
    }

    [Fact]
    public async Task ShopNowShopsTheSetAndShowsTheResult()
    {
        await AddCompetitorAsync("Hotel Across", "across");
        _shopper.Rates = [new("across", Hotel.Today.AddDays(2), "Standard Double", 110_00, "EUR", Hotel.Time.GetUtcNow())];
        UseCompetitorServices();
        var page = RenderPage<CompetitorSetPage>();
        page.WaitForAssertion(() => Assert.Equal("Not shopped yet", page.Find("[data-testid=last-shop]").TextContent.Trim()));

        page.Find("[data-testid=shop-now]").Click();

        page.WaitForAssertion(() => Assert.Contains("1 new, 0 moved", page.Find("[data-testid=last-shop]").TextContent, StringComparison.Ordinal));
        page.WaitForAssertion(() => page.Find("[data-testid=category-across-Standard-Double]"));
        Assert.Equal(1, _shopper.Calls);
    }

    [Fact]
    public async Task AFailedShopSaysWhy()
    {
        await AddCompetitorAsync("Hotel Across", "across");
        _shopper.Failure = new RateShopException("The rate provider refused the API key (HTTP 401).", isTransient: false);
        UseCompetitorServices();
        var page = RenderPage<CompetitorSetPage>();
        page.WaitForAssertion(() => page.Find("[data-testid=shop-now]"));

        page.Find("[data-testid=shop-now]").Click();

        page.WaitForAssertion(() => Assert.Contains("failed: The rate provider refused the API key", page.Find("[data-testid=last-shop]").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ASmallSetWarnsAndACompetitorCanBeAdded()
    {
        UseCompetitorServices();
        var page = RenderPage<CompetitorSetPage>();
        page.WaitForAssertion(() => Assert.Contains("0 of at least 5", page.Find("[data-testid=set-warning]").TextContent, StringComparison.Ordinal));

        InputLabelled<string>(page, "Hotel name").Change("Hotel Across");
        InputLabelled<string>(page, "Provider id").Change("across");
        page.Find("[data-testid=add-competitor]").Click();

        page.WaitForAssertion(() => page.Find("[data-testid=competitor-across]"));
        Assert.Contains("1 of at least 5", page.Find("[data-testid=set-warning]").TextContent, StringComparison.Ordinal);
        await using var db = Hotel.Db();
        Assert.Equal("Hotel Across", (await db.Competitors.SingleAsync()).Name);
    }

    private sealed class FixedShopper : IRateShopper
    {
        public IReadOnlyList<ShoppedRate> Rates { get; set; } = [];

        public RateShopException? Failure { get; set; }

        public int Calls { get; private set; }

        public RateSource Source(Guid hotelId) => RateSource.Provider;

        public Task<IReadOnlyList<ShoppedRate>> ShopAsync(Guid hotelId, IReadOnlyList<ShoppedHotel> competitors, DateOnly firstNight, DateOnly lastNight, CancellationToken cancellationToken)
        {
            Calls++;
            return Failure is { } failure ? Task.FromException<IReadOnlyList<ShoppedRate>>(failure) : Task.FromResult(Rates);
        }
    }
}
