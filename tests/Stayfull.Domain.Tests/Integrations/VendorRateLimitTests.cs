using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stayfull.Domain.Integrations;
using Stayfull.Domain.Sessions;

namespace Stayfull.Domain.Tests.Integrations;

public sealed class VendorRateLimitTests
{
    [Fact]
    public async Task OutboundWorkBeyondTheVendorsBudgetWaitsForTheNextSecondWithoutSpendingAnAttempt()
    {
        await using var hotel = await PipelineHotel.CreateAsync();
        hotel.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<VendorRateLimitOptions>>().Value.PerSecond[IntegrationVendor.Twilio] = 2;
        var dispatcher = hotel.Dispatcher();
        for (var i = 0; i < 5; i++)
        {
            dispatcher.Then(DispatchResult.Succeeded($"SM{i}"));
            await hotel.Get<HotelSessions>().WriteAsync(
                s => Outbox.EnqueueAsync(s, IntegrationVendor.Twilio, "SendSms", new { To = "+351910000000", Body = "Hello" }, $"sms-{i}", CancellationToken.None),
                CancellationToken.None);
        }

        await hotel.ProcessOutboxAsync();
        Assert.Equal(2, dispatcher.Calls.Count);
        await using (var db = hotel.Db())
        {
            var waiting = await db.OutboxMessages.Where(m => m.Status == WorkStatus.Pending).ToListAsync();
            Assert.Equal(3, waiting.Count);
            Assert.All(waiting, m => Assert.Equal(0, m.Attempts));
        }

        hotel.Time.Advance(TimeSpan.FromSeconds(1));
        await hotel.ProcessOutboxAsync();
        Assert.Equal(4, dispatcher.Calls.Count);

        hotel.Time.Advance(TimeSpan.FromSeconds(1));
        await hotel.ProcessOutboxAsync();
        Assert.Equal(5, dispatcher.Calls.Count);
    }

    [Fact]
    public void EachHotelHasItsOwnBudget()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        var limits = new VendorRateLimits(Microsoft.Extensions.Options.Options.Create(new VendorRateLimitOptions()), time);
        var first = Guid.NewGuid();
        var second = Guid.NewGuid();

        Assert.True(limits.TryTake(IntegrationVendor.Twilio, first));
        Assert.False(limits.TryTake(IntegrationVendor.Twilio, first));
        Assert.True(limits.TryTake(IntegrationVendor.Twilio, second));

        time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(limits.TryTake(IntegrationVendor.Twilio, first));
    }
}
