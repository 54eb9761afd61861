using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Stayfull.Domain.Integrations;
using Stayfull.Domain.Messaging;

namespace Stayfull.Integrations.Twilio;

public static class TwilioServiceCollectionExtensions
{
    /// <summary>SMS through Twilio (or its demo), its signed webhooks and its connection test.</summary>
    public static IServiceCollection AddTwilioSms(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TwilioOptions>().Bind(configuration.GetSection(TwilioOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TwilioOptions>, TwilioOptionsValidator>();
        services.AddTransient<TwilioApiBaseUrlHandler>();
        services.AddHttpClient(TwilioOptions.HttpClientName, (sp, client) => client.Timeout = sp.GetRequiredService<IOptions<TwilioOptions>>().Value.Timeout)
            .AddHttpMessageHandler<TwilioApiBaseUrlHandler>();
        services.AddSingleton<DemoSmsSender>();
        services.AddSingleton<TwilioSmsSender>();
        services.AddSingleton<ISmsSender>(sp => sp.GetRequiredService<TwilioSmsSender>());
        services.AddScoped<IOutboxDispatcher, SmsDispatcher>();
        services.AddSingleton<IWebhookVerifier, TwilioWebhookVerifier>();
        services.AddScoped<IWebhookApplier, TwilioWebhookApplier>();
        services.AddSingleton<IConnectionTester, TwilioConnectionTester>();
        return services;
    }
}
