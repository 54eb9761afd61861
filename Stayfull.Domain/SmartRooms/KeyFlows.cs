using Microsoft.EntityFrameworkCore;
using Stayfull.Domain.Integrations;
using Stayfull.Domain.Reservations;
using Stayfull.Domain.Rooms;
using Stayfull.Domain.Sessions;

namespace Stayfull.Domain.SmartRooms;

/// <summary>
/// The guest's door code at each step of a stay. Each step only records an <see cref="AccessKey"/> change
/// and an outbox intent in the caller's session, so the reservation change and the intent to call the
/// hub commit together (or neither does).
/// </summary>
internal static class KeyFlows
{
    /// <summary>A confirmed or in-house reservation got a room: a code on its lock, when the room has a mapped lock.</summary>
    public static async Task AtRoomAssignedAsync(HotelSession s, Reservation reservation, Room room, CancellationToken cancellationToken)
    {
        if (reservation.Status is not (ReservationStatus.Confirmed or ReservationStatus.CheckedIn))
        {
            return;
        }

        var roomLock = await s.Db.RoomDevices.FirstOrDefaultAsync(d => d.RoomId == room.Id && d.Kind == RoomDeviceKind.Lock, cancellationToken);
        if (roomLock is null)
        {
            return;
        }

        if (await s.Db.AccessKeys.AnyAsync(k => k.ReservationId == reservation.Id && k.RoomId == room.Id, cancellationToken))
        {
            return;
        }

        var startsAt = HotelInstant(s, reservation.Arrival, s.Hotel.CheckInTime);
        var endsAt = HotelInstant(s, reservation.Departure, s.Hotel.CheckOutTime);
        if (endsAt <= s.Now)
        {
            return;
        }

        var key = new AccessKey(s.HotelId, reservation.Id, room.Id, roomLock.Id, startsAt < s.Now ? s.Now : startsAt, endsAt, s.Now);
        s.Db.AccessKeys.Add(key);
        await Outbox.EnqueueAsync(s, IntegrationVendor.Seam, SmartRoomOperations.CreateAccessCode, new CreateAccessCodeIntent(key.Id), SmartRoomOperations.CreateKey(reservation.Id, room.Id), cancellationToken);
        s.Audit(nameof(AccessKey), reservation.Id, "KeyRequested", new { room.Number, key.StartsAt, key.EndsAt });
    }

    /// <summary>A room move: the old room's code goes, the new room gets one.</summary>
    public static async Task AtRoomMovedAsync(HotelSession s, Reservation reservation, Room newRoom, CancellationToken cancellationToken)
    {
        await RevokeAllAsync(s, reservation, cancellationToken);
        await AtRoomAssignedAsync(s, reservation, newRoom, cancellationToken);
    }

    /// <summary>Check-out (early or not), cancellation, no-show: every code of the stay is removed now.</summary>
    public static Task AtStayEndAsync(HotelSession s, Reservation reservation, CancellationToken cancellationToken) =>
        RevokeAllAsync(s, reservation, cancellationToken);

    private static async Task RevokeAllAsync(HotelSession s, Reservation reservation, CancellationToken cancellationToken)
    {
        var keys = await s.Db.AccessKeys
            .Where(k => k.ReservationId == reservation.Id && k.Status != AccessKeyStatus.Removing && k.Status != AccessKeyStatus.Removed)
            .ToListAsync(cancellationToken);
        foreach (var key in keys)
        {
            key.Revoke(s.Now);
            await Outbox.EnqueueAsync(s, IntegrationVendor.Seam, SmartRoomOperations.DeleteAccessCode, new DeleteAccessCodeIntent(key.Id), SmartRoomOperations.RemoveKey(reservation.Id, key.RoomId), cancellationToken);
            s.Audit(nameof(AccessKey), reservation.Id, "KeyRevoked", new { key.RoomId });
        }
    }

    /// <summary>A date and wall-clock time at the hotel, as an instant.</summary>
    private static DateTimeOffset HotelInstant(HotelSession s, DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, s.Hotel.TimeZone), TimeSpan.Zero);
    }
}
