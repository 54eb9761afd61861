using Quartz;
using Stayfull.Domain.SmartRooms;

namespace Stayfull.Web.Jobs;

/// <summary>Thin on purpose: the domain compares the hub's codes with our keys and repairs; the job only says when.</summary>
[DisallowConcurrentExecution]
internal sealed class KeyReconciliationJob(KeyReconciliation reconciliation, ILogger<KeyReconciliationJob> logger) : IJob
{
    public static readonly JobKey Key = new(nameof(KeyReconciliationJob), "smart-rooms");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var results = await reconciliation.RunAsync(cancellationToken);
        logger.LogInformation(
            "Key reconciliation: {Hotels} hotels, {Reissued} codes issued again, {Removed} stray codes removed, {Ready} keys made ready",
            results.Count,
            results.Values.Sum(r => r.Reissued),
            results.Values.Sum(r => r.StraysRemoved),
            results.Values.Sum(r => r.MadeReady));
    }
}
