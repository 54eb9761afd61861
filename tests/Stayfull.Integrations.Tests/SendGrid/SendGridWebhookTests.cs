using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Stayfull.Domain.Common;
using Stayfull.Domain.Integrations;
using Stayfull.Domain.Messaging;
using Stayfull.Integrations.SendGrid;
using Stayfull.Integrations.Tests.Messaging;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Stayfull.Integrations.Tests.SendGrid;

public sealed class SendGridWebhookTests : IDisposable
{
    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public void Dispose() => _key.Dispose();

    private string PublicKey => Convert.ToBase64String(_key.ExportSubjectPublicKeyInfo());

    private async Task<MessagingHarness> ConnectedAsync(string? publicKey = null)
    {
        var harness = await MessagingHarness.CreateAsync();
        await harness.ConnectAsync(IntegrationVendor.SendGrid, new()
        {
            ["ApiKey"] = "test-key-" + Guid.NewGuid().ToString("N"),
            ["FromEmail"] = "frontdesk@hotel.example",
            ["WebhookPublicKey"] = publicKey ?? PublicKey,
        });
        return harness;
    }

    private static string Timestamp(MessagingHarness harness, TimeSpan offset = default) =>
        harness.Hotel.Time.GetUtcNow().Add(offset).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    private static WebhookRequest Signed(ECDsa key, string timestamp, string body, string? signedBody = null)
    {
        var signature = key.SignData(Encoding.UTF8.GetBytes(timestamp + (signedBody ?? body)), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        return new WebhookRequest(
            body,
            new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
            {
                [SendGridWebhookVerifier.SignatureHeader] = Convert.ToBase64String(signature),
                [SendGridWebhookVerifier.TimestampHeader] = timestamp,
            },
            new Uri("https://pms.example.test/webhooks/sendgrid/x"),
            "application/json");
    }

    private static string Batch(params string[] events) => "[" + string.Join(",", events) + "]\r\n";

    private static string Event(string id, string type, Guid? messageId = null, string? sgMessageId = null, string extra = "") =>
        $$"""{"email":"ada@guest.example","timestamp":1700000000,"event":"{{type}}","sg_event_id":"{{id}}","sg_message_id":"{{sgMessageId ?? "none"}}.filter0001"{{(messageId is null ? "" : $",\"{SendGridEmailSender.MessageIdArg}\":\"{messageId}\"")}}{{extra}}}""";

    private static Task<WebhookVerification> VerifyAsync(MessagingHarness harness, WebhookRequest request) =>
        harness.Verifier(IntegrationVendor.SendGrid).VerifyAsync(harness.HotelId, request, CancellationToken.None);

    [Fact]
    public async Task ASignedBatchIsAuthenticAndSplitIntoOneEventPerItem()
    {
        await using var harness = await ConnectedAsync();
        var body = Batch(Event("ev-1", "delivered"), Event("ev-2", "open"));

        var verification = await VerifyAsync(harness, Signed(_key, Timestamp(harness), body));

        Assert.Equal(WebhookVerdict.Authentic, verification.Verdict);
        Assert.Equal(["ev-1", "ev-2"], verification.Events.Select(e => e.ExternalId));
        Assert.Equal(["delivered", "open"], verification.Events.Select(e => e.EventType));
    }

    [Fact]
    public async Task ATamperedBodyIsRejected()
    {
        await using var harness = await ConnectedAsync();
        var signedBody = Batch(Event("ev-1", "delivered"));

        var verification = await VerifyAsync(harness, Signed(_key, Timestamp(harness), signedBody.Replace("delivered", "bounce", StringComparison.Ordinal), signedBody));

        Assert.Equal(WebhookVerdict.Rejected, verification.Verdict);
    }

    [Fact]
    public async Task TheBodyWithoutItsTrailingCrLfIsRejected()
    {
        await using var harness = await ConnectedAsync();
        var signedBody = Batch(Event("ev-1", "delivered"));

        var verification = await VerifyAsync(harness, Signed(_key, Timestamp(harness), signedBody.TrimEnd(), signedBody));

        Assert.Equal(WebhookVerdict.Rejected, verification.Verdict);
    }

    [Fact]
    public async Task ASignatureByAnotherKeyIsRejected()
    {
        await using var harness = await ConnectedAsync();
        using var otherKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        var verification = await VerifyAsync(harness, Signed(otherKey, Timestamp(harness), Batch(Event("ev-1", "delivered"))));

        Assert.Equal(WebhookVerdict.Rejected, verification.Verdict);
    }

    [Theory]
    [InlineData(-301)]
    [InlineData(301)]
    public async Task ATimestampOutsideFiveMinutesIsRejected(int seconds)
    {
        await using var harness = await ConnectedAsync();

        var verification = await VerifyAsync(harness, Signed(_key, Timestamp(harness, TimeSpan.FromSeconds(seconds)), Batch(Event("ev-1", "delivered"))));

        Assert.Equal(WebhookVerdict.Rejected, verification.Verdict);
        Assert.Contains("timestamp", verification.Problem, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData(SendGridWebhookVerifier.SignatureHeader)]
    [InlineData(SendGridWebhookVerifier.TimestampHeader)]
    public async Task AMissingHeaderIsRejected(string header)
    {
        await using var harness = await ConnectedAsync();
        var request = Signed(_key, Timestamp(harness), Batch(Event("ev-1", "delivered")));
        var headers = request.Headers.Where(h => h.Key != header).ToDictionary(h => h.Key, h => h.Value, StringComparer.OrdinalIgnoreCase);

        var verification = await VerifyAsync(harness, request with { Headers = headers });

        Assert.Equal(WebhookVerdict.Rejected, verification.Verdict);
    }

    [Fact]
    public async Task AHotelWithoutSendGridAcceptsNoEvents()
    {
        await using var harness = await MessagingHarness.CreateAsync();

        var verification = await VerifyAsync(harness, Signed(_key, Timestamp(harness), Batch(Event("ev-1", "delivered"))));

        Assert.Equal(WebhookVerdict.Rejected, verification.Verdict);
    }

    [Fact]
    public async Task DeliveredAndOpenedEventsMoveTheMessageForward()
    {
        await using var harness = await ConnectedAsync();
        var message = await SentMessageAsync(harness, "sg-msg-1");

        await ReceiveAsync(harness, Batch(Event("ev-open", "open", message.Id), Event("ev-del", "delivered", message.Id)));

        var updated = await harness.MessageAsync(message.Id);
        Assert.Equal(DeliveryStatus.Opened, updated.Status);
        Assert.Equal([DeliveryStatus.Queued, DeliveryStatus.Sent, DeliveryStatus.Opened, DeliveryStatus.Delivered], updated.StatusChanges.OrderBy(c => c.Id).Select(c => c.Status));
    }

    [Fact]
    public async Task EventsWithoutOurCustomArgCorrelateOnTheSgMessageIdPrefix()
    {
        await using var harness = await ConnectedAsync();
        var message = await SentMessageAsync(harness, "sg-msg-2");

        await ReceiveAsync(harness, Batch(Event("ev-1", "delivered", messageId: null, sgMessageId: "sg-msg-2")));

        Assert.Equal(DeliveryStatus.Delivered, (await harness.MessageAsync(message.Id)).Status);
    }

    [Fact]
    public async Task ABounceMarksTheGuestsEmailBadAndTheNextEmailIsRefusedWithTheReason()
    {
        await using var harness = await ConnectedAsync();
        var message = await SentMessageAsync(harness, "sg-msg-3");

        await ReceiveAsync(harness, Batch(Event("ev-b", "bounce", message.Id, extra: ""","type":"bounce","reason":"550 5.1.1 user unknown" """)));

        var updated = await harness.MessageAsync(message.Id);
        Assert.Equal(DeliveryStatus.Bounced, updated.Status);
        await using (var db = harness.Hotel.Db())
        {
            var guest = await db.Guests.SingleAsync(g => g.Id == updated.GuestId);
            Assert.True(guest.IsEmailBad);
            Assert.Equal("550 5.1.1 user unknown", guest.EmailBounceReason);
        }

        var refusal = await Assert.ThrowsAsync<RuleViolationException>(() =>
            harness.Get<MessagingService>().SendAsync(updated.ReservationId!.Value, MessageTemplateKeys.Receipt, MessageChannel.Email, null, CancellationToken.None));
        Assert.Contains("bounced", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("user unknown", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABlockedBounceDoesNotMarkTheAddressBad()
    {
        await using var harness = await ConnectedAsync();
        var message = await SentMessageAsync(harness, "sg-msg-4");

        await ReceiveAsync(harness, Batch(Event("ev-b", "bounce", message.Id, extra: ""","type":"blocked","reason":"reputation" """)));

        var updated = await harness.MessageAsync(message.Id);
        Assert.Equal(DeliveryStatus.Undelivered, updated.Status);
        await using var db = harness.Hotel.Db();
        Assert.False((await db.Guests.SingleAsync(g => g.Id == updated.GuestId)).IsEmailBad);
    }

    [Fact]
    public async Task ARedeliveredBatchChangesNothingTwice()
    {
        await using var harness = await ConnectedAsync();
        var message = await SentMessageAsync(harness, "sg-msg-5");
        var body = Batch(Event("ev-b", "bounce", message.Id, extra: ""","type":"bounce","reason":"user unknown" """));

        Assert.Equal(1, await ReceiveAsync(harness, body));
        Assert.Equal(0, await ReceiveAsync(harness, body));

        // Even an event applied twice (a crash before it was marked done) records the bounce once.
        await using (var db = harness.Hotel.Db())
        {
            var stored = await db.InboxEvents.SingleAsync(e => e.ExternalId == "ev-b");
            await harness.Applier(IntegrationVendor.SendGrid).HandleAsync(stored, CancellationToken.None);
        }

        var updated = await harness.MessageAsync(message.Id);
        Assert.Single(updated.StatusChanges, c => c.Status == DeliveryStatus.Bounced);
    }

    /// <summary>Books a guest with an email and lets SendGrid accept the confirmation under <paramref name="vendorId"/>.</summary>
    private static async Task<GuestMessage> SentMessageAsync(MessagingHarness harness, string vendorId)
    {
        harness.Server.Given(Request.Create().WithPath("/v3/mail/send").UsingPost()).RespondWith(Response.Create().WithStatusCode(202).WithHeader("X-Message-Id", vendorId));
        var reservation = await harness.BookAsync(email: "ada@guest.example");
        await harness.RunOutboxAsync();
        var message = await harness.OnlyMessageAsync(reservation.Id);
        Assert.Equal(vendorId, message.VendorMessageId);
        return message;
    }

    /// <summary>What the webhook endpoint does: verify, store each event once, then the processor applies them.</summary>
    private async Task<int> ReceiveAsync(MessagingHarness harness, string body)
    {
        var verification = await VerifyAsync(harness, Signed(_key, Timestamp(harness), body));
        Assert.Equal(WebhookVerdict.Authentic, verification.Verdict);
        var stored = 0;
        foreach (var e in verification.Events)
        {
            if (await harness.Get<WebhookInbox>().StoreAsync(harness.HotelId, IntegrationVendor.SendGrid, e.ExternalId, e.EventType, e.Payload, CancellationToken.None) == InboxOutcome.Stored)
            {
                stored++;
            }
        }

        await harness.RunInboxAsync();
        return stored;
    }
}
