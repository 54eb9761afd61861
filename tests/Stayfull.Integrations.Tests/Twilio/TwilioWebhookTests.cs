using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Stayfull.Domain.Common;
using Stayfull.Domain.Integrations;
using Stayfull.Domain.Messaging;
using Stayfull.Integrations.Tests.Messaging;
using Stayfull.Integrations.Twilio;
using WireMock.ResponseBuilders;

namespace Stayfull.Integrations.Tests.Twilio;

public sealed class TwilioWebhookTests
{
    private const string GuestNumber = "+351912345678";
    private const string HotelNumber = "+15005550006";
    private readonly string _accountSid = "AC" + Guid.NewGuid().ToString("N");
    private readonly string _authToken = "token-" + Guid.NewGuid().ToString("N");

    private async Task<MessagingHarness> ConnectedAsync(string? authToken = null)
    {
        var harness = await MessagingHarness.CreateAsync();
        await harness.ConnectAsync(IntegrationVendor.Twilio, new() { ["AccountSid"] = _accountSid, ["AuthToken"] = authToken ?? _authToken, ["FromNumber"] = HotelNumber });
        return harness;
    }

    private static Uri Url(MessagingHarness harness, string? authority = null) =>
        new($"https://{authority ?? "pms.example.test"}/webhooks/twilio/{harness.HotelId}");

    /// <summary>Twilio's scheme, by hand: base64(HMAC-SHA1(token, url + each field name and value, sorted by name)).</summary>
    private static string Sign(string token, string url, IReadOnlyDictionary<string, string> fields)
    {
        var data = new StringBuilder(url);
        foreach (var field in fields.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            data.Append(field.Key).Append(field.Value);
        }

#pragma warning disable CA5350 // Twilio's signature scheme is HMAC-SHA1; the test must compute what Twilio sends
        return Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(token), Encoding.UTF8.GetBytes(data.ToString())));
#pragma warning restore CA5350
    }

    private static string Form(IReadOnlyDictionary<string, string> fields) =>
        string.Join("&", fields.Select(f => Uri.EscapeDataString(f.Key) + "=" + Uri.EscapeDataString(f.Value)));

    private static WebhookRequest Request(Uri url, IReadOnlyDictionary<string, string> fields, string? signature) =>
        new(
            Form(fields),
            signature is null ? new Dictionary<string, string>() : new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { [TwilioWebhookVerifier.SignatureHeader] = signature },
            url,
            "application/x-www-form-urlencoded");

    private Dictionary<string, string> StatusCallback(string sid, string status, string? errorCode = null)
    {
        var fields = new Dictionary<string, string>
        {
            ["AccountSid"] = _accountSid,
            ["ApiVersion"] = "2010-04-01",
            ["From"] = HotelNumber,
            ["MessageSid"] = sid,
            ["MessageStatus"] = status,
            ["SmsSid"] = sid,
            ["SmsStatus"] = status,
            ["To"] = GuestNumber,
        };
        if (errorCode is not null)
        {
            fields["ErrorCode"] = errorCode;
        }

        return fields;
    }

    private Dictionary<string, string> Inbound(string sid, string from, string body) => new()
    {
        ["AccountSid"] = _accountSid,
        ["ApiVersion"] = "2010-04-01",
        ["Body"] = body,
        ["From"] = from,
        ["FromCountry"] = "PT",
        ["MessageSid"] = sid,
        ["NumMedia"] = "0",
        ["NumSegments"] = "1",
        ["SmsMessageSid"] = sid,
        ["SmsSid"] = sid,
        ["SmsStatus"] = "received",
        ["To"] = HotelNumber,
    };

    private static Task<WebhookVerification> VerifyAsync(MessagingHarness harness, WebhookRequest request) =>
        harness.Verifier(IntegrationVendor.Twilio).VerifyAsync(harness.HotelId, request, CancellationToken.None);

    /// <summary>What the webhook endpoint does with a signed request: verify, store once, then the processor applies it.</summary>
    private async Task<InboxOutcome> ReceiveAsync(MessagingHarness harness, Dictionary<string, string> fields)
    {
        var url = Url(harness);
        var verification = await VerifyAsync(harness, Request(url, fields, Sign(_authToken, url.AbsoluteUri, fields)));
        Assert.Equal(WebhookVerdict.Authentic, verification.Verdict);
        var e = Assert.Single(verification.Events);
        var outcome = await harness.Get<WebhookInbox>().StoreAsync(harness.HotelId, IntegrationVendor.Twilio, e.ExternalId, e.EventType, e.Payload, CancellationToken.None);
        await harness.RunInboxAsync();
        return outcome;
    }

    [Fact]
    public async Task TwiliosPublishedTestVectorIsAcceptedWithAndWithoutTheDefaultPort()
    {
        // Twilio's documented vector (token "12345"); a voice webhook, so it is authentic but not an SMS event.
        await using var harness = await ConnectedAsync(authToken: string.Concat(Enumerable.Range(1, 5)));
        var fields = new Dictionary<string, string>
        {
            ["CallSid"] = "CA1234567890ABCDE",
            ["Caller"] = "+12349013030",
            ["Digits"] = "1234",
            ["From"] = "+12349013030",
            ["To"] = "+18005551212",
        };
        const string Signature = "0/KCTR6DLpKmkAf8muzZqo1nDgQ=";

        var plain = await VerifyAsync(harness, Request(new Uri("https://mycompany.com/myapp.php?foo=1&bar=2"), fields, Signature));
        var withPort = await VerifyAsync(harness, Request(new Uri("https://mycompany.com:443/myapp.php?foo=1&bar=2"), fields, Signature));
        var wrongUrl = await VerifyAsync(harness, Request(new Uri("https://mycompany.com/myapp.php?foo=1&bar=3"), fields, Signature));

        Assert.Equal(WebhookVerdict.Malformed, plain.Verdict);
        Assert.Equal(WebhookVerdict.Malformed, withPort.Verdict);
        Assert.Equal(WebhookVerdict.Rejected, wrongUrl.Verdict);
    }

    [Fact]
    public async Task ASignedStatusCallbackIsOneEventPerSidAndStatus()
    {
        await using var harness = await ConnectedAsync();
        var fields = StatusCallback("SM0001", "delivered");
        var url = Url(harness);

        var verification = await VerifyAsync(harness, Request(url, fields, Sign(_authToken, url.AbsoluteUri, fields)));

        Assert.Equal(WebhookVerdict.Authentic, verification.Verdict);
        var e = Assert.Single(verification.Events);
        Assert.Equal("SM0001:delivered", e.ExternalId);
        Assert.Equal(TwilioWebhookVerifier.StatusEvent, e.EventType);
    }

    [Fact]
    public async Task ASignatureOverTheUrlWithTheDefaultPortIsAcceptedWithoutIt()
    {
        await using var harness = await ConnectedAsync();
        var fields = StatusCallback("SM0001", "sent");
        var signedWithPort = Sign(_authToken, Url(harness, "pms.example.test:443").OriginalString, fields);

        var verification = await VerifyAsync(harness, Request(Url(harness), fields, signedWithPort));

        Assert.Equal(WebhookVerdict.Authentic, verification.Verdict);
    }

    [Fact]
    public async Task ASignatureOverTheUrlWithoutThePortIsAcceptedWhenTheRequestNamesIt()
    {
        await using var harness = await ConnectedAsync();
        var fields = StatusCallback("SM0001", "sent");
        var signedWithoutPort = Sign(_authToken, Url(harness).AbsoluteUri, fields);

        var verification = await VerifyAsync(harness, Request(Url(harness, "pms.example.test:443"), fields, signedWithoutPort));

        Assert.Equal(WebhookVerdict.Authentic, verification.Verdict);
    }

    [Fact]
    public async Task ATamperedFieldIsRejected()
    {
        await using var harness = await ConnectedAsync();
        var fields = StatusCallback("SM0001", "undelivered");
        var url = Url(harness);
        var signature = Sign(_authToken, url.AbsoluteUri, fields);
        fields["MessageStatus"] = "delivered";

        var verification = await VerifyAsync(harness, Request(url, fields, signature));

        Assert.Equal(WebhookVerdict.Rejected, verification.Verdict);
    }

    [Fact]
    public async Task AnAddedFieldIsRejected()
    {
        await using var harness = await ConnectedAsync();
        var fields = StatusCallback("SM0001", "delivered");
        var url = Url(harness);
        var signature = Sign(_authToken, url.AbsoluteUri, fields);
        fields["ErrorCode"] = "30003";

        var verification = await VerifyAsync(harness, Request(url, fields, signature));

        Assert.Equal(WebhookVerdict.Rejected, verification.Verdict);
    }

    [Fact]
    public async Task ASignatureWithAnotherTokenIsRejected()
    {
        await using var harness = await ConnectedAsync();
        var fields = StatusCallback("SM0001", "delivered");
        var url = Url(harness);

        var verification = await VerifyAsync(harness, Request(url, fields, Sign("another-" + Guid.NewGuid().ToString("N"), url.AbsoluteUri, fields)));

        Assert.Equal(WebhookVerdict.Rejected, verification.Verdict);
    }

    [Fact]
    public async Task AMissingSignatureIsRejected()
    {
        await using var harness = await ConnectedAsync();

        var verification = await VerifyAsync(harness, Request(Url(harness), StatusCallback("SM0001", "delivered"), signature: null));

        Assert.Equal(WebhookVerdict.Rejected, verification.Verdict);
    }

    [Fact]
    public async Task TheSameStatusCallbackTwiceChangesTheStatusOnce()
    {
        await using var harness = await ConnectedAsync();
        var message = await SentSmsAsync(harness, "SM0002");

        Assert.Equal(InboxOutcome.Stored, await ReceiveAsync(harness, StatusCallback("SM0002", "delivered")));
        Assert.Equal(InboxOutcome.Duplicate, await ReceiveAsync(harness, StatusCallback("SM0002", "delivered")));
        await using (var db = harness.Hotel.Db())
        {
            // A replay of the stored event (a crash before it was marked done) changes nothing either.
            var stored = await db.InboxEvents.SingleAsync(e => e.ExternalId == "SM0002:delivered");
            await harness.Applier(IntegrationVendor.Twilio).HandleAsync(stored, CancellationToken.None);
        }

        var updated = await harness.MessageAsync(message.Id);
        Assert.Equal(DeliveryStatus.Delivered, updated.Status);
        Assert.Single(updated.StatusChanges, c => c.Status == DeliveryStatus.Delivered);
    }

    [Fact]
    public async Task CallbacksOutOfOrderEndDelivered()
    {
        await using var harness = await ConnectedAsync();
        var message = await SentSmsAsync(harness, "SM0003");

        await ReceiveAsync(harness, StatusCallback("SM0003", "delivered"));
        await ReceiveAsync(harness, StatusCallback("SM0003", "sent"));

        Assert.Equal(DeliveryStatus.Delivered, (await harness.MessageAsync(message.Id)).Status);
    }

    [Fact]
    public async Task AnUndeliveredCallbackRecordsTheErrorCode()
    {
        await using var harness = await ConnectedAsync();
        var message = await SentSmsAsync(harness, "SM0004");

        await ReceiveAsync(harness, StatusCallback("SM0004", "undelivered", errorCode: "30003"));

        var updated = await harness.MessageAsync(message.Id);
        Assert.Equal(DeliveryStatus.Undelivered, updated.Status);
        Assert.Contains("30003", updated.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AReplyIsStoredOnTheGuestWithThatNumber()
    {
        await using var harness = await ConnectedAsync();
        var sent = await SentSmsAsync(harness, "SM0005");

        await ReceiveAsync(harness, Inbound("SM-in-1", GuestNumber, "Can I check in early?"));

        await using var db = harness.Hotel.Db();
        var reply = await db.GuestMessages.SingleAsync(m => m.VendorMessageId == "SM-in-1");
        Assert.Equal(sent.GuestId, reply.GuestId);
        Assert.Equal(MessageDirection.Inbound, reply.Direction);
        Assert.Equal(DeliveryStatus.Received, reply.Status);
        Assert.Equal("Can I check in early?", reply.Body);
    }

    [Fact]
    public async Task AnSmsFromAnUnknownNumberIsKeptWithoutAGuest()
    {
        await using var harness = await ConnectedAsync();

        await ReceiveAsync(harness, Inbound("SM-in-2", "+447700900123", "Do you have parking?"));

        await using var db = harness.Hotel.Db();
        var message = await db.GuestMessages.SingleAsync();
        Assert.Null(message.GuestId);
        Assert.Equal("+447700900123", message.From);
    }

    [Theory]
    [InlineData("STOP")]
    [InlineData("stop")]
    [InlineData("Unsubscribe")]
    [InlineData("QUIT")]
    public async Task AGuestWhoRepliesStopIsNotTextedAgainUntilStart(string stopWord)
    {
        await using var harness = await ConnectedAsync();
        var sent = await SentSmsAsync(harness, "SM0006");
        var messaging = harness.Get<MessagingService>();

        await ReceiveAsync(harness, Inbound("SM-in-3", GuestNumber, stopWord));

        var refusal = await Assert.ThrowsAsync<RuleViolationException>(() =>
            messaging.SendAsync(sent.ReservationId!.Value, MessageTemplateKeys.DigitalKey, MessageChannel.Sms, null, CancellationToken.None));
        Assert.Contains("replied STOP", refusal.Message, StringComparison.Ordinal);

        // A new booking by the same number does not bring SMS back either.
        var again = await harness.BookAsync("Grace Hopper", phone: GuestNumber);
        await Assert.ThrowsAsync<RuleViolationException>(() =>
            messaging.SendAsync(again.Id, MessageTemplateKeys.CheckInLink, MessageChannel.Sms, null, CancellationToken.None));

        await ReceiveAsync(harness, Inbound("SM-in-4", GuestNumber, "START"));
        var resumed = await messaging.SendAsync(sent.ReservationId!.Value, MessageTemplateKeys.DigitalKey, MessageChannel.Sms, null, CancellationToken.None);
        Assert.Equal(DeliveryStatus.Queued, resumed.Status);
    }

    [Fact]
    public async Task AStopReceivedAfterQueuingStopsTheQueuedSms()
    {
        await using var harness = await ConnectedAsync();
        var sent = await SentSmsAsync(harness, "SM0007");
        var queued = await harness.Get<MessagingService>().SendAsync(sent.ReservationId!.Value, MessageTemplateKeys.DigitalKey, MessageChannel.Sms, null, CancellationToken.None);

        await ReceiveAsync(harness, Inbound("SM-in-5", GuestNumber, "STOP"));
        await harness.RunOutboxAsync();

        var refused = await harness.MessageAsync(queued.Id);
        Assert.Equal(DeliveryStatus.Failed, refused.Status);
        Assert.Contains("STOP", refused.Error, StringComparison.Ordinal);
        Assert.Single(harness.Server.LogEntries);
    }

    /// <summary>Books a guest with a mobile number and lets Twilio accept a check-in link SMS as <paramref name="sid"/>.</summary>
    private async Task<GuestMessage> SentSmsAsync(MessagingHarness harness, string sid)
    {
        harness.Server.Given(global::WireMock.RequestBuilders.Request.Create().WithPath($"/2010-04-01/Accounts/{_accountSid}/Messages.json").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(201).WithHeader("Content-Type", "application/json").WithBody($$"""{"sid":"{{sid}}","status":"queued"}"""));
        var reservation = await harness.BookAsync("Grace Hopper", phone: GuestNumber);
        var queued = await harness.Get<MessagingService>().SendAsync(reservation.Id, MessageTemplateKeys.CheckInLink, MessageChannel.Sms, null, CancellationToken.None);
        await harness.RunOutboxAsync();
        var message = await harness.MessageAsync(queued.Id);
        Assert.Equal(sid, message.VendorMessageId);
        return message;
    }
}
