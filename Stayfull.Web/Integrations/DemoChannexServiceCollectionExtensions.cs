namespace Stayfull.Web.Integrations;

public static class DemoChannexServiceCollectionExtensions
{
    /// <summary>The simulated Channex properties' OTA traffic, fed into the demo hotels' webhook inboxes on a timer.</summary>
    public static IServiceCollection AddDemoChannexEvents(this IServiceCollection services)
    {
        services.AddHostedService<DemoChannexService>();
        return services;
    }
}
