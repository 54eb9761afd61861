using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Stayfull.Domain.Data;
using Stayfull.Domain.Integrations;
using Stayfull.Domain.Tenancy;

namespace Stayfull.Domain.Channels.Bookings;

/// <summary>
/// The safety net under the webhooks: every hotel that distributes through the channel manager (connected,
/// or mapped to the demo property) has its revision feed pulled, applied and acknowledged. One hotel's
/// failure does not stop the others.
/// </summary>
public sealed class ChannelBookingFeed(StayfullDb database, IServiceScopeFactory scopes, ILogger<ChannelBookingFeed> logger)
{
    /// <returns>How many revisions were taken in across hotels.</returns>
    public async Task<int> PollAllAsync(CancellationToken cancellationToken)
    {
        List<Guid> hotels;
        await using (var platform = database.ForPlatform())
        {
            // The platform context sees no hotel's rows through the tenant filter: this list is deliberately across hotels.
            var connected = platform.IntegrationConnections.IgnoreQueryFilters().Where(c => c.Vendor == IntegrationVendor.Channex && c.IsActive && c.ProtectedCredentials != null).Select(c => c.HotelId);
            var mapped = platform.ChannelRoomTypeMappings.IgnoreQueryFilters().Select(m => m.HotelId);
            hotels = await connected.Union(mapped).Distinct().ToListAsync(cancellationToken);
        }

        var taken = 0;
        foreach (var hotelId in hotels)
        {
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<BackgroundStaffScope>().Context = StaffContext.System(hotelId);
            try
            {
                taken += (await scope.ServiceProvider.GetRequiredService<ChannelBookingService>().PollAsync(cancellationToken)).Count(r => r.Outcome is not null);
            }
            catch (ChannelManagerException ex)
            {
                logger.LogWarning(ex, "Booking feed of hotel {HotelId} could not be read; next poll tries again", hotelId);
            }
        }

        return taken;
    }
}
