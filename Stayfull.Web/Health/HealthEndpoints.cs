using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Stayfull.Web.Health;

/// <summary>
/// <c>GET /health</c> for load balancers: anonymous, 200 when every check is healthy (or degraded), 503 otherwise.
/// The body lists each check's status and duration only; descriptions and exceptions stay in the log,
/// since they can name servers, files or credentials.
/// </summary>
public static class HealthEndpoints
{
    public const string Path = "/health";
    public const string Database = "database";
    public const string Scheduler = "scheduler";
    public const string Redis = "redis";

    /// <summary>A hung database must not hang the load balancer's probe.</summary>
    internal static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(10);

    public static IServiceCollection AddStayfullHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>(Database, HealthStatus.Unhealthy, timeout: CheckTimeout)
            .AddCheck<QuartzHealthCheck>(Scheduler, HealthStatus.Unhealthy, timeout: CheckTimeout);
        return services;
    }

    public static IEndpointConventionBuilder MapStayfullHealthChecks(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapHealthChecks(Path, new HealthCheckOptions { ResponseWriter = WriteAsync }).AllowAnonymous();

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        var body = new
        {
            status = report.Status.ToString(),
            durationMs = Math.Round(report.TotalDuration.TotalMilliseconds, 1),
            checks = report.Entries.Select(e => new
            {
                name = e.Key,
                status = e.Value.Status.ToString(),
                durationMs = Math.Round(e.Value.Duration.TotalMilliseconds, 1),
            }),
        };
        return JsonSerializer.SerializeAsync(context.Response.Body, body, cancellationToken: context.RequestAborted);
    }
}
