using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Stayfull.Integrations;

public static class IntegrationServiceCollectionExtensions
{
    /// <summary>
    /// Registers one adapter per vendor behind the domain's ports. The PMS core needs none yet;
    /// vendors are added here as they are connected.
    /// </summary>
    public static IServiceCollection AddStayfullIntegrations(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return services;
    }
}
