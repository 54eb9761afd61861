using Microsoft.Extensions.DependencyInjection;

namespace Stayfull.Domain.SmartRooms.StaffAccess;

public static class StaffAccessServiceCollectionExtensions
{
    /// <summary>Remote doors and housekeeping codes. Their outbox operations and Seam listeners are found by the smart-rooms assembly scan.</summary>
    public static IServiceCollection AddStayfullStaffAccess(this IServiceCollection services)
    {
        services.AddScoped<RemoteDoorService>();
        services.AddScoped<HousekeepingShiftService>();
        services.AddScoped<HousekeepingShiftSweep>();
        return services;
    }
}
