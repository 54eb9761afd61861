using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stayfull.Domain.Data;
using Stayfull.Web.Integrations;

namespace Stayfull.Web.Tests.Integrations;

public sealed class WebhookEndpointTests : IAsyncLifetime
{
    private readonly IntegrationsApp _app = new();
    private TestAccount _hotel = default!;
    private HttpClient _client = default!;

    public async Task InitializeAsync()
    {
        _hotel = await _app.CreateHotelAsync("Webhook Hotel");
        _client = _app.CreateClient();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task AnUnknownVendorOrHotelIsNotFound()
    {
        var body = Event("evt_404");
        using var vendor = await PostAsync($"/webhooks/nosuchvendor/{_hotel.HotelId}", body, Signed(body));
        using var hotel = await PostAsync($"/webhooks/stripe/{Guid.NewGuid()}", body, Signed(body));

        Assert.Equal(HttpStatusCode.NotFound, vendor.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, hotel.StatusCode);
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task ABodyOverTheLimitIsRefusedAndNothingStored()
    {
        var body = "{\"id\":\"evt_big\",\"type\":\"charge.refunded\",\"pad\":\"" + new string('x', WebhookEndpoints.MaxBodyBytes) + "\"}";
        using var response = await PostAsync($"/webhooks/stripe/{_hotel.HotelId}", body, Signed(body));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task AStreamedBodyOverTheLimitWithoutLengthIsRefusedToo()
    {
        var bytes = Encoding.UTF8.GetBytes(new string('x', WebhookEndpoints.MaxBodyBytes + 1));
        using var content = new StreamContent(new MemoryStream(bytes));
        content.Headers.ContentLength = null;
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/webhooks/stripe/{_hotel.HotelId}") { Content = content };
        request.Headers.TransferEncodingChunked = true;
        using var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task AWrongOrMissingSignatureIsUnauthorizedAndNothingStored()
    {
        var body = Event("evt_forged");
        using var wrong = await PostAsync($"/webhooks/stripe/{_hotel.HotelId}", body, IntegrationsApp.Sign("whsec_" + Guid.NewGuid().ToString("N"), body));
        using var tampered = await PostAsync($"/webhooks/stripe/{_hotel.HotelId}", body.Replace("evt_forged", "evt_forgeD", StringComparison.Ordinal), Signed(body));
        using var missing = await PostAsync($"/webhooks/stripe/{_hotel.HotelId}", body, signature: null);

        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, tampered.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task AnAuthenticButMalformedBodyIsABadRequestAndNothingStored()
    {
        const string notJson = "id=evt_1&type=charge.refunded";
        const string noId = "{\"type\":\"charge.refunded\"}";
        using var first = await PostAsync($"/webhooks/stripe/{_hotel.HotelId}", notJson, Signed(notJson));
        using var second = await PostAsync($"/webhooks/stripe/{_hotel.HotelId}", noId, Signed(noId));

        Assert.Equal(HttpStatusCode.BadRequest, first.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task AGoodWebhookIsStoredAndItsRedeliveryAcknowledgedWithoutStoringAgain()
    {
        var body = Event("evt_good");
        using var first = await PostAsync($"/webhooks/stripe/{_hotel.HotelId}", body, Signed(body));
        using var again = await PostAsync($"/webhooks/stripe/{_hotel.HotelId}", body, Signed(body));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(new WebhookReceipt(1, 0), await first.Content.ReadFromJsonAsync<WebhookReceipt>());
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(new WebhookReceipt(0, 1), await again.Content.ReadFromJsonAsync<WebhookReceipt>());
        await using var db = _app.Services.GetRequiredService<StayfullDb>().ForHotel(_hotel.HotelId);
        var stored = await db.InboxEvents.SingleAsync();
        Assert.Equal("evt_good", stored.ExternalId);
        Assert.Equal(body, stored.Payload);
    }

    private static string Event(string id) =>
        "{\"id\":\"" + id + "\",\"type\":\"payment_intent.succeeded\",\"data\":{\"object\":{\"id\":\"pi_1\",\"amount\":12000}}}";

    private string Signed(string body) => IntegrationsApp.Sign(_app.FallbackWebhookSecret, body);

    private async Task<HttpResponseMessage> PostAsync(string path, string body, string? signature)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (signature is not null)
        {
            request.Headers.Add(SignedJsonVerifier.Header, signature);
        }

        return await _client.SendAsync(request);
    }

    private async Task AssertNothingStoredAsync()
    {
        await using var db = _app.Services.GetRequiredService<StayfullDb>().ForPlatform();
        Assert.Equal(0, await db.InboxEvents.IgnoreQueryFilters().CountAsync());
        Assert.Equal(0, await db.IntegrationLog.IgnoreQueryFilters().CountAsync());
    }
}
