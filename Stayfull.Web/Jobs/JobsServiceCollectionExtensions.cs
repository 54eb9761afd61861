using Quartz;

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
            q.AddJob<PricingRecomputeJob>(j => j.WithIdentity(PricingRecomputeJob.Key));
            q.AddTrigger(t => t
                .ForJob(PricingRecomputeJob.Key)
                .WithIdentity("pricing-nightly", "pricing")
                .WithCronSchedule("0 5 * * * ?")); // hourly at :05; each hotel is recomputed in its own night hour
            q.AddJob<PricingBigChangeJob>(j => j.WithIdentity(PricingBigChangeJob.Key));
            q.AddTrigger(t => t
                .ForJob(PricingBigChangeJob.Key)
                .WithIdentity("pricing-big-changes", "pricing")
                .StartAt(DateTimeOffset.UtcNow.AddMinutes(1))
                .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromMinutes(1)).RepeatForever()));
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        return services;
    }
}
