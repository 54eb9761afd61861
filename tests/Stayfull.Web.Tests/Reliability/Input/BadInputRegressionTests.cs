using System.Net;
using System.Net.Http.Json;
using System.Text;
using Stayfull.Domain.Tenancy;
using Stayfull.Web.Tests.Http.Harness;

namespace Stayfull.Web.Tests.Reliability.Input;

/// <summary>The inputs the fuzz first found answering 500 (or acting without its token), each pinned by name.</summary>
public sealed class BadInputRegressionTests : IAsyncLifetime
{
    private readonly StayfullApplication _app = new(configureServices: BadInputFuzzTests.WithoutBackgroundWork);
    private TestTenant _hotel = default!;
    private HotelWebhooks _hooks = default!;
    private StaffClient _owner = default!;
    private Guid _reservation;

    public async Task InitializeAsync()
    {
        _hotel = await _app.CreateHotelAsync();
        _hooks = await HotelWebhooks.ConnectAsync(_app, _hotel);
        _reservation = (await _app.BookAsync(_hotel, _app.TodayOf(_hotel))).Id;
        _owner = await _app.SignInAsync(_hotel, StaffRole.Owner);
    }

    public async Task DisposeAsync()
    {
        _owner.Dispose();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task AReservationActionWithAnEmptyBodyIsABadRequest()
    {
        using var content = new ByteArrayContent([]);
        content.Headers.ContentType = new("application/json");
        using var response = await _owner.PostAsync(new Uri($"/api/reservations/{_reservation}/cancel", UriKind.Relative), content);

        await HttpAssert.ProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task AJsonBodyInAnUnknownCharsetIsUnsupported()
    {
        using var content = new StringContent("{\"reason\":\"x\"}");
        content.Headers.Remove("Content-Type");
        content.Headers.TryAddWithoutValidation("Content-Type", "application/json; charset=nonsense");
        using var response = await _owner.PostAsync(new Uri($"/api/reservations/{_reservation}/cancel", UriKind.Relative), content);

        await HttpAssert.ProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task ARefusalIsProblemDetailsWhateverTheCallerAccepts()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/reservations/{_reservation}/check-out") { Content = JsonContent.Create(new { managerOverride = false }) };
        request.Headers.Accept.ParseAdd("application/xml");
        using var response = await _owner.SendAsync(request);

        await HttpAssert.ProblemAsync(response, HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task SigningOutNeedsTheFormsToken()
    {
        using var forged = await _owner.PostAsync(new Uri("/account/logout", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>()));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.True(_owner.HasAuthCookie);
        using var stillIn = await _owner.GetAsync(new Uri("/api/today", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, stillIn.StatusCode);

        using var signedOut = await _owner.PostFormWithTokenAsync("/account/logout", new Dictionary<string, string>());
        Assert.Equal("/account/login", HttpAssert.RedirectTarget(signedOut));
        Assert.False(_owner.HasAuthCookie);
    }

    [Theory]
    [InlineData(WebhookKind.Stripe, "[1]")]
    [InlineData(WebhookKind.Stripe, "{\"id\":\"evt_1\",\"object\":\"event\",\"object\":\"event\",\"type\":\"x\"}")]
    [InlineData(WebhookKind.Seam, "{\"event_type\":\"\\ud800\"}")]
    [InlineData(WebhookKind.Channex, "{\"event\":\"\\ud800\"}")]
    [InlineData(WebhookKind.SendGridEvents, "[{\"sg_event_id\":\"\\ud800\",\"event\":\"delivered\"}]")]
    public async Task AnAuthenticButUnreadableWebhookIsABadRequestAndStoresNothing(WebhookKind kind, string body)
    {
        var request = _hooks.Sign(kind, new WireRequest("POST", _hooks.PathOf(kind), Encoding.UTF8.GetBytes(body), "application/json", []), _hooks.Now);

        await AssertRefusedAsync(request, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task AStripeSignatureWithAnOverlongTimestampIsUnauthorized()
    {
        var request = _hooks.Sign(WebhookKind.Stripe, _hooks.Sample(WebhookKind.Stripe, new Random(1)), long.MaxValue / 2);

        await AssertRefusedAsync(request, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task AnInboundEmailWithoutItsClosingBoundaryIsABadRequest()
    {
        var sample = _hooks.Sample(WebhookKind.InboundEmail, new Random(2));
        var text = Encoding.UTF8.GetString(sample.Body!);
        var truncated = sample with { Body = Encoding.UTF8.GetBytes(text[..text.LastIndexOf("\r\n--", StringComparison.Ordinal)]) };

        await AssertRefusedAsync(truncated, HttpStatusCode.BadRequest);
    }

    private async Task AssertRefusedAsync(WireRequest request, HttpStatusCode status)
    {
        using var rows = new StoredRows(_app.DatabaseFile);
        var before = rows.Counts();
        using var client = _app.CreateAnonymousClient();
        using var message = request.ToMessage();
        using var response = await client.SendAsync(message);

        await HttpAssert.ProblemAsync(response, status);
        Assert.Empty(rows.Changed(before, rows.Counts()));
    }
}
