using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stayfull.Domain.Integrations;
using Stayfull.Domain.Messaging;
using Stayfull.Domain.Tenancy;
using Stayfull.Integrations.Twilio;
using Stayfull.Web.Startup;
using Stayfull.Web.Tests.Http.Harness;

namespace Stayfull.Web.Tests.Integrations;

/// <summary>
/// Behind a reverse proxy Twilio signs the public https URL while the app sees the proxy's plain request:
/// only with forwarded headers trusted does the signature check out.
/// </summary>
public sealed class ForwardedHeadersTests
{
    private const string PublicHost = "hotel.example.com";
    private const string GuestNumber = "+351912345678";

    [Fact]
    public async Task ASignedInboundSmsOverTheForwardedPublicUrlIsAcceptedAndStoredOnceWhenTrustIsOn()
    {
        await using var app = new StayfullApplication(settings: new Dictionary<string, string?> { [ForwardedHeadersSetup.TrustKey] = "true" });
        var (tenant, token) = await ConnectTwilioAsync(app);
        var fields = InboundSms(tenant.HotelId);
        var signature = Sign(token, $"https://{PublicHost}/webhooks/twilio/{tenant.HotelId}", fields);

        using var client = app.CreateClient();
        using var first = await PostAsync(client, tenant.HotelId, fields, signature);
        using var again = await PostAsync(client, tenant.HotelId, fields, signature);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("text/xml", first.Content.Headers.ContentType?.MediaType);
        Assert.Equal("<Response/>", await first.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal("<Response/>", await again.Content.ReadAsStringAsync());

        await using (var db = app.Db(tenant.HotelId))
        {
            Assert.Equal(1, await db.InboxEvents.CountAsync(e => e.Vendor == IntegrationVendor.Twilio));
        }

        // The background processor applies the event: one inbound message, however often Twilio posted it.
        var message = await EventuallyAsync(async () =>
        {
            await using var db = app.Db(tenant.HotelId);
            return await db.GuestMessages.Where(m => m.Direction == MessageDirection.Inbound).ToListAsync();
        });
        var stored = Assert.Single(message);
        Assert.Equal((fields["MessageSid"], GuestNumber, "Late check-in please"), (stored.VendorMessageId, stored.From, stored.Body));
    }

    [Fact]
    public async Task TheSameRequestIsUnauthorizedWhenForwardedHeadersAreNotTrusted()
    {
        await using var app = new StayfullApplication();
        var (tenant, token) = await ConnectTwilioAsync(app);
        var fields = InboundSms(tenant.HotelId);
        var signature = Sign(token, $"https://{PublicHost}/webhooks/twilio/{tenant.HotelId}", fields);

        using var client = app.CreateClient();
        using var response = await PostAsync(client, tenant.HotelId, fields, signature);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await using var db = app.Db(tenant.HotelId);
        Assert.False(await db.InboxEvents.AnyAsync());
        Assert.False(await db.GuestMessages.AnyAsync());
    }

    [Fact]
    public async Task WithTrustOnASignatureOverTheInternalUrlNoLongerMatches()
    {
        await using var app = new StayfullApplication(settings: new Dictionary<string, string?> { [ForwardedHeadersSetup.TrustKey] = "true" });
        var (tenant, token) = await ConnectTwilioAsync(app);
        var fields = InboundSms(tenant.HotelId);
        var signedForInternal = Sign(token, $"http://localhost/webhooks/twilio/{tenant.HotelId}", fields);

        using var client = app.CreateClient();
        using var response = await PostAsync(client, tenant.HotelId, fields, signedForInternal);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private static async Task<(TestTenant Tenant, string AuthToken)> ConnectTwilioAsync(StayfullApplication app)
    {
        var tenant = await app.CreateHotelAsync();
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<BackgroundStaffScope>().Context = new StaffContext(tenant.HotelId, "test-manager", "Manager (test)", StaffRole.Manager);
        await scope.ServiceProvider.GetRequiredService<IntegrationSettingsService>().ConnectAsync(
            IntegrationVendor.Twilio,
            new Dictionary<string, string>
            {
                ["AccountSid"] = "AC" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
                ["AuthToken"] = token,
                ["FromNumber"] = "+15005550006",
            },
            CancellationToken.None);
        return (tenant, token);
    }

    private static Dictionary<string, string> InboundSms(Guid hotelId) => new(StringComparer.Ordinal)
    {
        ["MessageSid"] = "SM" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
        ["AccountSid"] = "AC" + hotelId.ToString("N"),
        ["From"] = GuestNumber,
        ["To"] = "+15005550006",
        ["Body"] = "Late check-in please",
        ["NumMedia"] = "0",
    };

    /// <summary>Twilio's scheme: HMAC-SHA1 with the auth token over the URL followed by every field name and value, sorted by name.</summary>
    private static string Sign(string authToken, string url, IReadOnlyDictionary<string, string> fields)
    {
        var data = new StringBuilder(url);
        foreach (var (key, value) in fields.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            data.Append(key).Append(value);
        }

#pragma warning disable CA5350 // Twilio's signature scheme is HMAC-SHA1; the test must compute what Twilio sends
        return Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(authToken), Encoding.UTF8.GetBytes(data.ToString())));
#pragma warning restore CA5350
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, Guid hotelId, IReadOnlyDictionary<string, string> fields, string signature)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/webhooks/twilio/{hotelId}") { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-Host", PublicHost);
        request.Headers.Add(TwilioWebhookVerifier.SignatureHeader, signature);
        return await client.SendAsync(request);
    }

    private static async Task<IReadOnlyList<T>> EventuallyAsync<T>(Func<Task<List<T>>> read)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            var found = await read();
            if (found.Count > 0 || DateTime.UtcNow > deadline)
            {
                // Give a second application of the same event the chance to show up if it were going to.
                await Task.Delay(300);
                return await read();
            }

            await Task.Delay(100);
        }
    }
}
