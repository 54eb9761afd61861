using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Stayfull.Domain.Integrations;
using Stayfull.Domain.Payments;

namespace Stayfull.Integrations.Stripe;

public static class StripeServiceCollectionExtensions
{
    /// <summary>Stripe behind the payment gateway port, its webhooks, its connection test, and its demo.</summary>
    public static IServiceCollection AddStripePayments(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StripeOptions>()
            .Bind(configuration.GetSection(StripeOptions.Section))
            .Validate(o => o.ApiBase is { IsAbsoluteUri: true }, $"{StripeOptions.Section}:ApiBase must be an absolute URL.")
            .Validate(o => o.Timeout > TimeSpan.Zero && o.Timeout <= TimeSpan.FromMinutes(2), $"{StripeOptions.Section}:Timeout must be between 0 and 2 minutes.")
            .ValidateOnStart();

        // No resilience handler here: the outbox is the one retry layer (see StripeClientFactory).
        services.AddHttpClient(StripeClientFactory.HttpClientName)
            .ConfigureHttpClient((sp, http) => http.Timeout = sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<StripeOptions>>().Value.Timeout);

        services.AddSingleton<StripeClientFactory>();
        services.AddSingleton<StripeCallLog>();
        services.AddSingleton<LiveStripeGateway>();
        services.AddSingleton<DemoStripeGateway>();
        services.AddSingleton<IPaymentGateway, StripeGateway>();
        services.AddSingleton<IWebhookVerifier, StripeWebhookVerifier>();
        services.AddSingleton<IConnectionTester, StripeConnectionTester>();
        services.AddScoped<IWebhookApplier, StripeWebhookApplier>();
        services.AddScoped<IOutboxDispatcher, PaymentDispatcher>();
        return services;
    }
}
