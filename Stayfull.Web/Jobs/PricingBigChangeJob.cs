using Quartz;
using Stayfull.Domain.Pricing;

namespace Stayfull.Web.Jobs;

/// <summary>Every minute: recomputes the hotels never priced yet, and those a burst of bookings, a competitor move or a settings change made due.</summary>
[DisallowConcurrentExecution]
internal sealed class PricingBigChangeJob(PricingRecomputes recomputes, ILogger<PricingBigChangeJob> logger) : IJob
{
    public static readonly JobKey Key = new(nameof(PricingBigChangeJob), "pricing");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var hotels = await recomputes.RecomputeFirstTimeAsync(cancellationToken) + await recomputes.RecomputeDueAsync(cancellationToken);
        if (hotels > 0)
        {
            logger.LogInformation("Pricing recompute after big changes: {Count} hotels", hotels);
        }
    }
}
