using Quartz;
using Stayfull.Domain.SmartRooms.Climate;

namespace Stayfull.Web.Jobs;

/// <summary>Thin on purpose: the domain decides which rooms to bring to comfort; the job only says when to look.</summary>
[DisallowConcurrentExecution]
internal sealed class PreArrivalClimateJob(ClimateScheduler climate, ILogger<PreArrivalClimateJob> logger) : IJob
{
    public static readonly JobKey Key = new(nameof(PreArrivalClimateJob), "climate");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var asked = await climate.PreConditionArrivalsAsync(cancellationToken);
        logger.LogInformation("Pre-arrival climate: {Count} thermostats asked for comfort", asked);
    }
}
