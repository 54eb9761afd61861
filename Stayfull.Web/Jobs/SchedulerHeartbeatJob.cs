using Quartz;

namespace Stayfull.Web.Jobs;

/// <summary>
/// Does nothing: its only trace is the <c>JobRuns</c> row every firing leaves (<see cref="JobRunRecorder"/>),
/// which shows the scheduler is firing, on which instance, and once per scheduled time.
/// On when <c>Scheduler:HeartbeatInterval</c> is set.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class SchedulerHeartbeatJob : IJob
{
    public static readonly JobKey Key = new("scheduler-heartbeat", "operations");

    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
