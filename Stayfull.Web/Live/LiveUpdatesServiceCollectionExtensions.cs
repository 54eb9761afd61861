using Stayfull.Domain.Live;
using Stayfull.Web.Startup;

namespace Stayfull.Web.Live;

public static class LiveUpdatesServiceCollectionExtensions
{
    /// <summary>
    /// The live-update fan-out: in process for one instance; with <c>Redis:ConnectionString</c>, also shared with
    /// the other instances (<see cref="SharedLiveUpdatePublisher"/>). Needs <see cref="RedisSetup.AddStayfullRedis"/>.
    /// </summary>
    public static IServiceCollection AddStayfullLiveUpdates(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<HotelChangeNotifier>();
        if (!RedisSetup.IsConfigured(configuration))
        {
            services.AddSingleton<ILiveUpdatePublisher>(sp => sp.GetRequiredService<HotelChangeNotifier>());
            return services;
        }

        services.AddSingleton<RedisLiveChangeChannel>();
        services.AddHostedService(sp => sp.GetRequiredService<RedisLiveChangeChannel>());
        services.AddSingleton<ILiveUpdatePublisher, SharedLiveUpdatePublisher>();
        return services;
    }
}
