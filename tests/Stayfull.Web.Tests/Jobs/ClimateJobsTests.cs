using Microsoft.Extensions.DependencyInjection;
using Quartz;
using Stayfull.Web.Tests.Http.Harness;

namespace Stayfull.Web.Tests.Jobs;

public sealed class ClimateJobsTests
{
    [Theory]
    [InlineData("PreArrivalClimateJob", "pre-arrival-climate-15min", 15)]
    [InlineData("VacantRoomSetBackJob", "vacant-set-back-hourly", 60)]
    public async Task TheClimateJobsAreScheduled(string jobName, string triggerName, int minutes)
    {
        await using var app = new StayfullApplication();
        _ = app.Server;
        var scheduler = await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();

        var job = new JobKey(jobName, "climate");
        Assert.True(await scheduler.Exists(job, CancellationToken.None));
        var trigger = Assert.IsAssignableFrom<ISimpleTrigger>(await scheduler.GetTrigger(new TriggerKey(triggerName, "climate"), CancellationToken.None));
        Assert.Equal(job, trigger.JobKey);
        Assert.Equal(TimeSpan.FromMinutes(minutes), trigger.RepeatInterval);
        Assert.Equal(-1, trigger.RepeatCount);
    }
}
