namespace Stayfull.Domain.Channels;

/// <summary>
/// Port: a hotel's property on the channel manager (Channex), which distributes availability, rates and
/// restrictions to the OTAs and brings their bookings and guest messages back. A hotel without
/// credentials is served by a simulated property (demo mode). Failures throw <see cref="ChannelManagerException"/>.
/// </summary>
public interface IChannelManager
{
    /// <summary>The property's room types and rate plans, to map ours onto.</summary>
    Task<ChannelCatalog> GetCatalogAsync(Guid hotelId, CancellationToken cancellationToken);

    /// <summary>One availability call (room-type level). Items rejected by the channel manager come back as warnings.</summary>
    Task<AriPushResult> PushAvailabilityAsync(Guid hotelId, IReadOnlyList<AvailabilityValue> values, CancellationToken cancellationToken);

    /// <summary>One rates-and-restrictions call (rate-plan level); rates are formatted for <paramref name="currency"/>.</summary>
    Task<AriPushResult> PushRestrictionsAsync(Guid hotelId, string currency, IReadOnlyList<RestrictionValue> values, CancellationToken cancellationToken);

    /// <summary>Booking revisions not yet acknowledged, oldest first.</summary>
    Task<IReadOnlyList<BookingRevision>> GetRevisionFeedAsync(Guid hotelId, CancellationToken cancellationToken);

    Task<BookingRevision> GetRevisionAsync(Guid hotelId, string revisionId, CancellationToken cancellationToken);

    /// <summary>Marks a revision received; call only after it is durably saved.</summary>
    Task AcknowledgeRevisionAsync(Guid hotelId, string revisionId, CancellationToken cancellationToken);

    /// <summary>The OTA chat of one booking, oldest first.</summary>
    Task<IReadOnlyList<ChannelMessage>> GetBookingMessagesAsync(Guid hotelId, string bookingId, CancellationToken cancellationToken);

    /// <summary>Sends a reply into the OTA chat of one booking.</summary>
    Task<ChannelMessage> SendBookingMessageAsync(Guid hotelId, string bookingId, string text, CancellationToken cancellationToken);

    /// <summary>Creates (or updates) the property's webhook to <paramref name="callbackUrl"/>, carrying our secret header on every call.</summary>
    Task RegisterWebhookAsync(Guid hotelId, Uri callbackUrl, string secretHeaderValue, CancellationToken cancellationToken);
}
