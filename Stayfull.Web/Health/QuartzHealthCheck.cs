using Microsoft.Extensions.Diagnostics.HealthChecks;
using Quartz;

namespace Stayfull.Web.Health;

/// <summary>Healthy only while the scheduler runs: not merely created, stood down in standby, or shut down.</summary>
public sealed class QuartzHealthCheck(ISchedulerFactory schedulers) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var status = await scheduler.GetStatus(cancellationToken);
        return status == SchedulerStatus.Running
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy($"The scheduler is {status}.");
    }
}
