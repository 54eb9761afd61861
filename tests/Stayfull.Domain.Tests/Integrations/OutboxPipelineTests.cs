using Microsoft.EntityFrameworkCore;
using Stayfull.Domain.Integrations;
using Stayfull.Domain.Live;
using Stayfull.Domain.Sessions;
using Stayfull.Tests.Support;

namespace Stayfull.Domain.Tests.Integrations;

public sealed class OutboxPipelineTests
{
    [Fact]
    public async Task ATransientFailureWithRetryAfterIsNotRetriedBeforeIt()
    {
        await using var hotel = await PipelineHotel.CreateAsync();
        var dispatcher = hotel.Dispatcher();
        dispatcher.Then(DispatchResult.Transient("429 Too Many Requests", TimeSpan.FromMinutes(10)));
        await EnqueueSmsAsync(hotel, "sms-1");

        Assert.Equal(1, await hotel.ProcessOutboxAsync());
        hotel.Time.Advance(TimeSpan.FromMinutes(10) - TimeSpan.FromSeconds(1));
        Assert.Equal(0, await hotel.ProcessOutboxAsync());
        Assert.Single(dispatcher.Calls);

        hotel.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, await hotel.ProcessOutboxAsync());

        Assert.Equal(["sms-1", "sms-1"], dispatcher.Calls);
        await using var db = hotel.Db();
        var message = await db.OutboxMessages.SingleAsync();
        Assert.Equal(WorkStatus.Done, message.Status);
        Assert.Equal(2, message.Attempts);
        Assert.DoesNotContain(hotel.Published.Changes, c => c.Topic == ChangeTopic.IntegrationFailure);
    }

    [Fact]
    public async Task APermanentRefusalIsParkedAtOnceAnnouncedAndRetriedOnlyByStaff()
    {
        await using var hotel = await PipelineHotel.CreateAsync();
        var dispatcher = hotel.Dispatcher();
        dispatcher.Then(DispatchResult.Permanent("21211: invalid 'To' phone number"));
        var id = await EnqueueSmsAsync(hotel, "sms-2");

        Assert.Equal(1, await hotel.ProcessOutboxAsync());
        hotel.Time.Advance(TimeSpan.FromHours(2));
        Assert.Equal(0, await hotel.ProcessOutboxAsync());

        Assert.Single(dispatcher.Calls);
        await using (var db = hotel.Db())
        {
            var parked = await db.OutboxMessages.SingleAsync();
            Assert.Equal(WorkStatus.Failed, parked.Status);
            Assert.Equal(1, parked.Attempts);
        }

        var announced = Assert.Single(hotel.Published.Changes, c => c.Topic == ChangeTopic.IntegrationFailure);
        Assert.Equal(id, announced.EntityId);
        var failed = Assert.Single(await hotel.Get<IntegrationSettingsService>().FailedWorkAsync(CancellationToken.None));
        Assert.False(failed.IsWebhook);

        await hotel.Get<IntegrationSettingsService>().RetryAsync(id, CancellationToken.None);
        Assert.Equal(1, await hotel.ProcessOutboxAsync());
        Assert.Equal(["sms-2", "sms-2"], dispatcher.Calls);
        Assert.Empty(await hotel.Get<IntegrationSettingsService>().FailedWorkAsync(CancellationToken.None));
    }

    [Fact]
    public async Task TransientFailuresThatNeverEndAreParkedAfterTheLastAttempt()
    {
        await using var hotel = await PipelineHotel.CreateAsync();
        var dispatcher = hotel.Dispatcher();
        for (var i = 0; i < RetrySchedule.MaxAttempts + 2; i++)
        {
            dispatcher.Then(DispatchResult.Transient("503 Service Unavailable"));
        }

        await EnqueueSmsAsync(hotel, "sms-3");
        for (var attempt = 1; attempt <= RetrySchedule.MaxAttempts + 2; attempt++)
        {
            await hotel.ProcessOutboxAsync();
            hotel.Time.Advance(TimeSpan.FromMinutes(31));
        }

        Assert.Equal(RetrySchedule.MaxAttempts, dispatcher.Calls.Count);
        await using var db = hotel.Db();
        Assert.Equal(WorkStatus.Failed, (await db.OutboxMessages.SingleAsync()).Status);
    }

    private static async Task<Guid> EnqueueSmsAsync(TestHotel hotel, string key) =>
        await hotel.Get<HotelSessions>().WriteAsync(
            async s => (await Outbox.EnqueueAsync(s, IntegrationVendor.Twilio, "SendSms", new { To = "+351910000000", Body = "Your room is ready" }, key, CancellationToken.None)).Id,
            CancellationToken.None);
}
