using Quartz;
using Stayfull.Domain.Channels.Ari;

namespace Stayfull.Web.Jobs;

/// <summary>
/// Thin on purpose: every few minutes the domain queues the nightly full sync of the hotels whose own off-peak
/// slot has come (once per hotel night); the pusher sends it within the usual budget. It never throws into the scheduler.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class AriFullSyncJob(AriFullSync fullSync, ILogger<AriFullSyncJob> logger) : IJob
{
    public static readonly JobKey Key = new(nameof(AriFullSyncJob), "channels");

    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        try
        {
            var queued = await fullSync.QueueNightlyAsync(cancellationToken);
            if (queued > 0)
            {
                logger.LogInformation("Channel full sync queued for {Count} hotels", queued);
            }
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogError(ex, "Channel full sync pass failed");
        }
    }
}
