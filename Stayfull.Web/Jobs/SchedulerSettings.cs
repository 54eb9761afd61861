namespace Stayfull.Web.Jobs;

/// <summary>Bound from the <c>Scheduler</c> configuration section.</summary>
public sealed class SchedulerSettings
{
    public const string Section = "Scheduler";

    /// <summary>
    /// Keep the schedule in the shared database (SQL Server or PostgreSQL) and share it between every web instance:
    /// each due trigger fires on one instance only, and an instance that dies has its work taken over.
    /// Off: the schedule is in memory, right for one instance.
    /// </summary>
    public bool Clustered { get; set; }

    /// <summary>When clustered, create the scheduler's tables (<c>qrtz_*</c>) at start if they are missing.</summary>
    public bool ProvisionSchema { get; set; } = true;

    /// <summary>When clustered, how often an instance tells the others it is alive; a dead one is noticed after about twice this.</summary>
    public TimeSpan CheckinInterval { get; set; } = TimeSpan.FromSeconds(7.5);

    /// <summary>
    /// When set, a job that does nothing but leave a <c>JobRuns</c> row at this interval: operators see that the
    /// scheduler fires, on which instance, and once per time. Unset: no heartbeat.
    /// </summary>
    public TimeSpan? HeartbeatInterval { get; set; }
}
