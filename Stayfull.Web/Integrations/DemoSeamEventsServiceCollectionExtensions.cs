using Stayfull.Integrations.Seam;

namespace Stayfull.Web.Integrations;

public static class DemoSeamEventsServiceCollectionExtensions
{
    /// <summary>The simulated Seam workspaces' events, fed into the demo hotels' webhook inboxes on a timer.</summary>
    public static IServiceCollection AddDemoSeamEvents(this IServiceCollection services)
    {
        services.AddOptions<SeamDemoOptions>().BindConfiguration(SeamDemoOptions.Section);
        services.AddSingleton<DemoSeamWebhookFeed>();
        services.AddHostedService<DemoSeamEventsService>();
        return services;
    }
}
