using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace Stayfull.Web.Health;

/// <summary>
/// Healthy when Redis answers a PING on the connection the live channel uses. Only registered when
/// <c>Redis:ConnectionString</c> is set. Unhealthy takes the instance out of the load balancer: without Redis
/// its screens would miss the changes other instances save.
/// </summary>
public sealed class RedisHealthCheck(IConnectionMultiplexer redis) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await redis.GetDatabase().PingAsync();
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            // The exception goes to the log only; it names the server.
            return HealthCheckResult.Unhealthy("Redis could not be reached.", ex);
        }
    }
}
