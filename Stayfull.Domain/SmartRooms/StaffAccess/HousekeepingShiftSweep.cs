using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stayfull.Domain.Data;
using Stayfull.Domain.Sessions;
using Stayfull.Domain.Tenancy;

namespace Stayfull.Domain.SmartRooms.StaffAccess;

/// <summary>What one sweep did across hotels.</summary>
public sealed record ShiftSweep(int Started, int Ended, int RoomCodesRevoked);

/// <summary>
/// Run every few minutes, hotel by hotel: starts planned shifts that are about to begin (their rooms are
/// chosen then), ends shifts whose time is up and removes their codes, and removes the codes of rooms
/// cleaned since. Safe to run as often as wanted: every step checks the state first.
/// </summary>
public sealed class HousekeepingShiftSweep(StayfullDb database, IServiceScopeFactory scopes)
{
    public async Task<ShiftSweep> RunAsync(CancellationToken cancellationToken)
    {
        List<Guid> hotels;
        await using (var platform = database.ForPlatform())
        {
            hotels = await platform.Set<HousekeepingShift>().IgnoreQueryFilters()
                .Where(h => h.Status != ShiftStatus.Ended)
                .Select(h => h.HotelId)
                .Distinct()
                .ToListAsync(cancellationToken);
        }

        var total = new ShiftSweep(0, 0, 0);
        foreach (var hotelId in hotels)
        {
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<BackgroundStaffScope>().Context = StaffContext.System(hotelId);
            var done = await scope.ServiceProvider.GetRequiredService<HotelSessions>().WriteAsync(s => SweepHotelAsync(s, cancellationToken), cancellationToken);
            total = new ShiftSweep(total.Started + done.Started, total.Ended + done.Ended, total.RoomCodesRevoked + done.RoomCodesRevoked);
        }

        return total;
    }

    private static async Task<ShiftSweep> SweepHotelAsync(HotelSession s, CancellationToken cancellationToken)
    {
        var startBy = s.Now + ShiftFlows.StartLead;
        var due = await s.Db.HousekeepingShifts()
            .Where(h => (h.Status == ShiftStatus.Scheduled && h.StartsAt <= startBy) || (h.Status != ShiftStatus.Ended && h.EndsAt <= s.Now))
            .ToListAsync(cancellationToken);
        int started = 0, ended = 0;
        foreach (var shift in due.OrderBy(h => h.StartsAt))
        {
            if (shift.EndsAt <= s.Now)
            {
                ended += await ShiftFlows.EndAsync(s, shift, "shift over", cancellationToken) ? 1 : 0;
            }
            else
            {
                await ShiftFlows.StartAsync(s, shift, cancellationToken);
                started++;
            }
        }

        // Codes just requested for rooms that are already clean are not among these: a shift starts with dirty rooms only.
        var revoked = await ShiftFlows.RevokeTidiedRoomsAsync(s, cancellationToken);
        return new ShiftSweep(started, ended, revoked);
    }
}
