using Microsoft.Extensions.DependencyInjection;
using Stayfull.Domain.Integrations;

namespace Stayfull.Domain.Channels;

public static class ChannelsServiceCollectionExtensions
{
    /// <summary>Channel distribution: the Channex webhook applier and every channel event listener of this assembly.</summary>
    public static IServiceCollection AddStayfullChannels(this IServiceCollection services)
    {
        services.AddScoped<IWebhookApplier, ChannelEventApplier>();
        // ARI out. The pusher is built on demand: the channel manager adapter is registered by the integrations.
        services.AddScoped(sp => ActivatorUtilities.CreateInstance<Ari.AriPusher>(sp)).AddScoped<Ari.AriSyncService>().AddSingleton<Ari.AriPushRunner>().AddSingleton<Ari.AriFullSync>();
        foreach (var type in typeof(IChannelEventListener).Assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IChannelEventListener).IsAssignableFrom(t)))
        {
            services.AddScoped(typeof(IChannelEventListener), type);
        }

        return services;
    }
}
