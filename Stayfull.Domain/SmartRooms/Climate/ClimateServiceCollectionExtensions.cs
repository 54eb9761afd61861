using Microsoft.Extensions.DependencyInjection;

namespace Stayfull.Domain.SmartRooms.Climate;

public static class ClimateServiceCollectionExtensions
{
    /// <summary>Climate settings, energy savings and the scheduler the climate jobs call. The operation and event listener are found by the smart-room scan.</summary>
    public static IServiceCollection AddStayfullClimate(this IServiceCollection services)
    {
        services.AddScoped<ClimateSettingsService>();
        services.AddScoped<EnergySavings>();
        services.AddSingleton<ClimateScheduler>();
        return services;
    }
}
