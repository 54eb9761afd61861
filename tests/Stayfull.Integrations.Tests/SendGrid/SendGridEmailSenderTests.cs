using System.Net;
using System.Text.Json;
using Stayfull.Domain.Integrations;
using Stayfull.Domain.Messaging;
using Stayfull.Integrations.SendGrid;
using Stayfull.Integrations.Tests.Messaging;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Stayfull.Integrations.Tests.SendGrid;

public sealed class SendGridEmailSenderTests
{
    private static readonly string ApiKey = "test-key-" + Guid.NewGuid().ToString("N");

    private static async Task<MessagingHarness> ConnectedAsync(TimeSpan? timeout = null)
    {
        var harness = await MessagingHarness.CreateAsync(timeout);
        await harness.ConnectAsync(IntegrationVendor.SendGrid, new()
        {
            ["ApiKey"] = ApiKey,
            ["FromEmail"] = "frontdesk@hotel.example",
            ["WebhookPublicKey"] = "unused-here",
        });
        return harness;
    }

    private static void MailSendAnswers(MessagingHarness harness, Func<IResponseBuilder, IResponseBuilder> response) =>
        harness.Server.Given(Request.Create().WithPath("/v3/mail/send").UsingPost()).RespondWith(response(Response.Create()));

    [Fact]
    public async Task BookingConfirmationIsPostedToMailSendWithBearerKeyAndOurIdAsCustomArg()
    {
        await using var harness = await ConnectedAsync();
        MailSendAnswers(harness, r => r.WithStatusCode(202).WithHeader("X-Message-Id", "sg-abc123"));

        var reservation = await harness.BookAsync("Ada <Lovelace>", email: "ada@guest.example");
        Assert.Equal(1, await harness.RunOutboxAsync());

        var message = await harness.OnlyMessageAsync(reservation.Id);
        var request = Assert.Single(harness.Server.LogEntries).RequestMessage;
        Assert.Equal("POST", request.Method);
        Assert.Equal("/v3/mail/send", request.Path);
        Assert.Equal($"Bearer {ApiKey}", request.Headers!["Authorization"].Single());
        Assert.StartsWith("application/json", request.Headers["Content-Type"].Single(), StringComparison.Ordinal);

        using var body = JsonDocument.Parse(request.Body!);
        var root = body.RootElement;
        Assert.Equal("frontdesk@hotel.example", root.GetProperty("from").GetProperty("email").GetString());
        Assert.Equal(harness.Hotel.Hotel.Name, root.GetProperty("from").GetProperty("name").GetString());
        var personalization = root.GetProperty("personalizations")[0];
        Assert.Equal("ada@guest.example", personalization.GetProperty("to")[0].GetProperty("email").GetString());
        Assert.Contains(reservation.ConfirmationCode, personalization.GetProperty("subject").GetString(), StringComparison.Ordinal);
        var content = root.GetProperty("content").EnumerateArray().ToDictionary(c => c.GetProperty("type").GetString()!, c => c.GetProperty("value").GetString()!);
        Assert.Contains("Dear Ada <Lovelace>", content["text/plain"], StringComparison.Ordinal);
        Assert.Contains("Dear Ada &lt;Lovelace&gt;", content["text/html"], StringComparison.Ordinal);
        var customArgs = root.GetProperty("custom_args");
        Assert.Equal(message.Id.ToString(), customArgs.GetProperty(SendGridEmailSender.MessageIdArg).GetString());
        Assert.DoesNotContain("ada@guest.example", customArgs.GetRawText(), StringComparison.Ordinal);

        Assert.Equal("sg-abc123", message.VendorMessageId);
        Assert.Equal(DeliveryStatus.Sent, message.Status);
        Assert.False(message.IsDemo);
        var outbox = await harness.OutboxAsync(message.Id);
        Assert.Equal(WorkStatus.Done, outbox.Status);
        Assert.Equal($"msg-{reservation.Id}-{MessageTemplateKeys.BookingConfirmation}-email", outbox.IdempotencyKey);
        var log = Assert.Single(await harness.LogAsync(), e => e.Operation == "SendEmail");
        Assert.True(log.Succeeded);
        Assert.DoesNotContain(ApiKey, log.Summary, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(401)]
    [InlineData(403)]
    [InlineData(413)]
    public async Task RefusalsAreParkedAsFailedWithSendGridsErrorMessage(int status)
    {
        await using var harness = await ConnectedAsync();
        MailSendAnswers(harness, r => r.WithStatusCode(status).WithHeader("Content-Type", "application/json")
            .WithBody("""{"errors":[{"message":"The from address does not match a verified Sender Identity.","field":"from","help":null}]}"""));

        var reservation = await harness.BookAsync(email: "ada@guest.example");
        await harness.RunOutboxAsync();

        var message = await harness.OnlyMessageAsync(reservation.Id);
        Assert.Equal(DeliveryStatus.Failed, message.Status);
        Assert.Contains("verified Sender Identity", message.Error, StringComparison.Ordinal);
        var outbox = await harness.OutboxAsync(message.Id);
        Assert.Equal(WorkStatus.Failed, outbox.Status);
        Assert.Equal(1, outbox.Attempts);
        Assert.Single(harness.Server.LogEntries);
    }

    [Theory]
    [InlineData(429)]
    [InlineData(500)]
    [InlineData(503)]
    public async Task RateLimitsAndServerErrorsAreRetriedNoSoonerThanRetryAfter(int status)
    {
        await using var harness = await ConnectedAsync();
        MailSendAnswers(harness, r => r.WithStatusCode(status).WithHeader("Retry-After", "120").WithBody("""{"errors":[{"message":"too many requests"}]}"""));

        var reservation = await harness.BookAsync(email: "ada@guest.example");
        await harness.RunOutboxAsync();

        var message = await harness.OnlyMessageAsync(reservation.Id);
        Assert.Equal(DeliveryStatus.Queued, message.Status);
        var outbox = await harness.OutboxAsync(message.Id);
        Assert.Equal(WorkStatus.Pending, outbox.Status);
        Assert.Equal(1, outbox.Attempts);
        Assert.True(outbox.NextAttemptAt >= harness.Hotel.Time.GetUtcNow().AddSeconds(120), $"Next attempt {outbox.NextAttemptAt} ignores Retry-After.");

        // Once SendGrid recovers, the retry sends it.
        harness.Server.Reset();
        MailSendAnswers(harness, r => r.WithStatusCode(202).WithHeader("X-Message-Id", "sg-later"));
        harness.Hotel.Time.Advance(TimeSpan.FromMinutes(5));
        await harness.RunOutboxAsync();
        Assert.Equal("sg-later", (await harness.MessageAsync(message.Id)).VendorMessageId);
    }

    [Fact]
    public async Task ATimeoutIsTransient()
    {
        await using var harness = await ConnectedAsync(TimeSpan.FromMilliseconds(300));
        MailSendAnswers(harness, r => r.WithStatusCode(202).WithHeader("X-Message-Id", "too-late").WithDelay(TimeSpan.FromSeconds(3)));
        var email = new OutgoingEmail(harness.HotelId, Guid.NewGuid(), "ada@guest.example", "Ada", "Hotel", "Subject", "Text", "<p>Html</p>");

        var result = await harness.Get<SendGridEmailSender>().SendAsync(email, CancellationToken.None);

        var transient = Assert.IsType<SendResult.TransientFailure>(result);
        Assert.Contains("in time", transient.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutCredentialsTheDemoRecordsTheEmailAsDeliveredAndSendsNothing()
    {
        await using var harness = await MessagingHarness.CreateAsync();

        var reservation = await harness.BookAsync(email: "ada@guest.example");
        await harness.RunOutboxAsync();

        var message = await harness.OnlyMessageAsync(reservation.Id);
        Assert.Null((await harness.OutboxAsync(message.Id)).LastError);
        Assert.Equal(DeliveryStatus.Delivered, message.Status);
        Assert.True(message.IsDemo);
        Assert.Empty(harness.Server.LogEntries);
        var log = Assert.Single(await harness.LogAsync(), e => e.Vendor == IntegrationVendor.SendGrid);
        Assert.True(log.IsDemo);
    }

    [Fact]
    public async Task ConnectionTestCallsScopesWithTheKey()
    {
        await using var harness = await ConnectedAsync();
        harness.Server.Given(Request.Create().WithPath("/v3/scopes").UsingGet()).RespondWith(Response.Create().WithStatusCode(200).WithBody("""{"scopes":["mail.send"]}"""));

        var result = await harness.Get<IntegrationSettingsService>().TestAsync(IntegrationVendor.SendGrid, CancellationToken.None);

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal($"Bearer {ApiKey}", Assert.Single(harness.Server.LogEntries).RequestMessage.Headers!["Authorization"].Single());
    }

    [Fact]
    public async Task ConnectionTestReportsARejectedKey()
    {
        await using var harness = await ConnectedAsync();
        harness.Server.Given(Request.Create().WithPath("/v3/scopes").UsingGet())
            .RespondWith(Response.Create().WithStatusCode((int)HttpStatusCode.Unauthorized).WithBody("""{"errors":[{"field":null,"message":"authorization required"}]}"""));

        var result = await harness.Get<IntegrationSettingsService>().TestAsync(IntegrationVendor.SendGrid, CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Contains("authorization required", result.Message, StringComparison.Ordinal);
    }
}
