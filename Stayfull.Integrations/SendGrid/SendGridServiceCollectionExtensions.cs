using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Stayfull.Domain.Integrations;
using Stayfull.Domain.Messaging;

namespace Stayfull.Integrations.SendGrid;

public static class SendGridServiceCollectionExtensions
{
    /// <summary>Email through SendGrid (or its demo), its signed event webhook and its connection test.</summary>
    public static IServiceCollection AddSendGridEmail(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SendGridOptions>().Bind(configuration.GetSection(SendGridOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SendGridOptions>, SendGridOptionsValidator>();
        services.AddHttpClient(SendGridOptions.HttpClientName, (sp, client) => client.Timeout = sp.GetRequiredService<IOptions<SendGridOptions>>().Value.Timeout);
        services.AddSingleton<DemoEmailSender>();
        services.AddSingleton<SendGridEmailSender>();
        services.AddSingleton<IEmailSender>(sp => sp.GetRequiredService<SendGridEmailSender>());
        services.AddScoped<IOutboxDispatcher, EmailDispatcher>();
        services.AddSingleton<IWebhookVerifier, SendGridWebhookVerifier>();
        services.AddScoped<IWebhookApplier, SendGridEventApplier>();
        services.AddSingleton<InboundEmailTokens>();
        services.AddSingleton<IConnectionTester, SendGridConnectionTester>();
        return services;
    }
}
