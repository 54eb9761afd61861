using Stayfull.Domain.Channels;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Stayfull.Integrations.Tests.Channex;

public sealed class ChannexAriWireTests
{
    private const string RoomType = "994d1375-dbbd-4072-8724-b2ab32ce781b";
    private const string RatePlan = "bab451e7-9ab1-4cc4-aa16-107bf7bbabb2";
    private const string Success = """{"data":[{"id":"eb31d631-4fcc-478a-80c3-bf7a2acf0699","type":"task"}],"meta":{"message":"Success","warnings":[]}}""";
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly DateOnly December1 = new(2026, 12, 1);

    private static async Task<ChannexHarness> ConnectedAsync(TimeSpan? timeout = null)
    {
        var harness = await ChannexHarness.CreateAsync(timeout);
        await harness.ConnectAsync();
        return harness;
    }

    private static void Answer(ChannexHarness harness, string path, string json, int status = 200, string? retryAfter = null)
    {
        var response = Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBody(json);
        if (retryAfter is not null)
        {
            response = response.WithHeader("Retry-After", retryAfter);
        }

        harness.Server.Given(Request.Create().WithPath("/api/v1/" + path).UsingPost()).RespondWith(response);
    }

    [Fact]
    public async Task AvailabilitySendsOneDayAsDateAndARangeAsDateFromAndDateToForTheHotelsProperty()
    {
        await using var harness = await ConnectedAsync();
        Answer(harness, "availability", """{"meta":{"message":"Success"}}""");

        var result = await harness.Channels.PushAvailabilityAsync(harness.HotelId,
            [new AvailabilityValue(RoomType, December1, December1, 3), new AvailabilityValue(RoomType, December1.AddDays(1), December1.AddDays(9), 0)], None);

        var request = Assert.Single(harness.Requests()).RequestMessage;
        Assert.Equal("POST", request.Method);
        Assert.Equal(ChannexHarness.ApiKey, request.Headers!["user-api-key"].Single());
        Assert.StartsWith("application/json", request.Headers["Content-Type"].Single(), StringComparison.Ordinal);
        Assert.Equal(
            $$"""{"values":[{"property_id":"{{ChannexHarness.PropertyId}}","room_type_id":"{{RoomType}}","date":"2026-12-01","availability":3},{"property_id":"{{ChannexHarness.PropertyId}}","room_type_id":"{{RoomType}}","date_from":"2026-12-02","date_to":"2026-12-10","availability":0}]}""",
            request.Body);
        Assert.Empty(result.TaskIds);
        Assert.Empty(result.Warnings);
        Assert.False(result.IsDemo);
        var log = Assert.Single(await harness.LogAsync());
        Assert.Equal("POST availability", log.Operation);
        Assert.True(log.Succeeded);
        Assert.False(log.IsDemo);
        Assert.DoesNotContain(ChannexHarness.ApiKey, log.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RestrictionsSendRatesAsDecimalStringsInTheCurrencysMinorUnitsAndLeaveOutWhatIsNotSet()
    {
        await using var harness = await ConnectedAsync();
        Answer(harness, "restrictions", Success);

        await harness.Channels.PushRestrictionsAsync(harness.HotelId, "EUR",
        [
            new RestrictionValue(RatePlan, December1, December1, 20000),
            new RestrictionValue(RatePlan, December1.AddDays(1), December1.AddDays(30), 12345, MinStay: 2, ClosedToArrival: true, ClosedToDeparture: false, StopSell: false),
            new RestrictionValue(RatePlan, December1, December1.AddDays(6), null, StopSell: true),
        ], None);
        await harness.Channels.PushRestrictionsAsync(harness.HotelId, "JPY", [new RestrictionValue(RatePlan, December1, December1, 20000)], None);

        var requests = harness.Requests();
        Assert.Equal(
            $$"""{"values":[{"property_id":"{{ChannexHarness.PropertyId}}","rate_plan_id":"{{RatePlan}}","date":"2026-12-01","rate":"200.00"},{"property_id":"{{ChannexHarness.PropertyId}}","rate_plan_id":"{{RatePlan}}","date_from":"2026-12-02","date_to":"2026-12-31","rate":"123.45","min_stay_arrival":2,"closed_to_arrival":true,"closed_to_departure":false,"stop_sell":false},{"property_id":"{{ChannexHarness.PropertyId}}","rate_plan_id":"{{RatePlan}}","date_from":"2026-12-01","date_to":"2026-12-07","stop_sell":true}]}""",
            requests[0].RequestMessage.Body);
        Assert.Equal(
            $$"""{"values":[{"property_id":"{{ChannexHarness.PropertyId}}","rate_plan_id":"{{RatePlan}}","date":"2026-12-01","rate":"20000"}]}""",
            requests[1].RequestMessage.Body);
    }

    [Fact]
    public async Task DroppedItemsInMetaWarningsComeBackAsWarningsWhileTheCallSucceedsAndTaskIdsAreKept()
    {
        await using var harness = await ConnectedAsync();
        Answer(harness, "restrictions", $$"""
            {"data":[{"id":"eb31d631-4fcc-478a-80c3-bf7a2acf0699","type":"task"}],
             "meta":{"message":"Success","warnings":[
               {"availability_offset":null,"closed_to_arrival":null,"closed_to_departure":null,"date":"2020-12-16","date_from":null,"date_to":null,
                "max_stay":null,"min_stay_arrival":null,"property_id":"{{ChannexHarness.PropertyId}}","rate":"0.00","rate_plan_id":"{{RatePlan}}","stop_sell":null,
                "warning":{"rate":["must be greater than 0"],"date":["can't be in the past"] } } ] } }
            """);

        var result = await harness.Channels.PushRestrictionsAsync(harness.HotelId, "EUR",
            [new RestrictionValue(RatePlan, new DateOnly(2020, 12, 16), new DateOnly(2020, 12, 16), 0), new RestrictionValue(RatePlan, December1, December1, 15000)], None);

        Assert.Equal(["eb31d631-4fcc-478a-80c3-bf7a2acf0699"], result.TaskIds);
        var warning = Assert.Single(result.Warnings);
        Assert.Equal($"rate plan {RatePlan} 2020-12-16: rate 0.00", warning.Item);
        Assert.Equal("rate: must be greater than 0; date: can't be in the past", warning.Message);
        var log = Assert.Single(await harness.LogAsync());
        Assert.True(log.Succeeded);
        Assert.Contains("1 dropped", log.Summary, StringComparison.Ordinal);
        Assert.Contains("must be greater than 0", log.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TooManyRequestsIsRateLimitedAndTransientWithAOneMinutePauseWhenChannexNamesNone()
    {
        await using var harness = await ConnectedAsync();
        Answer(harness, "availability", """{"errors":{"code":"http_too_many_requests","title":"Too Many Requests"}}""", 429);

        var ex = await Assert.ThrowsAsync<ChannelManagerException>(() => harness.Channels.PushAvailabilityAsync(harness.HotelId, [new AvailabilityValue(RoomType, December1, December1, 1)], None));

        Assert.True(ex.IsTransient);
        Assert.True(ex.IsRateLimited);
        Assert.Equal(429, ex.StatusCode);
        Assert.Equal(TimeSpan.FromMinutes(1), ex.RetryAfter);
        Assert.Contains("Too Many Requests", ex.Message, StringComparison.Ordinal);
        Assert.Single(harness.Requests());
        var log = Assert.Single(await harness.LogAsync());
        Assert.False(log.Succeeded);
        Assert.Equal(429, log.HttpStatus);
    }

    [Fact]
    public async Task RetryAfterIsHonouredWhenChannexSendsIt()
    {
        await using var harness = await ConnectedAsync();
        Answer(harness, "restrictions", """{"errors":{"code":"http_too_many_requests","title":"Too Many Requests"}}""", 429, retryAfter: "17");

        var ex = await Assert.ThrowsAsync<ChannelManagerException>(() => harness.Channels.PushRestrictionsAsync(harness.HotelId, "EUR", [new RestrictionValue(RatePlan, December1, December1, 100)], None));

        Assert.True(ex.IsRateLimited);
        Assert.Equal(TimeSpan.FromSeconds(17), ex.RetryAfter);
    }

    [Fact]
    public async Task UnauthorizedIsPermanentAndCarriesChannexsTitle()
    {
        await using var harness = await ConnectedAsync();
        Answer(harness, "availability", """{"errors":{"code":"unauthorized","title":"Unauthorized"}}""", 401);

        var ex = await Assert.ThrowsAsync<ChannelManagerException>(() => harness.Channels.PushAvailabilityAsync(harness.HotelId, [new AvailabilityValue(RoomType, December1, December1, 1)], None));

        Assert.False(ex.IsTransient);
        Assert.Equal(401, ex.StatusCode);
        Assert.Null(ex.RetryAfter);
        Assert.Contains("unauthorized: Unauthorized", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(ChannexHarness.ApiKey, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ValidationErrorsArePermanentWithTheirDetails()
    {
        await using var harness = await ConnectedAsync();
        Answer(harness, "availability", """{"errors":{"code":"validation_error","title":"Validation Error","details":{"values":["can't be blank"]}}}""", 422);

        var ex = await Assert.ThrowsAsync<ChannelManagerException>(() => harness.Channels.PushAvailabilityAsync(harness.HotelId, [new AvailabilityValue(RoomType, December1, December1, 1)], None));

        Assert.False(ex.IsTransient);
        Assert.Contains("values: can't be blank", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    public async Task ServerErrorsAreTransient(int status)
    {
        await using var harness = await ConnectedAsync();
        Answer(harness, "availability", "<html>Bad gateway</html>", status);

        var ex = await Assert.ThrowsAsync<ChannelManagerException>(() => harness.Channels.PushAvailabilityAsync(harness.HotelId, [new AvailabilityValue(RoomType, December1, December1, 1)], None));

        Assert.True(ex.IsTransient);
        Assert.False(ex.IsRateLimited);
        Assert.Equal(status, ex.StatusCode);
        Assert.Single(harness.Requests());
    }

    [Fact]
    public async Task ATimeoutIsTransient()
    {
        await using var harness = await ConnectedAsync(timeout: TimeSpan.FromMilliseconds(300));
        harness.Server.Given(Request.Create().WithPath("/api/v1/availability").UsingPost())
            .RespondWith(Response.Create().WithDelay(TimeSpan.FromSeconds(3)).WithBody(Success));

        var ex = await Assert.ThrowsAsync<ChannelManagerException>(() => harness.Channels.PushAvailabilityAsync(harness.HotelId, [new AvailabilityValue(RoomType, December1, December1, 1)], None));

        Assert.True(ex.IsTransient);
        Assert.Null(ex.StatusCode);
        var log = Assert.Single(await harness.LogAsync());
        Assert.Equal("timed out", log.Summary);
    }

    [Fact]
    public async Task NothingToPushMakesNoCall()
    {
        await using var harness = await ConnectedAsync();

        var result = await harness.Channels.PushAvailabilityAsync(harness.HotelId, [], None);

        Assert.Empty(result.TaskIds);
        Assert.Empty(harness.Requests());
    }
}
