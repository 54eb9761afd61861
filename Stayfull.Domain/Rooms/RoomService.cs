using Microsoft.EntityFrameworkCore;
using Stayfull.Domain.Common;
using Stayfull.Domain.Live;
using Stayfull.Domain.Reservations;
using Stayfull.Domain.Sessions;
using Stayfull.Domain.SmartRooms.StaffAccess;
using Stayfull.Domain.Tenancy;

namespace Stayfull.Domain.Rooms;

/// <summary>Rooms, their housekeeping state, and the room grid.</summary>
public sealed class RoomService(HotelSessions sessions)
{
    public Task<IReadOnlyList<RoomView>> ListAsync(CancellationToken cancellationToken) =>
        sessions.ReadAsync<IReadOnlyList<RoomView>>(async s => await ListRoomsAsync(s, cancellationToken), cancellationToken);

    public Task SetHousekeepingAsync(Guid roomId, HousekeepingStatus status, CancellationToken cancellationToken) =>
        sessions.WriteAsync(async s =>
        {
            s.Staff.Require(StaffRole.Housekeeping, "change room status");
            var room = await s.Db.Rooms.SingleOrDefaultAsync(r => r.Id == roomId, cancellationToken) ?? throw new NotFoundException("Room");
            if (status == HousekeepingStatus.OutOfOrder)
            {
                var occupied = await s.Db.Reservations.AnyAsync(r => r.RoomId == roomId && r.Status == ReservationStatus.CheckedIn, cancellationToken);
                if (occupied)
                {
                    throw new RuleViolationException($"Room {room.Number} is occupied; move the guest before taking it out of order.");
                }
            }

            var before = room.Housekeeping;
            room.SetHousekeeping(status);
            s.Audit(nameof(Room), room.Id, "Housekeeping", new { room.Number, From = before, To = status });
            if (status is HousekeepingStatus.Clean or HousekeepingStatus.Inspected)
            {
                await ShiftFlows.AtRoomTidiedAsync(s, room.Id, room.Number, cancellationToken);
            }

            s.Announce(ChangeTopic.Rooms, room.Id, $"Room {room.Number} is {status}");
        }, cancellationToken);

    /// <summary>Rooms × days with the reservations on them and, per type, what is sold without a room yet.</summary>
    public Task<RoomGrid> GridAsync(DateOnly from, int days, CancellationToken cancellationToken) =>
        sessions.ReadAsync(async s =>
        {
            if (days is < 1 or > 62)
            {
                throw ValidationException.For("days", "The grid shows 1 to 62 days.");
            }

            var to = from.AddDays(days);
            var rooms = await ListRoomsAsync(s, cancellationToken);
            var stays = await ReservationQueries.SummariesAsync(
                s,
                s.Db.Reservations.Where(r => r.Arrival < to && from < r.Departure && (r.Status == ReservationStatus.Confirmed || r.Status == ReservationStatus.CheckedIn || r.Status == ReservationStatus.CheckedOut)),
                cancellationToken);
            var unassigned = stays.Where(r => r.RoomId is null && r.Status == ReservationStatus.Confirmed).ToList();
            return new RoomGrid(from, days, rooms, [.. stays.Where(r => r.RoomId is not null)], unassigned);
        }, cancellationToken);

    private static async Task<List<RoomView>> ListRoomsAsync(HotelSession s, CancellationToken cancellationToken)
    {
        var rows = await (from r in s.Db.Rooms
                          join t in s.Db.RoomTypes on r.RoomTypeId equals t.Id
                          select new RoomView(r.Id, r.Number, r.Floor, t.Id, t.Code, r.Housekeeping, r.Version))
            .ToListAsync(cancellationToken);
        return [.. rows.OrderBy(r => r.Floor).ThenBy(r => r.Number, StringComparer.OrdinalIgnoreCase)];
    }
}

public sealed record RoomView(Guid Id, string Number, int Floor, Guid RoomTypeId, string RoomTypeCode, HousekeepingStatus Housekeeping, int Version);

public sealed record RoomGrid(DateOnly From, int Days, IReadOnlyList<RoomView> Rooms, IReadOnlyList<ReservationSummary> Stays, IReadOnlyList<ReservationSummary> Unassigned);
