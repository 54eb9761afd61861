using Stayfull.Domain.Integrations;

namespace Stayfull.Domain.Channels;

/// <summary>
/// Reacts to one stored channel-manager webhook (booking, message, sync error…). Channex signs nothing,
/// so a listener treats the event only as a trigger and re-reads what it needs over the authenticated API.
/// Delivery is at least once: listeners are idempotent. Found by assembly scan.
/// </summary>
public interface IChannelEventListener
{
    /// <summary>Whether this listener handles the Channex event name (<c>booking_new</c>, <c>message</c>, <c>sync_error</c>…).</summary>
    bool Takes(string eventType);

    Task HandleAsync(ChannelEvent channelEvent, CancellationToken cancellationToken);
}

/// <param name="Payload">The <c>payload</c> object as received (JSON), empty when the webhook sends no data.</param>
public sealed record ChannelEvent(Guid HotelId, string EventType, string? PropertyId, string Payload, InboxEvent Source);
