using Microsoft.Extensions.DependencyInjection;
using Quartz;
using Stayfull.Web.Tests.Http.Harness;

namespace Stayfull.Web.Tests.Jobs;

public sealed class HousekeepingShiftsJobTests
{
    [Fact]
    public async Task TheHousekeepingShiftsJobRunsEveryFiveMinutes()
    {
        await using var app = new StayfullApplication();
        _ = app.Server;
        var scheduler = await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();

        var job = new JobKey("HousekeepingShiftsJob", "smart-rooms");
        Assert.True(await scheduler.Exists(job, CancellationToken.None));
        var trigger = Assert.IsAssignableFrom<ISimpleTrigger>(await scheduler.GetTrigger(new TriggerKey("housekeeping-shifts-5min", "smart-rooms"), CancellationToken.None));
        Assert.Equal(job, trigger.JobKey);
        Assert.Equal(TimeSpan.FromMinutes(5), trigger.RepeatInterval);
    }
}
