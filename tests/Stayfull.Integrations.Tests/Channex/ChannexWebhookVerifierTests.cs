using System.Security.Cryptography;
using System.Text;
using Stayfull.Domain.Integrations;
using Stayfull.Integrations.Channex;

namespace Stayfull.Integrations.Tests.Channex;

public sealed class ChannexWebhookVerifierTests
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly Uri Url = new("https://hotel.example/webhooks/channex/abc");

    private static string Booking(string eventType = "booking_new", string revisionId = "80b3b60c-5e24-35c5-ad1b-da67cd704093", string propertyId = ChannexHarness.PropertyId) => $$"""
        {"event":"{{eventType}}","payload":{"booking_id":"e10de9d1-3e2c-431c-b88c-ffca9ed5db5d","property_id":"{{propertyId}}","revision_id":"{{revisionId}}"},"property_id":"{{propertyId}}","user_id":null,"timestamp":"2026-11-24T12:00:00.0000Z"}
        """;

    private static WebhookRequest Request(string body, string? secret) =>
        new(body, secret is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["x-stayfull-webhook-secret"] = secret }, Url, "application/json");

    private static async Task<ChannexHarness> ConnectedAsync()
    {
        var harness = await ChannexHarness.CreateAsync();
        await harness.ConnectAsync();
        return harness;
    }

    [Fact]
    public async Task TheRightSecretIsAcceptedAndTheWholeBodyIsStoredKeyedByTheRevision()
    {
        await using var harness = await ConnectedAsync();
        var body = Booking();

        var result = await harness.Verifier.VerifyAsync(harness.HotelId, Request(body, ChannexHarness.WebhookSecret), None);

        Assert.Equal(WebhookVerdict.Authentic, result.Verdict);
        var verified = Assert.Single(result.Events);
        Assert.Equal("booking_new", verified.EventType);
        Assert.Equal("booking_new:80b3b60c-5e24-35c5-ad1b-da67cd704093", verified.ExternalId);
        Assert.Equal(body, verified.Payload);
    }

    [Fact]
    public async Task AWrongOrMissingSecretIsRejected()
    {
        await using var harness = await ConnectedAsync();

        Assert.Equal(WebhookVerdict.Rejected, (await harness.Verifier.VerifyAsync(harness.HotelId, Request(Booking(), ChannexHarness.WebhookSecret + "x"), None)).Verdict);
        Assert.Equal(WebhookVerdict.Rejected, (await harness.Verifier.VerifyAsync(harness.HotelId, Request(Booking(), ""), None)).Verdict);
        var missing = await harness.Verifier.VerifyAsync(harness.HotelId, Request(Booking(), null), None);
        Assert.Equal(WebhookVerdict.Rejected, missing.Verdict);
        Assert.Empty(missing.Events);
        Assert.DoesNotContain(ChannexHarness.WebhookSecret, missing.Problem!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AHotelWithoutChannexCredentialsRejectsEveryWebhook()
    {
        await using var harness = await ChannexHarness.CreateAsync();

        var result = await harness.Verifier.VerifyAsync(harness.HotelId, Request(Booking(), ChannexHarness.WebhookSecret), None);

        Assert.Equal(WebhookVerdict.Rejected, result.Verdict);
    }

    [Fact]
    public async Task AWebhookForAnotherPropertyIsRejected()
    {
        await using var harness = await ConnectedAsync();

        var result = await harness.Verifier.VerifyAsync(harness.HotelId, Request(Booking(propertyId: "90958ec0-9214-4796-873e-4add0d834670"), ChannexHarness.WebhookSecret), None);

        Assert.Equal(WebhookVerdict.Rejected, result.Verdict);
        Assert.Contains("another Channex property", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAuthenticBodyThatIsNotJsonIsMalformed()
    {
        await using var harness = await ConnectedAsync();

        Assert.Equal(WebhookVerdict.Malformed, (await harness.Verifier.VerifyAsync(harness.HotelId, Request("{not json", ChannexHarness.WebhookSecret), None)).Verdict);
        Assert.Equal(WebhookVerdict.Malformed, (await harness.Verifier.VerifyAsync(harness.HotelId, Request("""{"payload":{}}""", ChannexHarness.WebhookSecret), None)).Verdict);
    }

    [Fact]
    public async Task ARedeliveryDedupesButDistinctTriggersDoNot()
    {
        await using var harness = await ConnectedAsync();
        async Task<string> IdOf(string body) =>
            Assert.Single((await harness.Verifier.VerifyAsync(harness.HotelId, Request(body, ChannexHarness.WebhookSecret), None)).Events).ExternalId;
        var message = $$"""{"event":"message","payload":{"booking_id":"b-1","id":"9d7e25a0-7602-4454-b3c0-a42afad0fde0","message":"Is parking available?","message_thread_id":"t-1","attachments":[],"have_attachment":false},"property_id":"{{ChannexHarness.PropertyId}}","user_id":null,"timestamp":"2026-11-24T12:00:00.0000Z"}""";
        var syncError = $$"""{"event":"sync_error","payload":{"channel":"Agoda","channel_event_id":"e7883431-3df6-412f-8c07-0d5e1d983e0f","error_type":"general_error"},"property_id":"{{ChannexHarness.PropertyId}}","user_id":null,"timestamp":"2026-11-24T12:00:00.0000Z"}""";
        var noData = $$"""{"event":"ari","property_id":"{{ChannexHarness.PropertyId}}","user_id":null,"timestamp":"2026-11-24T12:00:00.0000Z"}""";
        var noDataLater = noData.Replace("12:00:00", "12:00:05", StringComparison.Ordinal);

        Assert.Equal(await IdOf(Booking()), await IdOf(Booking()));
        Assert.NotEqual(await IdOf(Booking()), await IdOf(Booking(revisionId: "another-revision")));
        Assert.NotEqual(await IdOf(Booking("booking")), await IdOf(Booking("booking_new")));
        Assert.Equal("message:9d7e25a0-7602-4454-b3c0-a42afad0fde0", await IdOf(message));
        Assert.Equal("sync_error:e7883431-3df6-412f-8c07-0d5e1d983e0f", await IdOf(syncError));
        Assert.Equal("ari:sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(noData))), await IdOf(noData));
        Assert.Equal(await IdOf(noData), await IdOf(noData));
        Assert.NotEqual(await IdOf(noData), await IdOf(noDataLater));
        Assert.True((await IdOf(noData)).Length <= 200);
    }

    [Fact]
    public void TheDemoFeedKeysItsWebhooksAsTheVerifierDoes()
    {
        var body = Booking();
        using var document = System.Text.Json.JsonDocument.Parse(body);

        Assert.Equal("booking_new:80b3b60c-5e24-35c5-ad1b-da67cd704093", ChannexWebhookIds.For("booking_new", document.RootElement, body));
    }
}
