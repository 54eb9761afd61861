using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Stayfull.Integrations.SendGrid;
using Stayfull.Integrations.Twilio;

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
        services.AddSendGridEmail(configuration);
        services.AddTwilioSms(configuration);
        return services;
    }
}
