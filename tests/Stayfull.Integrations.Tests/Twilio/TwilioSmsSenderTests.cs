using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Stayfull.Domain.Common;
using Stayfull.Domain.Integrations;
using Stayfull.Domain.Messaging;
using Stayfull.Domain.Reservations;
using Stayfull.Integrations.Tests.Messaging;
using Stayfull.Integrations.Twilio;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Stayfull.Integrations.Tests.Twilio;

public sealed class TwilioSmsSenderTests
{
    private const string GuestNumber = "+351912345678";
    private const string HotelNumber = "+15005550006";
    private readonly string _accountSid = "AC" + Guid.NewGuid().ToString("N");
    private readonly string _authToken = "token-" + Guid.NewGuid().ToString("N");

    private string MessagesPath => $"/2010-04-01/Accounts/{_accountSid}/Messages.json";

    private async Task<MessagingHarness> ConnectedAsync(TimeSpan? timeout = null)
    {
        var harness = await MessagingHarness.CreateAsync(timeout);
        await harness.ConnectAsync(IntegrationVendor.Twilio, new() { ["AccountSid"] = _accountSid, ["AuthToken"] = _authToken, ["FromNumber"] = HotelNumber });
        return harness;
    }

    private void MessagesAnswer(MessagingHarness harness, int status, string body, string? retryAfter = null, TimeSpan? delay = null)
    {
        var response = Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBody(body);
        if (retryAfter is not null)
        {
            response = response.WithHeader("Retry-After", retryAfter);
        }

        if (delay is { } wait)
        {
            response = response.WithDelay(wait);
        }

        harness.Server.Given(Request.Create().WithPath(MessagesPath).UsingPost()).RespondWith(response);
    }

    private static string Created(string sid) =>
        $$"""{"sid":"{{sid}}","status":"queued","to":"{{GuestNumber}}","from":"{{HotelNumber}}","body":"hi","direction":"outbound-api","num_segments":"1","error_code":null,"error_message":null,"date_created":"Tue, 24 Nov 2026 12:00:00 +0000"}""";

    private static string Error(int code, string message, int status) =>
        $$"""{"code":{{code}},"message":"{{message}}","more_info":"https://www.twilio.com/docs/errors/{{code}}","status":{{status}}}""";

    private static async Task<(Reservation Reservation, GuestMessage Message)> QueueSmsAsync(MessagingHarness harness)
    {
        var reservation = await harness.BookAsync("Grace Hopper", phone: "+351 912-345 678");
        var message = await harness.Get<MessagingService>().SendAsync(reservation.Id, MessageTemplateKeys.CheckInLink, MessageChannel.Sms, new TemplateExtras(CheckInLink: "https://pms.example.test/c/1"), CancellationToken.None);
        return (reservation, message);
    }

    [Fact]
    public async Task AnSmsIsAFormPostToMessagesJsonWithBasicAuthAndOurStatusCallback()
    {
        await using var harness = await ConnectedAsync();
        MessagesAnswer(harness, 201, Created("SM0001"));
        var (_, queued) = await QueueSmsAsync(harness);

        await harness.RunOutboxAsync();

        var request = Assert.Single(harness.Server.LogEntries).RequestMessage;
        Assert.Equal("POST", request.Method);
        Assert.Equal(MessagesPath, request.Path);
        var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{_accountSid}:{_authToken}"));
        Assert.Equal($"Basic {basic}", request.Headers!["Authorization"].Single());
        Assert.StartsWith("application/x-www-form-urlencoded", request.Headers["Content-Type"].Single(), StringComparison.Ordinal);
        var form = QueryHelpers.ParseQuery(request.Body);
        Assert.Equal(GuestNumber, form["To"].ToString());
        Assert.Equal(HotelNumber, form["From"].ToString());
        Assert.Contains("https://pms.example.test/c/1", form["Body"].ToString(), StringComparison.Ordinal);
        Assert.Equal($"{MessagingHarness.PublicBaseUrl}/webhooks/twilio/{harness.HotelId}", form["StatusCallback"].ToString());

        var message = await harness.MessageAsync(queued.Id);
        Assert.Equal("SM0001", message.VendorMessageId);
        Assert.Equal(DeliveryStatus.Sent, message.Status);
        Assert.Equal(GuestNumber, message.To);
        var log = Assert.Single(await harness.LogAsync(), e => e.Operation == "SendSms");
        Assert.True(log.Succeeded);
        Assert.DoesNotContain(_authToken, log.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARefusalIsParkedWithTwiliosCodeAndMoreInfo()
    {
        await using var harness = await ConnectedAsync();
        MessagesAnswer(harness, 400, Error(21211, "The 'To' number is not a valid phone number.", 400));
        var (_, queued) = await QueueSmsAsync(harness);

        await harness.RunOutboxAsync();

        var message = await harness.MessageAsync(queued.Id);
        Assert.Equal(DeliveryStatus.Failed, message.Status);
        Assert.Contains("21211", message.Error, StringComparison.Ordinal);
        Assert.Contains("https://www.twilio.com/docs/errors/21211", message.Error, StringComparison.Ordinal);
        Assert.Equal(WorkStatus.Failed, (await harness.OutboxAsync(queued.Id)).Status);
    }

    [Fact]
    public async Task AnUnsubscribedRecipientIsRefusedAndNotMessagedAgain()
    {
        await using var harness = await ConnectedAsync();
        MessagesAnswer(harness, 400, Error(21610, "Attempt to send to unsubscribed recipient", 400));
        var (reservation, queued) = await QueueSmsAsync(harness);

        await harness.RunOutboxAsync();

        Assert.Equal(DeliveryStatus.Failed, (await harness.MessageAsync(queued.Id)).Status);
        var refusal = await Assert.ThrowsAsync<RuleViolationException>(() =>
            harness.Get<MessagingService>().SendAsync(reservation.Id, MessageTemplateKeys.DigitalKey, MessageChannel.Sms, null, CancellationToken.None));
        Assert.Contains("STOP", refusal.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(429, 20429)]
    [InlineData(500, 20500)]
    [InlineData(503, 20503)]
    public async Task RateLimitsAndServerErrorsAreRetriedNoSoonerThanRetryAfter(int status, int code)
    {
        await using var harness = await ConnectedAsync();
        MessagesAnswer(harness, status, Error(code, "Too many requests", status), retryAfter: "90");
        var (_, queued) = await QueueSmsAsync(harness);

        await harness.RunOutboxAsync();

        var outbox = await harness.OutboxAsync(queued.Id);
        Assert.Equal(WorkStatus.Pending, outbox.Status);
        Assert.Equal(1, outbox.Attempts);
        Assert.True(outbox.NextAttemptAt >= harness.Hotel.Time.GetUtcNow().AddSeconds(90), $"Next attempt {outbox.NextAttemptAt} ignores Retry-After.");
        Assert.Equal(DeliveryStatus.Queued, (await harness.MessageAsync(queued.Id)).Status);
    }

    [Fact]
    public async Task ATimeoutIsTransient()
    {
        await using var harness = await ConnectedAsync(TimeSpan.FromMilliseconds(300));
        MessagesAnswer(harness, 201, Created("SM-late"), delay: TimeSpan.FromSeconds(3));

        var result = await harness.Get<TwilioSmsSender>().SendAsync(new OutgoingSms(harness.HotelId, Guid.NewGuid(), GuestNumber, "hi"), CancellationToken.None);

        Assert.IsType<SendResult.TransientFailure>(result);
    }

    [Fact]
    public async Task WithoutCredentialsTheDemoRecordsTheSmsAsDeliveredAndSendsNothing()
    {
        await using var harness = await MessagingHarness.CreateAsync();
        var (_, queued) = await QueueSmsAsync(harness);

        await harness.RunOutboxAsync();

        var message = await harness.MessageAsync(queued.Id);
        Assert.Equal(DeliveryStatus.Delivered, message.Status);
        Assert.True(message.IsDemo);
        Assert.Empty(harness.Server.LogEntries);
        Assert.True(Assert.Single(await harness.LogAsync(), e => e.Vendor == IntegrationVendor.Twilio).IsDemo);
    }

    [Fact]
    public async Task ConnectionTestFetchesTheAccount()
    {
        await using var harness = await ConnectedAsync();
        harness.Server.Given(Request.Create().WithPath($"/2010-04-01/Accounts/{_accountSid}.json").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody($$"""{"sid":"{{_accountSid}}","status":"active","friendly_name":"Test"}"""));

        var result = await harness.Get<IntegrationSettingsService>().TestAsync(IntegrationVendor.Twilio, CancellationToken.None);

        Assert.True(result.Succeeded, result.Message);
        Assert.Contains("active", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConnectionTestReportsWrongCredentials()
    {
        await using var harness = await ConnectedAsync();
        harness.Server.Given(Request.Create().WithPath($"/2010-04-01/Accounts/{_accountSid}.json").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(401).WithHeader("Content-Type", "application/json").WithBody(Error(20003, "Authenticate", 401)));

        var result = await harness.Get<IntegrationSettingsService>().TestAsync(IntegrationVendor.Twilio, CancellationToken.None);

        Assert.False(result.Succeeded);
    }

    [Fact]
    public async Task AGuestWithoutACountryCodeCannotBeTextedAndIsToldWhy()
    {
        await using var harness = await ConnectedAsync();
        var reservation = await harness.BookAsync("Local Guest", phone: "912 345 678");

        var refusal = await Assert.ThrowsAsync<RuleViolationException>(() =>
            harness.Get<MessagingService>().SendAsync(reservation.Id, MessageTemplateKeys.CheckInLink, MessageChannel.Sms, null, CancellationToken.None));

        Assert.Contains("country code", refusal.Message, StringComparison.Ordinal);
        await using var db = harness.Hotel.Db();
        Assert.False(await db.GuestMessages.AnyAsync());
    }
}
