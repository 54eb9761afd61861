using Stayfull.Domain.Sessions;

namespace Stayfull.Domain.Channels;

/// <summary>Finds the stay an OTA booking became, so its guest chat joins the right conversation.</summary>
public interface IChannelBookingLookup
{
    /// <returns>The reservation and guest of the channel manager's booking id, or null when it is not imported (yet) or unmapped.</returns>
    Task<ChannelBookingStay?> FindAsync(HotelSession s, string channelBookingId, CancellationToken cancellationToken);
}

public sealed record ChannelBookingStay(Guid ReservationId, Guid GuestId, string OtaName);
