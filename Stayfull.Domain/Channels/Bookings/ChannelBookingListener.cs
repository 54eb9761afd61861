using System.Text.Json;

namespace Stayfull.Domain.Channels.Bookings;

/// <summary>
/// Booking webhooks are only a trigger (Channex signs nothing): the revision they name is read again over the
/// authenticated API, or the whole feed when they name none, then applied and acknowledged.
/// </summary>
public sealed class ChannelBookingListener(ChannelBookingService bookings) : IChannelEventListener
{
    private static readonly HashSet<string> Events = new(StringComparer.OrdinalIgnoreCase)
    {
        "booking", "booking_new", "booking_modification", "booking_cancellation", "booking_unmapped_room", "booking_unmapped_rate", "non_acked_booking",
    };

    public bool Takes(string eventType) => Events.Contains(eventType);

    public Task HandleAsync(ChannelEvent channelEvent, CancellationToken cancellationToken) =>
        bookings.PullAsync(RevisionIdOf(channelEvent.Payload), cancellationToken);

    internal static string? RevisionIdOf(string payload)
    {
        try
        {
            using var json = JsonDocument.Parse(string.IsNullOrWhiteSpace(payload) ? "{}" : payload);
            return json.RootElement.ValueKind == JsonValueKind.Object
                && json.RootElement.TryGetProperty("revision_id", out var id)
                && id.ValueKind == JsonValueKind.String
                ? id.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
