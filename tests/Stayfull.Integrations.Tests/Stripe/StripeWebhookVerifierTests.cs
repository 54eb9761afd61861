using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Stayfull.Domain.Integrations;
using Stayfull.Integrations.Stripe;
using Stayfull.Tests.Support;
using Stripe;

namespace Stayfull.Integrations.Tests.Stripe;

public sealed class StripeWebhookVerifierTests
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly string Body = StripeEvents.Event("evt_verify_1", "payment_intent.succeeded", StripeEvents.Intent("pi_v", "succeeded", 1000, 0, 1000));

    [Fact]
    public async Task ASignatureMadeBySdkIsAcceptedAndKeyedByTheEventId()
    {
        await using var hotel = await ConnectedAsync();
        var header = EventUtility.GenerateSignatureHeader(Body, StripeTestHotel.FakeWebhookSecret, hotel.Time.GetUtcNow().ToUnixTimeSeconds());

        var result = await VerifyAsync(hotel, Body, header);

        Assert.Equal(WebhookVerdict.Authentic, result.Verdict);
        var verified = Assert.Single(result.Events);
        Assert.Equal("evt_verify_1", verified.ExternalId);
        Assert.Equal("payment_intent.succeeded", verified.EventType);
        Assert.Equal(Body, verified.Payload);
    }

    [Fact]
    public async Task ASignatureComputedByHandFromTheWireFormatIsAccepted()
    {
        await using var hotel = await ConnectedAsync();
        var t = hotel.Time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(StripeTestHotel.FakeWebhookSecret), Encoding.UTF8.GetBytes($"{t}.{Body}"));
        var header = $"t={t},v1={Convert.ToHexStringLower(mac)},v0=ignored";

        var result = await VerifyAsync(hotel, Body, header);

        Assert.Equal(WebhookVerdict.Authentic, result.Verdict);
    }

    [Fact]
    public async Task ATamperedBodyIsRejected()
    {
        await using var hotel = await ConnectedAsync();
        var header = EventUtility.GenerateSignatureHeader(Body, StripeTestHotel.FakeWebhookSecret, hotel.Time.GetUtcNow().ToUnixTimeSeconds());

        var result = await VerifyAsync(hotel, Body.Replace("1000", "9000", StringComparison.Ordinal), header);

        Assert.Equal(WebhookVerdict.Rejected, result.Verdict);
        Assert.Empty(result.Events);
    }

    [Fact]
    public async Task AnotherSecretIsRejected()
    {
        await using var hotel = await ConnectedAsync();
        var header = EventUtility.GenerateSignatureHeader(Body, StripeTestHotel.FakeWebhookSecret + "x", hotel.Time.GetUtcNow().ToUnixTimeSeconds());

        Assert.Equal(WebhookVerdict.Rejected, (await VerifyAsync(hotel, Body, header)).Verdict);
    }

    [Fact]
    public async Task ATimestampOlderThanFiveMinutesIsRejectedAndOneJustInsideIsAccepted()
    {
        await using var hotel = await ConnectedAsync();
        var now = hotel.Time.GetUtcNow().ToUnixTimeSeconds();

        var stale = await VerifyAsync(hotel, Body, EventUtility.GenerateSignatureHeader(Body, StripeTestHotel.FakeWebhookSecret, now - 301));
        var fresh = await VerifyAsync(hotel, Body, EventUtility.GenerateSignatureHeader(Body, StripeTestHotel.FakeWebhookSecret, now - 299));

        Assert.Equal(WebhookVerdict.Rejected, stale.Verdict);
        Assert.Equal(WebhookVerdict.Authentic, fresh.Verdict);
    }

    [Fact]
    public async Task AMissingHeaderIsRejected()
    {
        await using var hotel = await ConnectedAsync();

        var verifier = hotel.Get<IEnumerable<IWebhookVerifier>>().Single(v => v is StripeWebhookVerifier);
        var result = await verifier.VerifyAsync(hotel.HotelId, new WebhookRequest(Body, new Dictionary<string, string>(), new Uri("https://stayfull.example.test/webhooks/stripe"), "application/json"), None);

        Assert.Equal(WebhookVerdict.Rejected, result.Verdict);
    }

    [Fact]
    public async Task AHotelInDemoModeAcceptsNoSignedWebhook()
    {
        await using var hotel = await StripeTestHotel.CreateAsync();
        var header = EventUtility.GenerateSignatureHeader(Body, StripeTestHotel.FakeWebhookSecret, hotel.Time.GetUtcNow().ToUnixTimeSeconds());

        Assert.Equal(WebhookVerdict.Rejected, (await VerifyAsync(hotel, Body, header)).Verdict);
    }

    [Fact]
    public async Task AnEventOfAnotherApiVersionIsAcceptedAndTheMismatchIsLogged()
    {
        await using var hotel = await ConnectedAsync();
        var body = StripeEvents.Event("evt_old_version", "payment_intent.succeeded", StripeEvents.Intent("pi_v", "succeeded", 1000, 0, 1000), apiVersion: "2024-06-20");
        var header = EventUtility.GenerateSignatureHeader(body, StripeTestHotel.FakeWebhookSecret, hotel.Time.GetUtcNow().ToUnixTimeSeconds());

        var result = await VerifyAsync(hotel, body, header);

        Assert.Equal(WebhookVerdict.Authentic, result.Verdict);
        await using var db = hotel.Db();
        var line = await db.IntegrationLog.SingleAsync(e => e.Operation == "ApiVersionMismatch");
        Assert.Contains("2024-06-20", line.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAuthenticBodyThatIsNotAnEventIsMalformed()
    {
        await using var hotel = await ConnectedAsync();
        const string body = "not json at all";
        var header = EventUtility.GenerateSignatureHeader(body, StripeTestHotel.FakeWebhookSecret, hotel.Time.GetUtcNow().ToUnixTimeSeconds());

        Assert.Equal(WebhookVerdict.Malformed, (await VerifyAsync(hotel, body, header)).Verdict);
    }

    private static async Task<TestHotel> ConnectedAsync()
    {
        var hotel = await StripeTestHotel.CreateAsync();
        await hotel.ConnectAsync();
        return hotel;
    }

    private static Task<WebhookVerification> VerifyAsync(TestHotel hotel, string body, string header) =>
        hotel.Get<IEnumerable<IWebhookVerifier>>().Single(v => v.Vendor == IntegrationVendor.Stripe).VerifyAsync(
            hotel.HotelId,
            new WebhookRequest(body, new Dictionary<string, string> { ["stripe-signature"] = header }, new Uri("https://stayfull.example.test/webhooks/stripe"), "application/json"),
            None);
}
