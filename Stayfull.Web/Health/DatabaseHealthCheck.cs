using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Stayfull.Domain.Data;

namespace Stayfull.Web.Health;

/// <summary>Healthy when a platform context can open the database and answer a trivial query.</summary>
public sealed class DatabaseHealthCheck(StayfullDb database) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var db = database.ForPlatform();
            await db.Database.ExecuteSqlRawAsync("SELECT 1", cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The exception goes to the log only; the answer never carries it (it may name the server or file).
            return HealthCheckResult.Unhealthy("The database could not be reached.", ex);
        }
    }
}
