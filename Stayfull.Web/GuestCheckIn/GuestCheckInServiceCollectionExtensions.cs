using Stayfull.Domain.Messaging;

namespace Stayfull.Web.GuestCheckIn;

public static class GuestCheckInServiceCollectionExtensions
{
    /// <summary>Signed check-in links, also handed to the domain for the pre-arrival message.</summary>
    public static IServiceCollection AddStayfullGuestCheckIn(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CheckInLinkOptions>().Bind(configuration.GetSection(CheckInLinkOptions.Section));
        services.AddSingleton<CheckInLinks>();
        services.AddSingleton<ICheckInLinkProvider>(sp => sp.GetRequiredService<CheckInLinks>());
        services.AddLocalization();
        return services;
    }
}
