using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Stayfull.Domain.Integrations;
using Stayfull.Domain.Pricing;

namespace Stayfull.Integrations.RateShop;

public static class RateShopServiceCollectionExtensions
{
    /// <summary>
    /// Competitor rates: the provider adapter (or its demo market) behind the rate-shopper port, its connection
    /// test, the competitor set, file import and shop runs, and the demo hotel's competitor set at first start.
    /// </summary>
    public static IServiceCollection AddRateShopping(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RateShopOptions>().Bind(configuration.GetSection(RateShopOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RateShopOptions>, RateShopOptionsValidator>();
        services.AddHttpClient(RateShopOptions.HttpClientName, (sp, client) => client.Timeout = sp.GetRequiredService<IOptions<RateShopOptions>>().Value.Timeout);
        services.AddSingleton<DemoRateShopper>();
        services.AddSingleton<ProviderRateShopper>();
        services.AddSingleton<IRateShopper>(sp => sp.GetRequiredService<ProviderRateShopper>());
        services.AddSingleton<IConnectionTester, RateShopConnectionTester>();
        services.AddScoped<CompetitorSetService>();
        services.AddScoped<CompetitorRateImport>();
        services.AddScoped<RateShopRuns>();
        services.AddSingleton<DailyRateShop>();
        services.AddHostedService<DemoCompetitorSetSeeder>();
        return services;
    }
}
