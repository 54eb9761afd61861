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

        var (startsAt, endsAt) = Window(s, reservation);
        if (endsAt <= s.Now)
        {
            return;
        }

        // One key per stay and room: a guest moved back to a room they had gets that key issued again.
        var existing = await s.Db.AccessKeys.FirstOrDefaultAsync(k => k.ReservationId == reservation.Id && k.RoomId == room.Id, cancellationToken);
        if (existing is { IsRevoked: false })
        {
            return;
        }

        if (existing is not null)
        {
            await KeyOutcomes.ReissueAsync(s, existing, roomLock.Id, startsAt, endsAt, cancellationToken);
            s.Audit(nameof(AccessKey), reservation.Id, "KeyRequested", new { room.Number, existing.StartsAt, existing.EndsAt, Reissued = true });
            return;
        }

        var key = new AccessKey(s.HotelId, reservation.Id, room.Id, roomLock.Id, startsAt, endsAt, s.Now);
        s.Db.AccessKeys.Add(key);
        await Outbox.EnqueueAsync(s, IntegrationVendor.Seam, SmartRoomOperations.CreateAccessCode, new CreateAccessCodeIntent(key.Id), SmartRoomOperations.CreateKey(reservation.Id, room.Id), cancellationToken);
        s.Audit(nameof(AccessKey), reservation.Id, "KeyRequested", new { room.Number, key.StartsAt, key.EndsAt });
    }

    /// <summary>A room move: the old room's code goes, the new room gets one (sent to the guest once it is set).</summary>
    public static async Task AtRoomMovedAsync(HotelSession s, Reservation reservation, Room newRoom, CancellationToken cancellationToken)
    {
        await RevokeAllAsync(s, reservation, cancellationToken);
        await AtRoomAssignedAsync(s, reservation, newRoom, cancellationToken);
    }

    /// <summary>
    /// New dates for the stay: each live key gets the new window, sent to its code on the lock. A room with a
    /// lock but no key yet (the old window had already ended) gets one.
    /// </summary>
    public static async Task AtStayChangedAsync(HotelSession s, Reservation reservation, CancellationToken cancellationToken)
    {
        var (startsAt, endsAt) = Window(s, reservation);
        var keys = await s.Db.AccessKeys
            .Where(k => k.ReservationId == reservation.Id && k.Status != AccessKeyStatus.Removing && k.Status != AccessKeyStatus.Removed)
            .ToListAsync(cancellationToken);
        foreach (var key in keys)
        {
            // A key that already opens the door keeps its start: only a future start moves.
            var start = startsAt <= s.Now ? key.StartsAt : startsAt;
            var from = (key.StartsAt, key.EndsAt);
            if (!key.ChangeWindow(start, endsAt, s.Now))
            {
                continue;
            }

            if (key.SeamAccessCodeId is not null || key.Status == AccessKeyStatus.Requested)
            {
                await Outbox.EnqueueAsync(s, IntegrationVendor.Seam, SmartRoomOperations.UpdateAccessCode, new UpdateAccessCodeIntent(key.Id), SmartRoomOperations.UpdateKey(key.Id, key.Version), cancellationToken);
            }

            s.Audit(nameof(AccessKey), reservation.Id, "KeyWindowChanged", new { key.RoomId, From = from, To = (key.StartsAt, key.EndsAt) });
        }

        if (reservation.RoomId is { } roomId && keys.All(k => k.RoomId != roomId))
        {
            await AtRoomAssignedAsync(s, reservation, await s.Db.Rooms.SingleAsync(r => r.Id == roomId, cancellationToken), cancellationToken);
        }
    }

    /// <summary>Check-out (early or not), cancellation, no-show: every code of the stay is removed now.</summary>
    public static Task AtStayEndAsync(HotelSession s, Reservation reservation, CancellationToken cancellationToken) =>
        RevokeAllAsync(s, reservation, cancellationToken);

    /// <summary>The key's window for the stay as booked: check-in time on arrival to check-out time on departure, hotel time.</summary>
    public static (DateTimeOffset StartsAt, DateTimeOffset EndsAt) Window(HotelSession s, Reservation reservation)
    {
        var startsAt = s.Hotel.Instant(reservation.Arrival, s.Hotel.CheckInTime);
        var endsAt = s.Hotel.Instant(reservation.Departure, s.Hotel.CheckOutTime);
        return (startsAt < s.Now ? s.Now : startsAt, endsAt);
    }

    /// <summary>Revokes one key: its code (and a code a backup replaced) come off the lock.</summary>
    public static async Task RevokeAsync(HotelSession s, AccessKey key, CancellationToken cancellationToken)
    {
        var codeId = key.SeamAccessCodeId;
        key.Revoke(s.Now);
        var idempotencyKey = SmartRoomOperations.RemoveKey(key.ReservationId, key.RoomId);
        if (s.Db.ChangeTracker.Entries<OutboxMessage>().Any(e => e.Entity.IdempotencyKey == idempotencyKey)
            || await s.Db.OutboxMessages.AnyAsync(m => m.IdempotencyKey == idempotencyKey, cancellationToken))
        {
            // This key was issued again since its first removal.
            idempotencyKey = SmartRoomOperations.RemoveReissuedKey(key.ReservationId, key.RoomId, codeId ?? $"v{key.Version}");
        }

        await Outbox.EnqueueAsync(s, IntegrationVendor.Seam, SmartRoomOperations.DeleteAccessCode, new DeleteAccessCodeIntent(key.Id, codeId), idempotencyKey, cancellationToken);
        if (key.ReplacedAccessCodeId is { } replaced)
        {
            await Outbox.EnqueueAsync(s, IntegrationVendor.Seam, SmartRoomOperations.DeleteAccessCode, new DeleteAccessCodeIntent(key.Id, replaced), SmartRoomOperations.RemoveReissuedKey(key.ReservationId, key.RoomId, replaced), cancellationToken);
        }

        s.Audit(nameof(AccessKey), key.ReservationId, "KeyRevoked", new { key.RoomId });
    }

    private static async Task RevokeAllAsync(HotelSession s, Reservation reservation, CancellationToken cancellationToken)
    {
        var keys = await s.Db.AccessKeys
            .Where(k => k.ReservationId == reservation.Id && k.Status != AccessKeyStatus.Removing && k.Status != AccessKeyStatus.Removed)
            .ToListAsync(cancellationToken);
        foreach (var key in keys)
        {
            await RevokeAsync(s, key, cancellationToken);
        }
    }
}
