using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stayfull.Domain.Data;
using Stayfull.Domain.Sessions;
using Stayfull.Domain.Tenancy;

namespace Stayfull.Domain.SmartRooms.Climate;

/// <summary>
/// What the climate jobs do, hotel by hotel, each as the system in its own time zone: bring arriving
/// guests' rooms to comfort, and set vacant rooms back to eco. Safe to run as often as wanted: a
/// thermostat already holding its target is left alone, and each request's outbox key is derived from
/// the thermostat, the mode and the period.
/// </summary>
public sealed class ClimateScheduler(StayfullDb database, IServiceScopeFactory scopes)
{
    /// <returns>How many thermostats were asked for comfort across hotels.</returns>
    public Task<int> PreConditionArrivalsAsync(CancellationToken cancellationToken) =>
        ForEachHotelAsync(ClimateFlows.PreConditionAsync, cancellationToken);

    /// <returns>How many thermostats were set back to eco across hotels.</returns>
    public Task<int> SetBackVacantRoomsAsync(CancellationToken cancellationToken) =>
        ForEachHotelAsync(ClimateFlows.SetBackVacantAsync, cancellationToken);

    private async Task<int> ForEachHotelAsync(Func<HotelSession, CancellationToken, Task<int>> work, CancellationToken cancellationToken)
    {
        List<Guid> hotels;
        await using (var platform = database.ForPlatform())
        {
            hotels = await platform.Hotels.Select(h => h.Id).ToListAsync(cancellationToken);
        }

        var total = 0;
        foreach (var hotelId in hotels)
        {
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<BackgroundStaffScope>().Context = StaffContext.System(hotelId);
            total += await scope.ServiceProvider.GetRequiredService<HotelSessions>().WriteAsync(s => work(s, cancellationToken), cancellationToken);
        }

        return total;
    }
}
