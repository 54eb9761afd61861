using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Stayfull.Domain.Channels.Mapping;

namespace Stayfull.Domain.Channels.Bookings;

public static class ChannelBookingsServiceCollectionExtensions
{
    /// <summary>OTA bookings in (the listener is found by the channel listeners' scan) and the mapping of a hotel onto its property.</summary>
    public static IServiceCollection AddStayfullChannelBookings(this IServiceCollection services)
    {
        // The integrations' adapter, registered after the domain, replaces this stand-in.
        services.TryAddSingleton<IChannelManager, NoChannelManager>();
        services.AddScoped<ChannelBookingService>();
        services.AddScoped<ChannelBookingDesk>();
        services.AddScoped<IChannelBookingLookup, ChannelBookingLookup>();
        services.AddSingleton<ChannelBookingFeed>();
        services.AddScoped<ChannelMappingService>();
        return services;
    }
}
