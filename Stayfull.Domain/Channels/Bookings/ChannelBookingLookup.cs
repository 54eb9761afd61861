using Microsoft.EntityFrameworkCore;
using Stayfull.Domain.Sessions;

namespace Stayfull.Domain.Channels.Bookings;

/// <summary>The stay an OTA booking became: its first room's reservation and the booking's guest.</summary>
public sealed class ChannelBookingLookup : IChannelBookingLookup
{
    public async Task<ChannelBookingStay?> FindAsync(HotelSession s, string channelBookingId, CancellationToken cancellationToken)
    {
        var booking = await s.Db.ChannelBookings.AsNoTracking()
            .Where(b => b.ChannelBookingId == channelBookingId || b.UniqueId == channelBookingId)
            .OrderBy(b => b.CreatedAt)
            .FirstOrDefaultAsync(cancellationToken);
        if (booking?.GuestId is not { } guestId)
        {
            return null;
        }

        var reservationId = await s.Db.ChannelBookingRooms.AsNoTracking()
            .Where(r => r.ChannelBookingId == booking.Id && r.ReservationId != null)
            .OrderBy(r => r.Index)
            .Select(r => r.ReservationId)
            .FirstOrDefaultAsync(cancellationToken);
        return reservationId is { } id ? new ChannelBookingStay(id, guestId, booking.OtaName) : null;
    }
}
