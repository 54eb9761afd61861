using Microsoft.EntityFrameworkCore;
using Stayfull.Domain.Data;
using Stayfull.Domain.Live;
using Stayfull.Domain.Reservations;
using Stayfull.Domain.Sessions;
using Stayfull.Domain.SmartRooms;
using Stayfull.Domain.Tenancy;

namespace Stayfull.Domain.Demo;

/// <summary>
/// The demo hotel's smart rooms: its hub's devices (the simulated workspace, one lock and one thermostat
/// per room) imported and mapped to rooms by name, and door codes asked for, through the normal key flow,
/// for the guests in house and those arriving today or tomorrow. The codes are created by the outbox once the
/// app runs, so seeding stays quick; stays further out get theirs when their room is (re)assigned.
/// </summary>
internal static class DemoSmartRooms
{
    public static async Task SeedAsync(StayfullDb database, ISmartRoomHub hub, TimeProvider time, Guid hotelId, CancellationToken cancellationToken)
    {
        // Nobody watches a hotel being seeded: its live updates go nowhere.
        var sessions = new HotelSessions(database, new FixedCurrentStaff(StaffContext.System(hotelId)), time, new Unwatched());
        await new SmartRoomService(sessions, hub).ImportDevicesAsync(cancellationToken);
        await sessions.WriteAsync(async s =>
        {
            var soon = s.Today.AddDays(1);
            var stays = await s.Db.Reservations
                .Where(r => r.RoomId != null && (r.Status == ReservationStatus.CheckedIn || (r.Status == ReservationStatus.Confirmed && r.Arrival <= soon)))
                .OrderBy(r => r.Arrival)
                .ToListAsync(cancellationToken);
            var rooms = await s.Db.Rooms.ToDictionaryAsync(r => r.Id, cancellationToken);
            foreach (var stay in stays)
            {
                await KeyFlows.AtRoomAssignedAsync(s, stay, rooms[stay.RoomId!.Value], cancellationToken);
            }
        }, cancellationToken);
    }

    private sealed class Unwatched : ILiveUpdatePublisher
    {
        public ValueTask PublishAsync(HotelChange change, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;
    }
}
