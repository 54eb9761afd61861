using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stayfull.Domain.Data;
using Stayfull.Domain.Integrations;
using Stayfull.Web.Tests.Http.Harness;

namespace Stayfull.Web.Tests.Reliability.Storms;

/// <summary>Waits for the app's own background processor to finish the inbox and the outbox.</summary>
public static class StormWaits
{
    /// <summary>Until nothing is pending in either queue (bounded, so a stuck queue fails the test instead of hanging it).</summary>
    public static async Task DrainAsync(StayfullApplication app, TimeSpan? limit = null)
    {
        var deadline = DateTime.UtcNow + (limit ?? TimeSpan.FromMinutes(10));
        while (true)
        {
            await using (var db = app.Services.GetRequiredService<StayfullDb>().ForPlatform())
            {
                var inbox = await db.InboxEvents.IgnoreQueryFilters().CountAsync(e => e.Status == WorkStatus.Pending);
                var outbox = await db.OutboxMessages.IgnoreQueryFilters().CountAsync(m => m.Status == WorkStatus.Pending);
                if (inbox == 0 && outbox == 0)
                {
                    return;
                }

                if (DateTime.UtcNow > deadline)
                {
                    Assert.Fail($"The queues did not drain: {inbox} webhooks and {outbox} intents still pending.");
                }
            }

            WorkSignals.Inbox.Raise();
            WorkSignals.Outbox.Raise();
            await Task.Delay(100);
        }
    }
}
