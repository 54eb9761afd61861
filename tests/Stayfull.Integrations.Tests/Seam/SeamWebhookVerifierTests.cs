using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Stayfull.Domain.Integrations;
using Stayfull.Integrations.Seam;

namespace Stayfull.Integrations.Tests.Seam;

public sealed class SeamWebhookVerifierTests
{
    // Svix's published test vector (docs.svix.com, "Verifying payloads manually"): public test data, not a secret of ours.
    private static readonly string VectorSecret = "whsec_" + "MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private const string VectorId = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private const string VectorTimestamp = "1614265330";
    private const string VectorBody = """{"test": 2432232314}""";
    private const string VectorSignature = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    private const string UnlockedEvent = """{"event_id":"evt_1","event_type":"lock.unlocked","device_id":"dev_1","method":"keycode","workspace_id":"ws_1","created_at":"2021-02-25T15:02:10.000Z","occurred_at":"2021-02-25T15:02:09.000Z"}""";

    private static readonly DateTimeOffset VectorTime = DateTimeOffset.FromUnixTimeSeconds(1614265330);

    /// <summary>The vector's time is long past the hotel's clock, which cannot go back: the verifier gets a clock of its own.</summary>
    private readonly FakeTimeProvider _clock = new(VectorTime);

    private static async Task<SeamHarness> ConnectedAsync(string? secret = null)
    {
        var harness = await SeamHarness.CreateAsync();
        await harness.ConnectAsync(webhookSecret: secret ?? VectorSecret);
        return harness;
    }

    private SeamWebhookVerifier Verifier(SeamHarness harness, TimeProvider? clock = null) =>
        new(harness.Services.GetRequiredService<ConnectionCredentialsStore>(), clock ?? _clock);

    private static WebhookRequest Request(string body, string signature, string id = VectorId, string timestamp = VectorTimestamp, string prefix = "svix") =>
        new(body, new Dictionary<string, string>
        {
            [$"{prefix}-id"] = id,
            [$"{prefix}-timestamp"] = timestamp,
            [$"{prefix}-signature"] = signature,
        }, new Uri("https://pms.example.test/webhooks/seam"), "application/json");

    [Fact]
    public void ThePublishedTestVectorMatches()
    {
        Assert.Equal(VectorSignature, SvixSignature.Sign(VectorSecret, VectorId, VectorTimestamp, VectorBody));
        Assert.True(SvixSignature.IsValid(VectorSecret, VectorId, VectorTimestamp, VectorBody, VectorSignature));
        Assert.True(SvixSignature.IsValid(VectorSecret, VectorId, VectorTimestamp, VectorBody, "v1,bm90IHRoaXMgb25l " + VectorSignature));
        Assert.False(SvixSignature.IsValid(VectorSecret, VectorId, VectorTimestamp, VectorBody + " ", VectorSignature));
        Assert.False(SvixSignature.IsValid(VectorSecret, VectorId, VectorTimestamp, VectorBody, VectorSignature.Replace("v1,", "v2,", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task ThePublishedTestVectorPassesTheSignatureCheckAtItsOwnTime()
    {
        await using var harness = await ConnectedAsync();

        var verdict = await Verifier(harness).VerifyAsync(harness.HotelId, Request(VectorBody, VectorSignature), CancellationToken.None);

        // The vector's body is not a Seam event (no event_type): authentic but unreadable, not rejected.
        Assert.Equal(WebhookVerdict.Malformed, verdict.Verdict);
        Assert.Contains("event_type", verdict.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("svix")]
    [InlineData("webhook")]
    public async Task ASignedSeamEventIsAuthenticAndKeyedByTheMessageId(string prefix)
    {
        await using var harness = await ConnectedAsync();
        var signature = SvixSignature.Sign(VectorSecret, VectorId, VectorTimestamp, UnlockedEvent);

        var verdict = await Verifier(harness).VerifyAsync(harness.HotelId, Request(UnlockedEvent, signature, prefix: prefix), CancellationToken.None);

        Assert.Equal(WebhookVerdict.Authentic, verdict.Verdict);
        var verified = Assert.Single(verdict.Events);
        Assert.Equal(new VerifiedEvent(VectorId, "lock.unlocked", UnlockedEvent), verified);
    }

    [Fact]
    public async Task ATamperedBodyIsRejected()
    {
        await using var harness = await ConnectedAsync();

        var verdict = await Verifier(harness).VerifyAsync(harness.HotelId, Request("""{"test": 2432232315}""", VectorSignature), CancellationToken.None);

        Assert.Equal(WebhookVerdict.Rejected, verdict.Verdict);
        Assert.Empty(verdict.Events);
    }

    [Theory]
    [InlineData(301)]
    [InlineData(-301)]
    public async Task AStaleOrFutureTimestampIsRejected(int offsetSeconds)
    {
        await using var harness = await ConnectedAsync();
        var verdict = await Verifier(harness, new FakeTimeProvider(VectorTime.AddSeconds(offsetSeconds))).VerifyAsync(harness.HotelId, Request(VectorBody, VectorSignature), CancellationToken.None);

        Assert.Equal(WebhookVerdict.Rejected, verdict.Verdict);
        Assert.Contains("5 minutes", verdict.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AtTheEdgeOfTheToleranceTheSignatureStillCounts()
    {
        await using var harness = await ConnectedAsync();
        _clock.SetUtcNow(VectorTime.AddSeconds(300));

        var verdict = await Verifier(harness).VerifyAsync(harness.HotelId, Request(VectorBody, VectorSignature), CancellationToken.None);

        Assert.NotEqual(WebhookVerdict.Rejected, verdict.Verdict);
    }

    [Fact]
    public async Task AnotherSecretIsRejected()
    {
        await using var harness = await ConnectedAsync("whsec_" + Convert.ToBase64String(Guid.NewGuid().ToByteArray()));

        var verdict = await Verifier(harness).VerifyAsync(harness.HotelId, Request(VectorBody, VectorSignature), CancellationToken.None);

        Assert.Equal(WebhookVerdict.Rejected, verdict.Verdict);
        Assert.Contains("does not match", verdict.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("svix-id")]
    [InlineData("svix-timestamp")]
    [InlineData("svix-signature")]
    public async Task AMissingHeaderIsRejected(string missing)
    {
        await using var harness = await ConnectedAsync();
        var request = Request(VectorBody, VectorSignature);
        var headers = request.Headers.Where(h => h.Key != missing).ToDictionary(h => h.Key, h => h.Value);

        var verdict = await Verifier(harness).VerifyAsync(harness.HotelId, request with { Headers = headers }, CancellationToken.None);

        Assert.Equal(WebhookVerdict.Rejected, verdict.Verdict);
    }

    [Fact]
    public async Task ADemoHotelWithoutSeamRejectsEveryWebhook()
    {
        await using var harness = await SeamHarness.CreateAsync();

        var verdict = await Verifier(harness).VerifyAsync(harness.HotelId, Request(VectorBody, VectorSignature), CancellationToken.None);

        Assert.Equal(WebhookVerdict.Rejected, verdict.Verdict);
    }

    [Fact]
    public async Task ASignedBodyThatIsNotJsonIsMalformed()
    {
        await using var harness = await ConnectedAsync();
        const string body = "not json";

        var verdict = await Verifier(harness).VerifyAsync(harness.HotelId, Request(body, SvixSignature.Sign(VectorSecret, VectorId, VectorTimestamp, body)), CancellationToken.None);

        Assert.Equal(WebhookVerdict.Malformed, verdict.Verdict);
    }
}
