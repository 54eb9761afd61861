using Microsoft.EntityFrameworkCore;
using Quartz;
using Stayfull.Domain.Data;
using Stayfull.Domain.Scheduling;

namespace Stayfull.Web.Jobs;

/// <summary>
/// Writes a <see cref="JobRun"/> row when a job starts and completes it when the job ends, naming the scheduler
/// instance that ran it. Recording never stops a job: a failed write is logged and the job runs regardless.
/// Rows older than <see cref="KeptFor"/> are deleted, at most once an hour per instance.
/// </summary>
internal sealed class JobRunRecorder(StayfullDb database, ILogger<JobRunRecorder> logger) : IJobListener
{
    public static readonly TimeSpan KeptFor = TimeSpan.FromDays(14);
    private static readonly TimeSpan PruneEvery = TimeSpan.FromHours(1);

    private DateTimeOffset _prunedAt = DateTimeOffset.MinValue;

    public string Name => nameof(JobRunRecorder);

    public async ValueTask JobToBeExecuted(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var db = database.ForPlatform();
            db.JobRuns.Add(new JobRun(
                context.FireInstanceId,
                context.JobDetail.Key.ToString(),
                context.Trigger.Key.ToString(),
                context.Scheduler.SchedulerInstanceId,
                context.ScheduledFireTimeUtc,
                context.FireTimeUtc));
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
        {
            logger.LogWarning(ex, "Could not record the start of {Job}", context.JobDetail.Key);
        }
    }

    public ValueTask JobExecutionVetoed(IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    public async ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var db = database.ForPlatform();
            var run = await db.JobRuns.FirstOrDefaultAsync(r => r.FireInstanceId == context.FireInstanceId, cancellationToken);
            if (run is null)
            {
                return;
            }

            var failure = jobException?.InnerException ?? jobException;
            var finishedAt = context.FireTimeUtc + context.JobRunTime;
            run.Finish(finishedAt, failure is null ? null : $"{failure.GetType().Name}: {failure.Message}");
            await db.SaveChangesAsync(cancellationToken);
            if (finishedAt - _prunedAt > PruneEvery)
            {
                _prunedAt = finishedAt;
                var cutoff = finishedAt - KeptFor;
                await db.JobRuns.Where(r => r.StartedAt < cutoff).ExecuteDeleteAsync(cancellationToken);
            }
        }
        catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
        {
            logger.LogWarning(ex, "Could not record the end of {Job}", context.JobDetail.Key);
        }
    }
}
