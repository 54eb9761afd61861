using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;
using Stayfull.Web.Health;

namespace Stayfull.Web.Startup;

/// <summary>
/// <c>Redis:ConnectionString</c> set: the live hub's messages go through the SignalR Redis backplane, and every
/// live change is shared on a Redis channel so each instance's open Blazor screens see it, whichever instance
/// saved it. Empty: one instance, everything in process, as before.
/// </summary>
public static class RedisSetup
{
    public const string ConnectionStringKey = "Redis:ConnectionString";
    public const string ChannelPrefixKey = "Redis:ChannelPrefix";

    /// <summary>Keeps this deployment's channels apart from anything else on the same Redis.</summary>
    public const string DefaultChannelPrefix = "stayfull";

    public static bool IsConfigured(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration[ConnectionStringKey]);

    public static ISignalRServerBuilder AddStayfullBackplane(this ISignalRServerBuilder signalR, IConfiguration configuration)
    {
        if (!IsConfigured(configuration))
        {
            return signalR;
        }

        var options = RedisConfiguration(configuration);
        return signalR.AddStackExchangeRedis(o => o.Configuration = options);
    }

    /// <summary>The connection the live channel and the Redis health check share (the backplane keeps its own).</summary>
    public static IServiceCollection AddStayfullRedis(this IServiceCollection services, IConfiguration configuration)
    {
        if (!IsConfigured(configuration))
        {
            return services;
        }

        var options = RedisConfiguration(configuration);
        services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(options));
        services.AddHealthChecks().AddCheck<RedisHealthCheck>(HealthEndpoints.Redis, HealthStatus.Unhealthy, timeout: HealthEndpoints.CheckTimeout);
        return services;
    }

    /// <summary>
    /// Never aborts on a failed first connection: the instance starts and serves its own screens while Redis is
    /// away, and the client keeps reconnecting (and re-subscribing) in the background. Fails fast rather than
    /// queueing while disconnected, so a save that announces a change never waits on Redis.
    /// </summary>
    private static ConfigurationOptions RedisConfiguration(IConfiguration configuration)
    {
        var options = ConfigurationOptions.Parse(configuration[ConnectionStringKey]!);
        options.AbortOnConnectFail = false;
        options.BacklogPolicy = BacklogPolicy.FailFast;
        var prefix = configuration[ChannelPrefixKey];
        options.ChannelPrefix = RedisChannel.Literal(string.IsNullOrWhiteSpace(prefix) ? DefaultChannelPrefix : prefix);
        return options;
    }
}
