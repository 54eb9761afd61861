using Microsoft.Extensions.DependencyInjection;
using Quartz;
using Stayfull.Web.Tests.Http.Harness;

namespace Stayfull.Web.Tests.Jobs;

public sealed class ScheduledJobsTests
{
    [Fact]
    public async Task ThePreArrivalJobIsScheduledHourly()
    {
        await using var app = new StayfullApplication();
        _ = app.Server;
        var scheduler = await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();

        var job = new JobKey("PreArrivalMessagesJob", "messaging");
        Assert.True(await scheduler.Exists(job, CancellationToken.None));
        var trigger = Assert.IsAssignableFrom<ISimpleTrigger>(await scheduler.GetTrigger(new TriggerKey("pre-arrival-hourly", "messaging"), CancellationToken.None));
        Assert.Equal(job, trigger.JobKey);
        Assert.Equal(TimeSpan.FromHours(1), trigger.RepeatInterval);
        Assert.Equal(-1, trigger.RepeatCount);
    }
}
