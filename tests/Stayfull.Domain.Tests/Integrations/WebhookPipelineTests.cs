using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stayfull.Domain.Integrations;
using Stayfull.Domain.Live;

namespace Stayfull.Domain.Tests.Integrations;

public sealed class WebhookPipelineTests
{
    [Fact]
    public async Task ARedeliveredEventIsStoredOnceAndAppliedOnce()
    {
        await using var hotel = await PipelineHotel.CreateAsync();

        Assert.Equal(InboxOutcome.Stored, await hotel.DeliverAsync("evt_1", RecordingApplier.Payload("pi_1", 1, "succeeded")));
        Assert.Equal(InboxOutcome.Duplicate, await hotel.DeliverAsync("evt_1", RecordingApplier.Payload("pi_1", 1, "succeeded")));
        await hotel.ProcessInboxAsync();
        Assert.Equal(InboxOutcome.Duplicate, await hotel.DeliverAsync("evt_1", RecordingApplier.Payload("pi_1", 1, "succeeded")));
        await hotel.ProcessInboxAsync();

        await using var db = hotel.Db();
        Assert.Equal(1, await db.InboxEvents.CountAsync());
        Assert.Equal(["evt_1"], hotel.Applier().Applied);
    }

    [Fact]
    public async Task TwentyConcurrentDeliveriesOfOneEventAreStoredOnceAndAppliedOnce()
    {
        await using var hotel = await PipelineHotel.CreateAsync();
        using var start = new ManualResetEventSlim();

        var deliveries = Enumerable.Range(0, 20).Select(_ => Task.Run(() =>
        {
            start.Wait();
            return hotel.DeliverAsync("evt_same", RecordingApplier.Payload("pi_1", 1, "succeeded"));
        })).ToList();
        start.Set();
        var outcomes = await Task.WhenAll(deliveries);
        await hotel.ProcessInboxAsync();
        await hotel.ProcessInboxAsync();

        Assert.Equal(1, outcomes.Count(o => o == InboxOutcome.Stored));
        Assert.Equal(19, outcomes.Count(o => o == InboxOutcome.Duplicate));
        await using var db = hotel.Db();
        Assert.Equal(1, await db.InboxEvents.CountAsync());
        Assert.Equal(["evt_same"], hotel.Applier().Applied);
    }

    [Fact]
    public async Task EventsProcessedOutOfOrderEndInTheSameStateAsInOrder()
    {
        await using var hotel = await PipelineHotel.CreateAsync();
        string[] statuses = ["requires_capture", "processing", "succeeded", "refunded"];

        // pi_a's events arrive in the order they happened, pi_b's in reverse; each is processed in arrival order.
        for (var i = 0; i < statuses.Length; i++)
        {
            await hotel.DeliverAsync($"evt_a{i}", RecordingApplier.Payload("pi_a", i + 1, statuses[i]));
            hotel.Time.Advance(TimeSpan.FromMilliseconds(10));
        }

        for (var i = statuses.Length - 1; i >= 0; i--)
        {
            await hotel.DeliverAsync($"evt_b{i}", RecordingApplier.Payload("pi_b", i + 1, statuses[i]));
            hotel.Time.Advance(TimeSpan.FromMilliseconds(10));
        }

        await hotel.ProcessInboxAsync();

        var applier = hotel.Applier();
        Assert.Equal(["evt_a0", "evt_a1", "evt_a2", "evt_a3", "evt_b3", "evt_b2", "evt_b1", "evt_b0"], applier.Applied);
        Assert.Equal("refunded", applier.StatusOf("pi_a"));
        Assert.Equal(applier.StatusOf("pi_a"), applier.StatusOf("pi_b"));
    }

    [Fact]
    public async Task AnEventStoredBeforeACrashIsProcessedOnceAfterRestart()
    {
        var first = await PipelineHotel.CreateAsync();
        await first.DeliverAsync("evt_crash", RecordingApplier.Payload("pi_1", 1, "succeeded"));
        var firstApplier = first.Applier();

        // The process dies after acknowledging and before processing: nothing of it survives but the file.
        await first.Services.DisposeAsync();

        await using var restarted = await PipelineHotel.CreateAsync(first.DatabaseFile);
        Assert.Equal(1, await restarted.ProcessInboxAsync());
        Assert.Equal(0, await restarted.ProcessInboxAsync());

        Assert.Empty(firstApplier.Applied);
        Assert.Equal(["evt_crash"], restarted.Applier().Applied);
        await using var db = restarted.Services.GetRequiredService<Stayfull.Domain.Data.StayfullDb>().ForHotel(first.HotelId);
        Assert.Equal(WorkStatus.Done, (await db.InboxEvents.SingleAsync()).Status);
        await first.DisposeAsync();
    }

    [Fact]
    public async Task AnEventClaimedByAProcessorThatDiedIsTakenAgainWhenItsClaimExpires()
    {
        await using var hotel = await PipelineHotel.CreateAsync();
        await hotel.DeliverAsync("evt_claimed", RecordingApplier.Payload("pi_1", 1, "succeeded"));
        await using (var db = hotel.Db())
        {
            // Another instance claimed it for two minutes and then died.
            (await db.InboxEvents.SingleAsync()).Claim(hotel.Time.GetUtcNow() + TimeSpan.FromMinutes(2));
            await db.SaveChangesAsync();
        }

        Assert.Equal(0, await hotel.ProcessInboxAsync());
        hotel.Time.Advance(TimeSpan.FromMinutes(2) + TimeSpan.FromSeconds(1));
        Assert.Equal(1, await hotel.ProcessInboxAsync());

        Assert.Equal(["evt_claimed"], hotel.Applier().Applied);
    }

    [Fact]
    public async Task AFailingEventIsRetriedWithGrowingDelaysThenParkedAnnouncedAndRetriedByStaff()
    {
        await using var hotel = await PipelineHotel.CreateAsync();
        var applier = hotel.Applier();
        applier.Failing = true;
        await hotel.DeliverAsync("evt_fail", RecordingApplier.Payload("pi_1", 1, "succeeded"));
        var delays = new List<TimeSpan>();

        for (var attempt = 1; attempt <= RetrySchedule.MaxAttempts; attempt++)
        {
            Assert.Equal(1, await hotel.ProcessInboxAsync());
            await using var db = hotel.Db();
            var stored = await db.InboxEvents.SingleAsync();
            Assert.Equal(attempt, stored.Attempts);
            if (attempt == RetrySchedule.MaxAttempts)
            {
                Assert.Equal(WorkStatus.Failed, stored.Status);
                break;
            }

            Assert.Equal(WorkStatus.Pending, stored.Status);
            var delay = stored.NextAttemptAt - hotel.Time.GetUtcNow();
            Assert.InRange(delay, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2 * Math.Pow(2, attempt - 1)));
            delays.Add(delay);

            // Not a moment before its time.
            hotel.Time.Advance(delay - TimeSpan.FromMilliseconds(1));
            Assert.Equal(0, await hotel.ProcessInboxAsync());
            hotel.Time.Advance(TimeSpan.FromMilliseconds(1));
        }

        // Full jitter picks each delay inside a window that doubles: late attempts wait longer than the first window allows.
        Assert.True(delays.Skip(4).Max() > TimeSpan.FromSeconds(2), $"delays: {string.Join(", ", delays)}");
        hotel.Time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, await hotel.ProcessInboxAsync());

        Guid eventId;
        await using (var db = hotel.Db())
        {
            eventId = (await db.InboxEvents.SingleAsync()).Id;
        }

        var announced = Assert.Single(hotel.Published.Changes, c => c.Topic == ChangeTopic.IntegrationFailure);
        Assert.Equal(eventId, announced.EntityId);
        Assert.Equal(hotel.HotelId, announced.HotelId);

        applier.Failing = false;
        await hotel.Get<IntegrationSettingsService>().RetryAsync(eventId, CancellationToken.None);
        await using (var db = hotel.Db())
        {
            var requeued = await db.InboxEvents.SingleAsync();
            Assert.Equal(WorkStatus.Pending, requeued.Status);
            Assert.Equal(0, requeued.Attempts);
        }

        Assert.Equal(1, await hotel.ProcessInboxAsync());
        await using (var db = hotel.Db())
        {
            Assert.Equal(WorkStatus.Done, (await db.InboxEvents.SingleAsync()).Status);
        }

        Assert.Equal(["evt_fail"], applier.Applied);
    }

    [Fact]
    public async Task TwoProcessorsClaimingAtOnceNeverProcessOneEventTwice()
    {
        await using var hotel = await PipelineHotel.CreateAsync();
        var ids = Enumerable.Range(0, 40).Select(i => $"evt_{i:00}").ToList();
        foreach (var id in ids)
        {
            await hotel.DeliverAsync(id, RecordingApplier.Payload("pi_" + id, 1, "succeeded"));
        }

        // Two instances, as two web processes over one database would run them.
        var one = ActivatorUtilities.CreateInstance<InboxProcessor>(hotel.Services);
        var two = ActivatorUtilities.CreateInstance<InboxProcessor>(hotel.Services);
        var taken = await Task.WhenAll(Task.Run(() => DrainAsync(one)), Task.Run(() => DrainAsync(two)));

        Assert.Equal(ids.Count, taken.Sum());
        Assert.Equal(ids, hotel.Applier().Applied.Order(StringComparer.Ordinal));
        await using var db = hotel.Db();
        Assert.All(await db.InboxEvents.ToListAsync(), e => Assert.Equal(WorkStatus.Done, e.Status));
    }

    private static async Task<int> DrainAsync(InboxProcessor processor)
    {
        var total = 0;
        int taken;
        while ((taken = await processor.ProcessDueAsync(3, CancellationToken.None)) > 0)
        {
            total += taken;
        }

        return total;
    }
}
