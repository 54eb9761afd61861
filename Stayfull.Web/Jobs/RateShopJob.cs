using Quartz;
using Stayfull.Domain.Pricing;

namespace Stayfull.Web.Jobs;

/// <summary>
/// Thin on purpose: the domain decides which hotels are due (each at its own early-morning slot, or a retry
/// after a transient failure); the job only says when to look. It never throws into the scheduler.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class RateShopJob(DailyRateShop daily, ILogger<RateShopJob> logger) : IJob
{
    public static readonly JobKey Key = new(nameof(RateShopJob), "pricing");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        try
        {
            var pass = await daily.ShopDueHotelsAsync(cancellationToken);
            logger.LogInformation("Competitor rate shop: {Shopped} hotels shopped, {Failed} failed, {NotDue} not due", pass.Shopped, pass.Failed, pass.NotDue);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // The hotel list itself could not be read (database away); the next pass tries again.
            logger.LogError(ex, "Competitor rate shop pass failed");
        }
    }
}
