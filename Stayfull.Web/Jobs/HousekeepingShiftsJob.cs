using Quartz;
using Stayfull.Domain.SmartRooms.StaffAccess;

namespace Stayfull.Web.Jobs;

/// <summary>Thin on purpose: the domain starts due shifts, ends those whose time is up and removes cleaned rooms' codes; the job only says when to look.</summary>
[DisallowConcurrentExecution]
internal sealed class HousekeepingShiftsJob(HousekeepingShiftSweep sweep, ILogger<HousekeepingShiftsJob> logger) : IJob
{
    public static readonly JobKey Key = new(nameof(HousekeepingShiftsJob), "smart-rooms");

    public static readonly TriggerKey Trigger = new("housekeeping-shifts-5min", "smart-rooms");

    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var done = await sweep.RunAsync(cancellationToken);
        logger.LogInformation("Housekeeping shifts: {Started} started, {Ended} ended, {Revoked} room codes removed", done.Started, done.Ended, done.RoomCodesRevoked);
    }
}
