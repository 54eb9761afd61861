using Microsoft.Extensions.DependencyInjection;
using Quartz;
using Stayfull.Web.Tests.Http.Harness;

namespace Stayfull.Web.Tests.Jobs;

public sealed class PricingJobsTests
{
    [Fact]
    public async Task PricingIsRecomputedHourlyForHotelsInTheirNightAndEveryMinuteForBigChanges()
    {
        await using var app = new StayfullApplication();
        _ = app.Server;
        var scheduler = await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();

        var nightly = Assert.IsAssignableFrom<ICronTrigger>(await scheduler.GetTrigger(new TriggerKey("pricing-nightly", "pricing"), CancellationToken.None));
        Assert.Equal(new JobKey("PricingRecomputeJob", "pricing"), nightly.JobKey);
        Assert.Equal("0 5 * * * ?", nightly.CronExpressionString);
        var bigChanges = Assert.IsAssignableFrom<ISimpleTrigger>(await scheduler.GetTrigger(new TriggerKey("pricing-big-changes", "pricing"), CancellationToken.None));
        Assert.Equal(new JobKey("PricingBigChangeJob", "pricing"), bigChanges.JobKey);
        Assert.Equal(TimeSpan.FromMinutes(1), bigChanges.RepeatInterval);
    }
}
