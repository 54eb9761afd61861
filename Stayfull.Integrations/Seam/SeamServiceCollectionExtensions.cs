using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Stayfull.Domain.Integrations;
using Stayfull.Domain.SmartRooms;

namespace Stayfull.Integrations.Seam;

public static class SeamServiceCollectionExtensions
{
    /// <summary>Smart locks and thermostats through Seam (or its simulated workspace), its signed webhooks and their applier, door-code intents and its connection test.</summary>
    public static IServiceCollection AddSeamSmartRooms(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SeamOptions>().Bind(configuration.GetSection(SeamOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SeamOptions>, SeamOptionsValidator>();
        services.AddHttpClient(SeamOptions.HttpClientName, (sp, client) =>
        {
            var seam = sp.GetRequiredService<IOptions<SeamOptions>>().Value;
            client.BaseAddress = new Uri(seam.BaseUrl.TrimEnd('/') + "/");
            client.Timeout = seam.Timeout;
        });
        services.AddSingleton<DemoSmartRoomHub>();
        services.AddSingleton<SeamSmartRoomHub>();
        services.AddSingleton<ISmartRoomHub>(sp => sp.GetRequiredService<SeamSmartRoomHub>());
        services.AddSingleton<IWebhookVerifier, SeamWebhookVerifier>();
        services.AddSingleton<IConnectionTester, SeamConnectionTester>();
        services.AddScoped<IOutboxDispatcher, SmartRoomDispatcher>();
        services.AddScoped<IWebhookApplier, SeamEventApplier>();
        return services;
    }
}
