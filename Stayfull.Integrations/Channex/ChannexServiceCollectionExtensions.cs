using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Stayfull.Domain.Channels;
using Stayfull.Domain.Integrations;

namespace Stayfull.Integrations.Channex;

public static class ChannexServiceCollectionExtensions
{
    /// <summary>Distribution through Channex (or its simulated property), its secret-header webhooks, its connection test and the demo OTA traffic.</summary>
    public static IServiceCollection AddChannexChannels(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ChannexOptions>().Bind(configuration.GetSection(ChannexOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ChannexOptions>, ChannexOptionsValidator>();
        services.AddOptions<ChannexDemoOptions>().Bind(configuration.GetSection(ChannexDemoOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ChannexDemoOptions>, ChannexDemoOptionsValidator>();
        services.AddHttpClient(ChannexOptions.HttpClientName, (sp, client) =>
        {
            var channex = sp.GetRequiredService<IOptions<ChannexOptions>>().Value;
            client.BaseAddress = new Uri(channex.BaseUrl.TrimEnd('/') + "/");
            client.Timeout = channex.Timeout;
        });
        services.AddSingleton<DemoChannelManager>();
        services.AddSingleton<ChannexChannelManager>();
        services.AddSingleton<IChannelManager>(sp => sp.GetRequiredService<ChannexChannelManager>());
        services.AddSingleton<IWebhookVerifier, ChannexWebhookVerifier>();
        services.AddSingleton<IConnectionTester, ChannexConnectionTester>();
        services.AddSingleton<DemoChannexActivity>();
        return services;
    }
}
