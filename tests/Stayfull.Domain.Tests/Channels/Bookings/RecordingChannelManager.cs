using System.Collections.Concurrent;
using Stayfull.Domain.Channels;

namespace Stayfull.Domain.Tests.Channels.Bookings;

/// <summary>A channel manager that serves a scripted feed and catalog and records, in order, what was asked of it.</summary>
public sealed class RecordingChannelManager : IChannelManager
{
    private readonly ConcurrentQueue<string> _calls = new();

    public List<BookingRevision> Feed { get; } = [];

    public Dictionary<string, BookingRevision> Revisions { get; } = new(StringComparer.Ordinal);

    public ChannelCatalog Catalog { get; set; } = new(
        [new("ch-rt-1", "Type 1 Room", 3), new("ch-rt-2", "Type 2 Room", 3)],
        [new("ch-rp-1", "Standard Rate", "ch-rt-1", "EUR"), new("ch-rp-2", "Standard Rate", "ch-rt-2", "EUR")],
        IsDemo: false);

    /// <summary>Runs at each acknowledgement, before it is recorded (so a test can look at what is saved by then).</summary>
    public Action<Guid, string>? OnAcknowledge { get; set; }

    public bool FailAcknowledgements { get; set; }

    public bool RefuseWebhook { get; set; }

    public IReadOnlyList<string> Calls => [.. _calls];

    public IReadOnlyList<string> Acknowledged => [.. _calls.Where(c => c.StartsWith("ack:", StringComparison.Ordinal)).Select(c => c[4..])];

    public List<(Guid HotelId, Uri Callback, string Secret)> Webhooks { get; } = [];

    public Task<ChannelCatalog> GetCatalogAsync(Guid hotelId, CancellationToken cancellationToken)
    {
        _calls.Enqueue("catalog");
        return Task.FromResult(Catalog);
    }

    public Task<AriPushResult> PushAvailabilityAsync(Guid hotelId, IReadOnlyList<AvailabilityValue> values, CancellationToken cancellationToken) =>
        Task.FromResult(new AriPushResult([], [], false));

    public Task<AriPushResult> PushRestrictionsAsync(Guid hotelId, string currency, IReadOnlyList<RestrictionValue> values, CancellationToken cancellationToken) =>
        Task.FromResult(new AriPushResult([], [], false));

    public Task<IReadOnlyList<BookingRevision>> GetRevisionFeedAsync(Guid hotelId, CancellationToken cancellationToken)
    {
        _calls.Enqueue("feed");
        var acked = Acknowledged.ToHashSet(StringComparer.Ordinal);
        return Task.FromResult<IReadOnlyList<BookingRevision>>([.. Feed.Where(r => !acked.Contains(r.Id))]);
    }

    public Task<BookingRevision> GetRevisionAsync(Guid hotelId, string revisionId, CancellationToken cancellationToken)
    {
        _calls.Enqueue("get:" + revisionId);
        return Revisions.TryGetValue(revisionId, out var revision)
            ? Task.FromResult(revision)
            : throw new ChannelManagerException("not found", 404, isTransient: false);
    }

    public Task AcknowledgeRevisionAsync(Guid hotelId, string revisionId, CancellationToken cancellationToken)
    {
        OnAcknowledge?.Invoke(hotelId, revisionId);
        if (FailAcknowledgements)
        {
            _calls.Enqueue("ack-failed:" + revisionId);
            throw new ChannelManagerException("Service unavailable", 503, isTransient: true);
        }

        _calls.Enqueue("ack:" + revisionId);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<ChannelMessage>> GetBookingMessagesAsync(Guid hotelId, string bookingId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ChannelMessage>>([]);

    public Task<ChannelMessage> SendBookingMessageAsync(Guid hotelId, string bookingId, string text, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task RegisterWebhookAsync(Guid hotelId, Uri callbackUrl, string secretHeaderValue, CancellationToken cancellationToken)
    {
        if (RefuseWebhook)
        {
            throw new ChannelManagerException("Forbidden", 403, isTransient: false);
        }

        Webhooks.Add((hotelId, callbackUrl, secretHeaderValue));
        return Task.CompletedTask;
    }
}
