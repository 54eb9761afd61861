namespace Stayfull.Domain.Channels.Bookings;

/// <summary>
/// Stands in when the host registers no channel-manager adapter (the integrations register the real one, or its
/// demo property, after the domain): everything that does not need the channel manager keeps working, and
/// anything that does is told plainly why it cannot.
/// </summary>
internal sealed class NoChannelManager : IChannelManager
{
    private static ChannelManagerException Missing() => new("No channel manager is configured for this installation.", null, isTransient: false);

    public Task<ChannelCatalog> GetCatalogAsync(Guid hotelId, CancellationToken cancellationToken) => throw Missing();

    public Task<AriPushResult> PushAvailabilityAsync(Guid hotelId, IReadOnlyList<AvailabilityValue> values, CancellationToken cancellationToken) => throw Missing();

    public Task<AriPushResult> PushRestrictionsAsync(Guid hotelId, string currency, IReadOnlyList<RestrictionValue> values, CancellationToken cancellationToken) => throw Missing();

    public Task<IReadOnlyList<BookingRevision>> GetRevisionFeedAsync(Guid hotelId, CancellationToken cancellationToken) => throw Missing();

    public Task<BookingRevision> GetRevisionAsync(Guid hotelId, string revisionId, CancellationToken cancellationToken) => throw Missing();

    public Task AcknowledgeRevisionAsync(Guid hotelId, string revisionId, CancellationToken cancellationToken) => throw Missing();

    public Task<IReadOnlyList<ChannelMessage>> GetBookingMessagesAsync(Guid hotelId, string bookingId, CancellationToken cancellationToken) => throw Missing();

    public Task<ChannelMessage> SendBookingMessageAsync(Guid hotelId, string bookingId, string text, CancellationToken cancellationToken) => throw Missing();

    public Task RegisterWebhookAsync(Guid hotelId, Uri callbackUrl, string secretHeaderValue, CancellationToken cancellationToken) => throw Missing();
}
