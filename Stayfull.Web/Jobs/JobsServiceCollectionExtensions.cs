using Quartz;
using Stayfull.Web.Integrations;
using Stayfull.Web.Startup;

namespace Stayfull.Web.Jobs;

public static class JobsServiceCollectionExtensions
{
    /// <summary>
    /// Scheduled work (Quartz). Jobs are thin and idempotent, so a repeated or late run does no harm.
    /// The job store is in memory for a single instance; <c>Scheduler:Clustered</c> shares it in the database
    /// (<see cref="ClusteredJobStore"/>). Every firing is recorded in <c>JobRuns</c>.
    /// </summary>
    public static IServiceCollection AddStayfullJobs(this IServiceCollection services, IConfiguration configuration, InstanceIdentity instance)
    {
        var settings = configuration.GetSection(SchedulerSettings.Section).Get<SchedulerSettings>() ?? new SchedulerSettings();

        // Each instance declares the same jobs and triggers at start. A declared trigger replaces the stored one but
        // keeps its firing history, so a restart (or a second instance starting) does not fire a schedule again.
        services.Configure<QuartzOptions>(o => o.Scheduling.ScheduleTriggerRelativeToReplacedTrigger = true);
        services.AddQuartz(q =>
        {
            q.ConfigureScheduler(o => o.InstanceId = instance.Id);
            if (settings.Clustered)
            {
                q.UseStayfullClusteredStore(configuration, settings);
            }

            q.AddJobListener<JobRunRecorder>();
            if (settings.HeartbeatInterval is { } heartbeat && heartbeat > TimeSpan.Zero)
            {
                q.AddJob<SchedulerHeartbeatJob>(j => j.WithIdentity(SchedulerHeartbeatJob.Key));
                q.AddTrigger(t => t
                    .ForJob(SchedulerHeartbeatJob.Key)
                    .WithIdentity("scheduler-heartbeat", "operations")
                    .StartNow()
                    .WithSimpleSchedule(s => s.WithInterval(heartbeat).RepeatForever()));
            }

            q.AddJob<PreArrivalMessagesJob>(j => j.WithIdentity(PreArrivalMessagesJob.Key));
            q.AddTrigger(t => t
                .ForJob(PreArrivalMessagesJob.Key)
                .WithIdentity("pre-arrival-hourly", "messaging")
                .StartAt(DateTimeOffset.UtcNow.AddMinutes(1))
                .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromHours(1)).RepeatForever()));
            q.AddClimateJobs();
            q.AddJob<HousekeepingShiftsJob>(j => j.WithIdentity(HousekeepingShiftsJob.Key)).AddTrigger(t => t.ForJob(HousekeepingShiftsJob.Key).WithIdentity(HousekeepingShiftsJob.Trigger).StartAt(DateTimeOffset.UtcNow.AddMinutes(1)).WithSimpleSchedule(s => s.WithInterval(HousekeepingShiftsJob.Interval).RepeatForever()));
            q.AddJob<KeyReconciliationJob>(j => j.WithIdentity(KeyReconciliationJob.Key));
            q.AddTrigger(t => t
                .ForJob(KeyReconciliationJob.Key)
                .WithIdentity("key-reconciliation-15min", "smart-rooms")
                .StartAt(DateTimeOffset.UtcNow.AddMinutes(2))
                .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromMinutes(15)).RepeatForever()));
            q.AddJob<RateShopJob>(j => j.WithIdentity(RateShopJob.Key));
            q.AddTrigger(t => t
                .ForJob(RateShopJob.Key)
                .WithIdentity("rate-shop-quarter-hourly", "pricing")
                .StartAt(DateTimeOffset.UtcNow.AddMinutes(2))
                .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromMinutes(15)).RepeatForever()));
            q.AddJob<PricingRecomputeJob>(j => j.WithIdentity(PricingRecomputeJob.Key));
            q.AddTrigger(t => t
                .ForJob(PricingRecomputeJob.Key)
                .WithIdentity("pricing-nightly", "pricing")
                .WithCronSchedule("0 5 * * * ?")); // hourly at :05; each hotel is recomputed in its own night hour
            q.AddJob<ChannelBookingFeedJob>(j => j.WithIdentity(ChannelBookingFeedJob.Key)).AddTrigger(t => t.ForJob(ChannelBookingFeedJob.Key).WithIdentity("channel-booking-feed", "channels").StartAt(DateTimeOffset.UtcNow.AddMinutes(1)).WithSimpleSchedule(s => s.WithInterval(ChannelBookingFeedJob.Interval).RepeatForever()));
            q.AddJob<PricingBigChangeJob>(j => j.WithIdentity(PricingBigChangeJob.Key));
            q.AddTrigger(t => t
                .ForJob(PricingBigChangeJob.Key)
                .WithIdentity("pricing-big-changes", "pricing")
                .StartAt(DateTimeOffset.UtcNow.AddMinutes(1))
                .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromMinutes(1)).RepeatForever()));
            q.AddJob<AriFullSyncJob>(j => j.WithIdentity(AriFullSyncJob.Key)).AddTrigger(t => t.ForJob(AriFullSyncJob.Key).WithIdentity("ari-full-sync", "channels").StartAt(DateTimeOffset.UtcNow.AddMinutes(1)).WithSimpleSchedule(s => s.WithInterval(AriFullSyncJob.Interval).RepeatForever()));
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);

        // The demo hotels' simulated locks tick on the injected clock, per instance (their workspaces are in memory).
        // With several instances each ticks its own simulation; demo mode is not meant for a scaled-out deployment.
        services.AddDemoSeamEvents();
        services.AddDemoChannexEvents();

        // Channel ARI pushes: woken by saves that leave changes to push, polling for those that waited.
        services.AddHostedService<AriPushService>();
        return services;
    }
}
