namespace Stayfull.Domain.Scheduling;

/// <summary>
/// One firing of a scheduled job, on whichever web instance ran it. Not tenant-owned: a job acts for every hotel.
/// With several instances sharing the scheduler, operators read here which instance ran what and when, and that
/// each scheduled time was run once.
/// </summary>
public sealed class JobRun
{
    public const int MaxKeyLength = 200;
    public const int MaxInstanceLength = 200;
    public const int MaxErrorLength = 500;

    public JobRun(string fireInstanceId, string jobKey, string triggerKey, string instanceId, DateTimeOffset? scheduledFireTime, DateTimeOffset startedAt)
    {
        Id = Guid.NewGuid();
        FireInstanceId = Truncate(fireInstanceId, MaxKeyLength);
        JobKey = Truncate(jobKey, MaxKeyLength);
        TriggerKey = Truncate(triggerKey, MaxKeyLength);
        InstanceId = Truncate(instanceId, MaxInstanceLength);
        ScheduledFireTime = scheduledFireTime;
        StartedAt = startedAt;
    }

    private JobRun()
    {
        FireInstanceId = JobKey = TriggerKey = InstanceId = "";
    }

    public Guid Id { get; private set; }

    /// <summary>The scheduler's id of this firing, unique per run; how the end of the run finds its row.</summary>
    public string FireInstanceId { get; private set; }

    /// <summary>"group.name" of the job.</summary>
    public string JobKey { get; private set; }

    public string TriggerKey { get; private set; }

    /// <summary>The scheduler instance (web process) that ran it.</summary>
    public string InstanceId { get; private set; }

    /// <summary>When the trigger was due; two rows with the same job and time mean it ran twice.</summary>
    public DateTimeOffset? ScheduledFireTime { get; private set; }

    public DateTimeOffset StartedAt { get; private set; }

    public DateTimeOffset? FinishedAt { get; private set; }

    /// <summary>Null while running.</summary>
    public bool? Succeeded { get; private set; }

    /// <summary>The exception's type and message when it failed, shortened; never a stack trace.</summary>
    public string? Error { get; private set; }

    public void Finish(DateTimeOffset finishedAt, string? error)
    {
        FinishedAt = finishedAt;
        Succeeded = error is null;
        Error = error is null ? null : Truncate(error, MaxErrorLength);
    }

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];
}
