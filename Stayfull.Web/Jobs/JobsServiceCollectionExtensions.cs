using Quartz;
using Stayfull.Web.Integrations;

namespace Stayfull.Web.Jobs;

public static class JobsServiceCollectionExtensions
{
    /// <summary>
    /// Scheduled work (Quartz). Jobs are thin and idempotent, so a repeated or late run does no harm.
    /// The job store is in memory for a single instance; a shared, clustered store is a deployment setting.
    /// </summary>
    public static IServiceCollection AddStayfullJobs(this IServiceCollection services)
    {
        services.AddQuartz(q =>
        {
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
        services.AddDemoSeamEvents();
        services.AddDemoChannexEvents();

        // Channel ARI pushes: woken by saves that leave changes to push, polling for those that waited.
        services.AddHostedService<AriPushService>();
        return services;
    }
}
