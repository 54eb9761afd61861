using Microsoft.EntityFrameworkCore;
using Stayfull.Domain.Common;
using Stayfull.Domain.Integrations;
using Stayfull.Domain.Live;
using Stayfull.Domain.Reservations;
using Stayfull.Domain.Sessions;
using Stayfull.Domain.Tenancy;

namespace Stayfull.Domain.SmartRooms;

/// <summary>A stay's door code as staff see it.</summary>
public sealed record AccessKeyView(Guid Id, Guid RoomId, AccessKeyStatus Status, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string? LastError, DateTimeOffset? SentAt)
{
    public bool CanRetry => Status == AccessKeyStatus.Failed;
}

/// <summary>Staff's actions on a stay's door codes.</summary>
public sealed class KeyService(HotelSessions sessions)
{
    public Task<IReadOnlyList<AccessKeyView>> ForReservationAsync(Guid reservationId, CancellationToken cancellationToken) =>
        sessions.ReadAsync<IReadOnlyList<AccessKeyView>>(async s =>
            await s.Db.AccessKeys.AsNoTracking()
                .Where(k => k.ReservationId == reservationId)
                .OrderBy(k => k.CreatedAt)
                .Select(k => new AccessKeyView(k.Id, k.RoomId, k.Status, k.StartsAt, k.EndsAt, k.LastError, k.SentAt))
                .ToListAsync(cancellationToken), cancellationToken);

    /// <summary>
    /// Issues a failed key again with a new code for the stay's current dates and lock; the failed code, if the hub
    /// made one, is removed. The guest gets the new code once it is set.
    /// </summary>
    public Task RetryAsync(Guid accessKeyId, CancellationToken cancellationToken) =>
        sessions.WriteAsync(async s =>
        {
            s.Staff.Require(StaffRole.FrontDesk, "retry a door code");
            var key = await s.Db.AccessKeys.SingleOrDefaultAsync(k => k.Id == accessKeyId, cancellationToken) ?? throw new NotFoundException("Door code");
            if (key.Status != AccessKeyStatus.Failed)
            {
                throw new RuleViolationException("Only a door code that failed can be retried.");
            }

            var reservation = await ReservationService.FindAsync(s, key.ReservationId, cancellationToken);
            if (reservation.Status is not (ReservationStatus.Confirmed or ReservationStatus.CheckedIn) || reservation.RoomId != key.RoomId)
            {
                throw new RuleViolationException("This door code is for a room the stay no longer has.");
            }

            var roomLock = await s.Db.RoomDevices.FirstOrDefaultAsync(d => d.RoomId == key.RoomId && d.Kind == RoomDeviceKind.Lock, cancellationToken)
                ?? throw new RuleViolationException("The room has no lock mapped any more.");
            var (startsAt, endsAt) = KeyFlows.Window(s, reservation);
            if (endsAt <= s.Now)
            {
                throw new RuleViolationException("The stay is over: no door code is needed.");
            }

            foreach (var old in new[] { key.SeamAccessCodeId, key.ReplacedAccessCodeId }.OfType<string>())
            {
                await Outbox.EnqueueAsync(s, IntegrationVendor.Seam, SmartRoomOperations.DeleteAccessCode, new DeleteAccessCodeIntent(key.Id, old), SmartRoomOperations.RemoveReissuedKey(key.ReservationId, key.RoomId, old), cancellationToken);
            }

            var error = key.LastError;
            await KeyOutcomes.ReissueAsync(s, key, roomLock.Id, startsAt, endsAt, cancellationToken);
            s.Audit(nameof(AccessKey), reservation.Id, "KeyRetried", new { key.RoomId, FailedWith = error });
            s.Announce(ChangeTopic.Locks, roomLock.Id, $"Door code for {reservation.ConfirmationCode} requested again");
        }, cancellationToken);
}
