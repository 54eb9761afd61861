using Quartz;
using Stayfull.Domain.Pricing;

namespace Stayfull.Web.Jobs;

/// <summary>Hourly: the domain recomputes the hotels for which it is now night, each in its own time zone.</summary>
[DisallowConcurrentExecution]
internal sealed class PricingRecomputeJob(PricingRecomputes recomputes, ILogger<PricingRecomputeJob> logger) : IJob
{
    public static readonly JobKey Key = new(nameof(PricingRecomputeJob), "pricing");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var hotels = await recomputes.RecomputeNightlyAsync(cancellationToken);
        logger.LogInformation("Nightly pricing recompute: {Count} hotels", hotels);
    }
}
