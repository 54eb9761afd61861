using Stayfull.Domain.Channels;
using Stayfull.Domain.Integrations;

namespace Stayfull.Web.Tests.Components.Channels;

/// <summary>A channel manager with a fixed catalog that records webhook registrations; bookings are not its business here.</summary>
public sealed class CatalogChannelManager : IChannelManager
{
    public ChannelCatalog Catalog { get; set; } = new(
        [new("ch-rt-1", "Type 1 Room", 3), new("ch-rt-2", "Type 2 Room", 3)],
        [new("ch-rp-1", "Standard Rate", "ch-rt-1", "EUR"), new("ch-rp-2", "Standard Rate", "ch-rt-2", "EUR")],
        IsDemo: true);

    public List<(Uri Callback, string Secret)> Webhooks { get; } = [];

    public Task<ChannelCatalog> GetCatalogAsync(Guid hotelId, CancellationToken cancellationToken) => Task.FromResult(Catalog);

    public Task<AriPushResult> PushAvailabilityAsync(Guid hotelId, IReadOnlyList<AvailabilityValue> values, CancellationToken cancellationToken) => Task.FromResult(new AriPushResult([], [], true));

    public Task<AriPushResult> PushRestrictionsAsync(Guid hotelId, string currency, IReadOnlyList<RestrictionValue> values, CancellationToken cancellationToken) => Task.FromResult(new AriPushResult([], [], true));

    public Task<IReadOnlyList<BookingRevision>> GetRevisionFeedAsync(Guid hotelId, CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<BookingRevision>>([]);

    public Task<BookingRevision> GetRevisionAsync(Guid hotelId, string revisionId, CancellationToken cancellationToken) => throw new ChannelManagerException("not found", 404, isTransient: false);

    public Task AcknowledgeRevisionAsync(Guid hotelId, string revisionId, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<IReadOnlyList<ChannelMessage>> GetBookingMessagesAsync(Guid hotelId, string bookingId, CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<ChannelMessage>>([]);

    public Task<ChannelMessage> SendBookingMessageAsync(Guid hotelId, string bookingId, string text, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task RegisterWebhookAsync(Guid hotelId, Uri callbackUrl, string secretHeaderValue, CancellationToken cancellationToken)
    {
        Webhooks.Add((callbackUrl, secretHeaderValue));
        return Task.CompletedTask;
    }
}

/// <summary>Stands in for Data Protection: reversible, and visibly not the plain text.</summary>
public sealed class MirrorProtector : ICredentialProtector
{
    public string Protect(string plaintext) => new([.. plaintext.Reverse()]);

    public string Unprotect(string protectedText) => new([.. protectedText.Reverse()]);
}
