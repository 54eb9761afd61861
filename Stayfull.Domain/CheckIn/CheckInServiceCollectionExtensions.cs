using Microsoft.Extensions.DependencyInjection;

namespace Stayfull.Domain.CheckIn;

public static class CheckInServiceCollectionExtensions
{
    /// <summary>Online check-in: the guest's steps (acting through <see cref="GuestActor"/>) and the desk's view of them.</summary>
    public static IServiceCollection AddStayfullCheckIn(this IServiceCollection services)
    {
        services.AddSingleton<GuestActor>();
        services.AddScoped<GuestCheckInService>();
        return services;
    }
}
