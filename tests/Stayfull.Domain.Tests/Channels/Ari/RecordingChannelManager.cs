using Stayfull.Domain.Channels;
using Stayfull.Domain.Channels.Ari;

namespace Stayfull.Domain.Tests.Channels.Ari;

/// <summary>
/// A channel manager that records every ARI call (at the test clock's time) and can be told to refuse the
/// next calls, answer with warnings, or run something while a call is in flight.
/// </summary>
internal sealed class RecordingChannelManager(TimeProvider time) : IChannelManager
{
    private readonly List<AriPushCall> _calls = [];
    private readonly Queue<Exception> _failures = new();

    public IReadOnlyList<AriPushCall> Calls
    {
        get
        {
            lock (_calls)
            {
                return [.. _calls];
            }
        }
    }

    /// <summary>Warnings the next successful call answers with.</summary>
    public List<AriWarning> NextWarnings { get; } = [];

    /// <summary>Runs during the next call, as if someone saved a change while the push is on the wire.</summary>
    public Func<Task>? DuringNextCall { get; set; }

    public bool IsDemo { get; set; }

    public void FailNext(Exception failure) => _failures.Enqueue(failure);

    public IReadOnlyList<AriPushCall> CallsOf(Guid hotelId, AriKind kind) => [.. Calls.Where(c => c.HotelId == hotelId && c.Kind == kind)];

    public Task<AriPushResult> PushAvailabilityAsync(Guid hotelId, IReadOnlyList<AvailabilityValue> values, CancellationToken cancellationToken) =>
        RecordAsync(new AriPushCall(hotelId, AriKind.Availability, time.GetUtcNow(), values, [], null));

    public Task<AriPushResult> PushRestrictionsAsync(Guid hotelId, string currency, IReadOnlyList<RestrictionValue> values, CancellationToken cancellationToken) =>
        RecordAsync(new AriPushCall(hotelId, AriKind.Restrictions, time.GetUtcNow(), [], values, currency));

    private async Task<AriPushResult> RecordAsync(AriPushCall call)
    {
        if (DuringNextCall is { } during)
        {
            DuringNextCall = null;
            await during();
        }

        var failure = _failures.Count > 0 ? _failures.Dequeue() : null;
        lock (_calls)
        {
            _calls.Add(call with { Failed = failure is not null });
        }

        if (failure is not null)
        {
            throw failure;
        }

        var warnings = NextWarnings.ToList();
        NextWarnings.Clear();
        return new AriPushResult([$"task-{_calls.Count}"], warnings, IsDemo);
    }

    public Task<ChannelCatalog> GetCatalogAsync(Guid hotelId, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<IReadOnlyList<BookingRevision>> GetRevisionFeedAsync(Guid hotelId, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<BookingRevision> GetRevisionAsync(Guid hotelId, string revisionId, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task AcknowledgeRevisionAsync(Guid hotelId, string revisionId, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<IReadOnlyList<ChannelMessage>> GetBookingMessagesAsync(Guid hotelId, string bookingId, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<ChannelMessage> SendBookingMessageAsync(Guid hotelId, string bookingId, string text, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task RegisterWebhookAsync(Guid hotelId, Uri callbackUrl, string secretHeaderValue, CancellationToken cancellationToken) => throw new NotSupportedException();
}

internal sealed record AriPushCall(Guid HotelId, AriKind Kind, DateTimeOffset At, IReadOnlyList<AvailabilityValue> Availability, IReadOnlyList<RestrictionValue> Restrictions, string? Currency, bool Failed = false)
{
    public int ValueCount => Availability.Count + Restrictions.Count;
}
