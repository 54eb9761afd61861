using Microsoft.Extensions.DependencyInjection;
using Stayfull.Domain.SmartRooms.Climate;
using Stayfull.Domain.SmartRooms.StaffAccess;

namespace Stayfull.Domain.SmartRooms;

public static class SmartRoomsServiceCollectionExtensions
{
    /// <summary>Smart-room services, and every outbox operation and Seam event handler of this assembly.</summary>
    public static IServiceCollection AddStayfullSmartRooms(this IServiceCollection services)
    {
        services.AddScoped<SmartRoomService>();
        services.AddStayfullClimate();
        services.AddStayfullStaffAccess();
        services.AddScoped<KeyService>();
        services.AddScoped<KeyReconciliation>();
        services.AddScoped<SmartRoomAlerts>();
        foreach (var type in typeof(ISmartRoomOperation).Assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false }))
        {
            if (typeof(ISmartRoomOperation).IsAssignableFrom(type))
            {
                services.AddScoped(typeof(ISmartRoomOperation), type);
            }

            if (typeof(ISeamEventListener).IsAssignableFrom(type))
            {
                services.AddScoped(typeof(ISeamEventListener), type);
            }
        }

        return services;
    }
}
