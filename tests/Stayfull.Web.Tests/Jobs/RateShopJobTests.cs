using Microsoft.Extensions.DependencyInjection;
using Quartz;
using Stayfull.Web.Tests.Http.Harness;

namespace Stayfull.Web.Tests.Jobs;

public sealed class RateShopJobTests
{
    [Fact]
    public async Task TheRateShopJobLooksForDueHotelsEveryQuarterHour()
    {
        await using var app = new StayfullApplication();
        _ = app.Server;
        var scheduler = await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();

        var job = new JobKey("RateShopJob", "pricing");
        Assert.True(await scheduler.Exists(job, CancellationToken.None));
        var trigger = Assert.IsAssignableFrom<ISimpleTrigger>(await scheduler.GetTrigger(new TriggerKey("rate-shop-quarter-hourly", "pricing"), CancellationToken.None));
        Assert.Equal(job, trigger.JobKey);
        Assert.Equal(TimeSpan.FromMinutes(15), trigger.RepeatInterval);
    }
}
