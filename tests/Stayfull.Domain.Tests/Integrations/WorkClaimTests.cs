using Microsoft.EntityFrameworkCore;
using Stayfull.Domain.Data;
using Stayfull.Domain.Integrations;
using Stayfull.Domain.Sessions;
using Stayfull.Tests.Support;

namespace Stayfull.Domain.Tests.Integrations;

/// <summary>
/// A processor claims a batch and works through it one item after another. When a vendor is slow, the claim
/// on the items at the back of the batch can run out while the first ones are still being sent, and another
/// instance takes them over; the first instance must then leave them alone instead of sending them again.
/// </summary>
public sealed class WorkClaimTests
{
    private static readonly TimeSpan SlowVendorCall = TimeSpan.FromSeconds(50);

    [Fact]
    public async Task WorkAnotherInstanceTookOverAfterTheClaimRanOutIsSentOnce()
    {
        await using var hotel = await PipelineHotel.CreateAsync();
        for (var i = 1; i <= 4; i++)
        {
            await EnqueueSmsAsync(hotel, $"sms-{i}");
            hotel.Time.Advance(TimeSpan.FromSeconds(1));
        }

        var dispatcher = hotel.Dispatcher();
        var takenOverByTheOtherInstance = 0;
        dispatcher.During = async message =>
        {
            hotel.Time.Advance(SlowVendorCall);
            if (message.IdempotencyKey == "sms-3")
            {
                // 150 s after the batch was claimed: the claim on sms-4 (2 minutes) has run out.
                takenOverByTheOtherInstance = await hotel.ProcessOutboxAsync();
            }
        };

        Assert.Equal(4, await hotel.ProcessOutboxAsync());

        Assert.Equal(1, takenOverByTheOtherInstance);
        Assert.Equal(["sms-1", "sms-2", "sms-3", "sms-4"], dispatcher.Calls.Order());
        await using var db = hotel.Db();
        Assert.All(await db.OutboxMessages.ToListAsync(), m => Assert.Equal((WorkStatus.Done, 1), (m.Status, m.Attempts)));
    }

    [Fact]
    public async Task ConfirmingAClaimExtendsItForTheWorkAboutToStart()
    {
        await using var hotel = await PipelineHotel.CreateAsync();
        await EnqueueSmsAsync(hotel, "sms-1");
        var claimFor = new WorkQueueOptions().ClaimFor;
        var claim = Assert.Single(await WorkQueue.ClaimDueAsync(hotel.Get<StayfullDb>(), db => db.OutboxMessages, 10, hotel.Time.GetUtcNow(), claimFor, CancellationToken.None));
        hotel.Time.Advance(TimeSpan.FromSeconds(90));

        await using var db = hotel.Db();
        var message = await db.OutboxMessages.SingleAsync();
        Assert.True(await WorkQueue.ConfirmAsync(db, message, claim, hotel.Time.GetUtcNow(), claimFor, CancellationToken.None));

        Assert.Equal(hotel.Time.GetUtcNow() + claimFor, message.LockedUntil);
        Assert.False(await WorkQueue.ConfirmAsync(db, message, claim, hotel.Time.GetUtcNow(), claimFor, CancellationToken.None));
    }

    private static Task<Guid> EnqueueSmsAsync(TestHotel hotel, string key) =>
        hotel.Get<HotelSessions>().WriteAsync(
            async s => (await Outbox.EnqueueAsync(s, IntegrationVendor.Twilio, "SendSms", new { To = "+351910000000", Body = "Your room is ready" }, key, CancellationToken.None)).Id,
            CancellationToken.None);
}
