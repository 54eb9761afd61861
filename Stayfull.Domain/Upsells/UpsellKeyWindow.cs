using Microsoft.EntityFrameworkCore;
using Stayfull.Domain.Integrations;
using Stayfull.Domain.Reservations;
using Stayfull.Domain.Sessions;
using Stayfull.Domain.SmartRooms;

namespace Stayfull.Domain.Upsells;

/// <summary>
/// A bought upsell moves the stay's door code: early check-in opens it from the early hour on arrival,
/// late check-out keeps it working until the late hour on departure. Recorded in the caller's session with
/// the intent to update the code on the lock, as a change of dates does.
/// </summary>
internal static class UpsellKeyWindow
{
    public static async Task AtUpsellAcceptedAsync(HotelSession s, Reservation reservation, AcceptedUpsell upsell, CancellationToken cancellationToken)
    {
        var keys = await s.Db.AccessKeys
            .Where(k => k.ReservationId == reservation.Id && k.Status != AccessKeyStatus.Removing && k.Status != AccessKeyStatus.Removed)
            .ToListAsync(cancellationToken);
        foreach (var key in keys)
        {
            var (startsAt, endsAt) = (key.StartsAt, key.EndsAt);
            if (upsell.Kind == UpsellKind.EarlyCheckIn)
            {
                var early = s.Hotel.Instant(reservation.Arrival, upsell.Time);
                // A code that already opens the door keeps its start.
                startsAt = key.StartsAt <= s.Now ? key.StartsAt : (early < s.Now ? s.Now : early);
            }
            else
            {
                endsAt = s.Hotel.Instant(reservation.Departure, upsell.Time);
            }

            var from = (key.StartsAt, key.EndsAt);
            if (!key.ChangeWindow(startsAt, endsAt, s.Now))
            {
                continue;
            }

            if (key.SeamAccessCodeId is not null || key.Status == AccessKeyStatus.Requested)
            {
                await Outbox.EnqueueAsync(s, IntegrationVendor.Seam, SmartRoomOperations.UpdateAccessCode, new UpdateAccessCodeIntent(key.Id), SmartRoomOperations.UpdateKey(key.Id, key.Version), cancellationToken);
            }

            s.Audit(nameof(AccessKey), reservation.Id, "KeyWindowChanged", new { key.RoomId, From = from, To = (key.StartsAt, key.EndsAt), Upsell = upsell.Kind.ToString() });
        }
    }
}
