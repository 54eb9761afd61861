using Quartz;
using Stayfull.Domain.SmartRooms.Climate;

namespace Stayfull.Web.Jobs;

/// <summary>Thin on purpose: the domain decides which vacant rooms go to eco; the job only says when to look.</summary>
[DisallowConcurrentExecution]
internal sealed class VacantRoomSetBackJob(ClimateScheduler climate, ILogger<VacantRoomSetBackJob> logger) : IJob
{
    public static readonly JobKey Key = new(nameof(VacantRoomSetBackJob), "climate");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var asked = await climate.SetBackVacantRoomsAsync(cancellationToken);
        logger.LogInformation("Vacant-room set-back: {Count} thermostats set back to eco", asked);
    }
}
