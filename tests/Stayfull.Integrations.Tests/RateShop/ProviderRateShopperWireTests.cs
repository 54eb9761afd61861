using Microsoft.Extensions.DependencyInjection;
using Stayfull.Domain.Integrations;
using Stayfull.Domain.Pricing;
using Stayfull.Integrations.RateShop;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Stayfull.Integrations.Tests.RateShop;

public sealed class ProviderRateShopperWireTests
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly ShoppedHotel[] TwoHotels = [new("hotel-a", "Hotel A"), new("hotel-b", "Hotel B")];

    private static async Task<RateShopHarness> ConnectedAsync(int chunkDays = 31, int hotelsPerRequest = 10)
    {
        var harness = await RateShopHarness.CreateAsync(chunkDays, hotelsPerRequest);
        await harness.ConnectAsync();
        return harness;
    }

    private static IResponseBuilder Json(string body, int status = 200) =>
        Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBody(body);

    private static string Query(WireMock.Logging.ILogEntry entry) => (entry.RequestMessage.RawQuery ?? "").TrimStart('?');

    [Fact]
    public async Task ShopAsksWithTheBearerKeyAndExactQueryFollowsTheCursorAndConvertsPricesByCurrencyExponent()
    {
        await using var harness = await ConnectedAsync();
        var from = harness.Hotel.Today;
        var to = from.AddDays(9);
        var d1 = from.AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var d2 = from.AddDays(2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        harness.Server.Given(Request.Create().WithPath("/v1/rates").UsingGet().WithParam("cursor", "page-2"))
            .AtPriority(1)
            .RespondWith(Json($$"""
                {"items":[
                  {"hotel_id":"hotel-b","date":"{{d1}}","room_category":"Twin","price":"15000","currency":"JPY","source":"agoda","fetched_at":"2026-11-24T06:00:00Z"},
                  {"hotel_id":"hotel-b","date":"{{d2}}","room_category":"Suite","price":"45.125","currency":"KWD","source":"agoda","fetched_at":"2026-11-24T06:00:00Z"}
                ],"next_cursor":null}
                """));
        harness.Server.Given(Request.Create().WithPath("/v1/rates").UsingGet())
            .AtPriority(10)
            .RespondWith(Json($$"""
                {"items":[
                  {"hotel_id":"hotel-a","date":"{{d1}}","room_category":"Standard Double","price":129.5,"currency":"EUR","source":"booking.com","fetched_at":"2026-11-24T05:12:00Z"},
                  {"hotel_id":"hotel-a","date":"{{d2}}","room_category":"Standard Double","price":"99.99","currency":"eur","source":"booking.com","fetched_at":"2026-11-24T05:12:00Z"},
                  {"hotel_id":"hotel-a","date":"{{d2}}","room_category":"Suite","price":null,"currency":"EUR","source":"booking.com","fetched_at":"2026-11-24T05:12:00Z"},
                  {"hotel_id":"hotel-a","date":"{{d2}}","room_category":"Twin","price":"12,50","currency":"EUR","source":"booking.com","fetched_at":"2026-11-24T05:12:00Z"},
                  {"hotel_id":"stranger","date":"{{d1}}","room_category":"Double","price":"80","currency":"EUR","source":"booking.com","fetched_at":"2026-11-24T05:12:00Z"}
                ],"next_cursor":"page-2"}
                """));

        var rates = await harness.Shopper.ShopAsync(harness.HotelId, TwoHotels, from, to, None);

        var entries = harness.Server.LogEntries.OrderBy(e => e.RequestMessage.DateTime).ToList();
        Assert.Equal(2, entries.Count);
        Assert.All(entries, e =>
        {
            Assert.Equal("GET", e.RequestMessage.Method);
            Assert.Equal("/v1/rates", e.RequestMessage.Path);
            Assert.Equal($"Bearer {RateShopHarness.ApiKey}", e.RequestMessage.Headers!["Authorization"].Single());
        });
        var range = $"hotel_ids=hotel-a,hotel-b&from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}&limit=500";
        Assert.Equal(range, Query(entries[0]));
        Assert.Equal(range + "&cursor=page-2", Query(entries[1]));

        Assert.Equal(
            [("hotel-a", "Standard Double", 12950L, "EUR"), ("hotel-a", "Standard Double", 9999L, "EUR"), ("hotel-b", "Twin", 15000L, "JPY"), ("hotel-b", "Suite", 45125L, "KWD")],
            rates.Select(r => (r.CompetitorExternalId, r.Category, r.PriceMinor, r.Currency)));
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 5, 12, 0, TimeSpan.Zero), rates[0].FetchedAt);
        Assert.Equal(RateSource.Provider, harness.Shopper.Source(harness.HotelId));

        var log = await harness.LogAsync();
        Assert.Equal(2, log.Count);
        Assert.All(log, l => Assert.True(l.Succeeded && !l.IsDemo && l.Operation == "GET /v1/rates" && l.HttpStatus == 200));
        Assert.Contains("2 unreadable skipped", log[0].Summary, StringComparison.Ordinal);
        Assert.DoesNotContain(log, l => l.Summary.Contains(RateShopHarness.ApiKey, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ALongRangeIsAskedInChunksOfDaysAndGroupsOfHotels()
    {
        await using var harness = await ConnectedAsync(chunkDays: 10, hotelsPerRequest: 1);
        harness.Server.Given(Request.Create().WithPath("/v1/rates").UsingGet()).RespondWith(Json("""{"items":[],"next_cursor":null}"""));
        var from = harness.Hotel.Today;

        await harness.Shopper.ShopAsync(harness.HotelId, TwoHotels, from, from.AddDays(24), None);

        var queries = harness.Server.LogEntries.Select(Query).Order(StringComparer.Ordinal).ToList();
        string Q(string hotel, int first, int last) => $"hotel_ids={hotel}&from={from.AddDays(first):yyyy-MM-dd}&to={from.AddDays(last):yyyy-MM-dd}&limit=500";
        Assert.Equal(new[] { Q("hotel-a", 0, 9), Q("hotel-a", 10, 19), Q("hotel-a", 20, 24), Q("hotel-b", 0, 9), Q("hotel-b", 10, 19), Q("hotel-b", 20, 24) }.Order(StringComparer.Ordinal), queries);
    }

    [Fact]
    public async Task TooManyRequestsWaitsForRetryAfterThenSucceeds()
    {
        await using var harness = await ConnectedAsync();
        var date = harness.Hotel.Today.AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        harness.Server.Given(Request.Create().WithPath("/v1/rates").UsingGet())
            .InScenario("limited").WillSetStateTo("open")
            .RespondWith(Json("""{"error":{"message":"slow down"}}""", 429).WithHeader("Retry-After", "1"));
        harness.Server.Given(Request.Create().WithPath("/v1/rates").UsingGet())
            .InScenario("limited").WhenStateIs("open")
            .RespondWith(Json($$"""{"items":[{"hotel_id":"hotel-a","date":"{{date}}","room_category":"Double","price":"110","currency":"EUR","source":"x","fetched_at":"2026-11-24T05:00:00Z"}]}"""));

        var rates = await harness.Shopper.ShopAsync(harness.HotelId, TwoHotels, harness.Hotel.Today, harness.Hotel.Today.AddDays(3), None);

        Assert.Equal(11000, Assert.Single(rates).PriceMinor);
        Assert.Equal(2, harness.Server.LogEntries.Count);
        var log = await harness.LogAsync();
        Assert.Equal([(false, 429), (true, 200)], log.Select(l => (l.Succeeded, l.HttpStatus ?? 0)));
        Assert.Contains("slow down", log[0].Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnauthorizedKeyIsARefusalThatIsNotRetried()
    {
        await using var harness = await ConnectedAsync();
        harness.Server.Given(Request.Create().WithPath("/v1/rates").UsingGet()).RespondWith(Json("""{"error":{"message":"invalid api key"}}""", 401));

        var refusal = await Assert.ThrowsAsync<RateShopException>(() => harness.Shopper.ShopAsync(harness.HotelId, TwoHotels, harness.Hotel.Today, harness.Hotel.Today.AddDays(3), None));

        Assert.False(refusal.IsTransient);
        Assert.Contains("refused the API key", refusal.Message, StringComparison.Ordinal);
        Assert.Single(harness.Server.LogEntries);
        var entry = Assert.Single(await harness.LogAsync());
        Assert.Equal((false, 401), (entry.Succeeded, entry.HttpStatus ?? 0));
        Assert.DoesNotContain(RateShopHarness.ApiKey, entry.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ServerErrorsAreRetriedWithBackoffThenReportedAsTransient()
    {
        await using var harness = await ConnectedAsync();
        harness.Server.Given(Request.Create().WithPath("/v1/rates").UsingGet()).RespondWith(Json("""{"message":"maintenance"}""", 503));

        var failure = await Assert.ThrowsAsync<RateShopException>(() => harness.Shopper.ShopAsync(harness.HotelId, TwoHotels, harness.Hotel.Today, harness.Hotel.Today, None));

        Assert.True(failure.IsTransient);
        Assert.Equal(new RateShopOptions().MaxAttempts, harness.Server.LogEntries.Count);
    }

    [Fact]
    public async Task AProviderThatDoesNotAnswerInTimeIsATransientFailure()
    {
        await using var harness = await RateShopHarness.CreateAsync(timeout: TimeSpan.FromMilliseconds(200));
        await harness.ConnectAsync();
        harness.Server.Given(Request.Create().WithPath("/v1/rates").UsingGet())
            .RespondWith(Json("""{"items":[]}""").WithDelay(TimeSpan.FromSeconds(5)));

        var failure = await Assert.ThrowsAsync<RateShopException>(() => harness.Shopper.ShopAsync(harness.HotelId, TwoHotels, harness.Hotel.Today, harness.Hotel.Today, None));

        Assert.True(failure.IsTransient);
        Assert.Contains("did not answer in time", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AHotelWithoutCredentialsGetsTheDemoMarketAndNoRequestLeaves()
    {
        await using var harness = await RateShopHarness.CreateAsync();

        var rates = await harness.Shopper.ShopAsync(harness.HotelId, [new("demo-miradouro", "Hotel Miradouro")], harness.Hotel.Today, harness.Hotel.Today.AddDays(6), None);

        Assert.Equal(4 * 7, rates.Count);
        Assert.All(rates, r => Assert.Equal("EUR", r.Currency));
        Assert.Empty(harness.Server.LogEntries);
        Assert.Equal(RateSource.Demo, harness.Shopper.Source(harness.HotelId));
        Assert.True(Assert.Single(await harness.LogAsync()).IsDemo);
    }

    [Fact]
    public async Task TheConnectionTestAsksOneDayAndReportsARefusedKey()
    {
        await using var harness = await ConnectedAsync();
        var tester = harness.Services.GetServices<IConnectionTester>().Single(t => t.Vendor == IntegrationVendor.RateShop);
        harness.Server.Given(Request.Create().WithPath("/v1/rates").UsingGet()).RespondWith(Json("""{"error":"bad key"}""", 403));

        var result = await tester.TestAsync(harness.HotelId, None);

        Assert.False(result.Succeeded);
        Assert.Contains("HTTP 403", result.Message, StringComparison.Ordinal);
        Assert.StartsWith("hotel_ids=connection-test&from=", Query(Assert.Single(harness.Server.LogEntries)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFailedShopIsRememberedAsTheLastRunWithItsReason()
    {
        await using var harness = await ConnectedAsync();
        harness.Server.Given(Request.Create().WithPath("/v1/rates").UsingGet()).RespondWith(Json("""{"error":{"message":"invalid api key"}}""", 401));
        await using (var db = harness.Hotel.Db())
        {
            db.Competitors.Add(new Competitor(harness.HotelId, "Hotel A", "hotel-a"));
            await db.SaveChangesAsync();
        }

        var run = await harness.Get<RateShopRuns>().ShopNowAsync(None);
        var last = Assert.Single(await harness.Get<RateShopRuns>().RecentAsync(5, None));

        Assert.False(run.Succeeded);
        Assert.False(last.Succeeded);
        Assert.False(last.IsTransient);
        Assert.Contains("refused the API key", last.Problem, StringComparison.Ordinal);
    }
}
