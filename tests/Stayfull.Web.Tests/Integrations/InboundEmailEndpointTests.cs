using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stayfull.Domain.Data;
using Stayfull.Domain.Integrations;
using Stayfull.Integrations.SendGrid;
using Stayfull.Web.Integrations;

namespace Stayfull.Web.Tests.Integrations;

/// <summary>SendGrid Inbound Parse posting a guest's email to the hotel's secret URL.</summary>
public sealed class InboundEmailEndpointTests : IAsyncLifetime
{
    private readonly IntegrationsApp _app = new();
    private TestAccount _hotel = default!;
    private HttpClient _client = default!;

    public async Task InitializeAsync()
    {
        _hotel = await _app.CreateHotelAsync("Inbound Email Hotel");
        _client = _app.CreateClient();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
    }

    private string Token => _app.Services.GetRequiredService<InboundEmailTokens>().TokenFor(_hotel.HotelId);

    private static MultipartFormDataContent Email(string text = "Is breakfast included?", string? attachment = null)
    {
        var form = new MultipartFormDataContent("xYzZY")
        {
            { new StringContent("Received: by mx.sendgrid.net\nMessage-ID: <guest-1@mail.example>\nSubject: Breakfast\n"), "headers" },
            { new StringContent("stay@hotel.example"), "to" },
            { new StringContent("Ada Lovelace <ada@guest.example>"), "from" },
            { new StringContent("Breakfast"), "subject" },
            { new StringContent(text), "text" },
            { new StringContent("{\"to\":[\"stay@hotel.example\"],\"from\":\"ada@guest.example\"}"), "envelope" },
            { new StringContent("{\"to\":\"UTF-8\",\"from\":\"UTF-8\",\"subject\":\"UTF-8\",\"text\":\"UTF-8\"}"), "charsets" },
        };
        if (attachment is not null)
        {
            form.Add(new ByteArrayContent(new byte[int.Parse(attachment, System.Globalization.CultureInfo.InvariantCulture)]), "attachment1", "scan.pdf");
        }

        return form;
    }

    [Fact]
    public async Task AnEmailToTheHotelsUrlIsStoredForTheInboxAndAcknowledged()
    {
        using var content = Email();
        using var response = await _client.PostAsync(new Uri($"/webhooks/inbound-email/{_hotel.HotelId}/{Token}", UriKind.Relative), content);
        using var again = await _client.PostAsync(new Uri($"/webhooks/inbound-email/{_hotel.HotelId}/{Token}", UriKind.Relative), Email());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        await using var db = _app.Services.GetRequiredService<StayfullDb>().ForPlatform();
        var stored = await db.InboxEvents.IgnoreQueryFilters().SingleAsync();
        Assert.Equal((_hotel.HotelId, IntegrationVendor.SendGrid, "<guest-1@mail.example>", SendGridInboundParse.EventType), (stored.HotelId, stored.Vendor, stored.ExternalId, stored.EventType));
        Assert.Contains("Is breakfast included?", stored.Payload, StringComparison.Ordinal);
        var log = await db.IntegrationLog.IgnoreQueryFilters().Where(l => l.Operation == "InboundEmail").ToListAsync();
        Assert.All(log, l => Assert.DoesNotContain("breakfast", l.Summary, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task AWrongTokenIsUnauthorizedAndNothingIsStored()
    {
        var otherHotel = await _app.CreateHotelAsync("Other Hotel");
        var othersToken = _app.Services.GetRequiredService<InboundEmailTokens>().TokenFor(otherHotel.HotelId);

        using var madeUp = await _client.PostAsync(new Uri($"/webhooks/inbound-email/{_hotel.HotelId}/p.not-a-token", UriKind.Relative), Email());
        using var borrowed = await _client.PostAsync(new Uri($"/webhooks/inbound-email/{_hotel.HotelId}/{othersToken}", UriKind.Relative), Email());

        Assert.Equal(HttpStatusCode.Unauthorized, madeUp.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, borrowed.StatusCode);
        await using var db = _app.Services.GetRequiredService<StayfullDb>().ForPlatform();
        Assert.Equal(0, await db.InboxEvents.IgnoreQueryFilters().CountAsync());
        Assert.Equal(0, await db.IntegrationLog.IgnoreQueryFilters().CountAsync());
    }

    [Fact]
    public async Task AnEmailOverTheLimitIsRefusedAndNothingIsStored()
    {
        using var content = Email(attachment: (WebhookEndpoints.MaxBodyBytes + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        using var response = await _client.PostAsync(new Uri($"/webhooks/inbound-email/{_hotel.HotelId}/{Token}", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        await using var db = _app.Services.GetRequiredService<StayfullDb>().ForPlatform();
        Assert.Equal(0, await db.InboxEvents.IgnoreQueryFilters().CountAsync());
    }
}
