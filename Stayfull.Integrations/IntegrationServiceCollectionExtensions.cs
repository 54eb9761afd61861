using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Stayfull.Integrations.Ai;
using Stayfull.Integrations.Channex;
using Stayfull.Integrations.RateShop;
using Stayfull.Integrations.Seam;
using Stayfull.Integrations.Stripe;
using Stayfull.Integrations.SendGrid;
using Stayfull.Integrations.Twilio;

namespace Stayfull.Integrations;

public static class IntegrationServiceCollectionExtensions
{
    /// <summary>
    /// Registers one adapter per vendor behind the domain's ports; each serves its demo when a hotel has no keys.
    /// </summary>
    public static IServiceCollection AddStayfullIntegrations(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddStripePayments(configuration);
        services.AddSendGridEmail(configuration);
        services.AddTwilioSms(configuration);
        services.AddSeamSmartRooms(configuration);
        services.AddRateShopping(configuration);
        services.AddChannexChannels(configuration);
        services.AddAiReplies(configuration);
        return services;
    }
}
