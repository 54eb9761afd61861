using System.Globalization;
using System.Text.Json;
using Stayfull.Domain.Channels;

namespace Stayfull.Domain.Inbox;

/// <summary>
/// Channex <c>message</c> webhooks (<c>{id, booking_id, message_thread_id, message, sender…}</c>): a guest's OTA chat
/// message goes into the stay's conversation. The hotel's own replies come back the same way and are skipped.
/// </summary>
public sealed class OtaMessageListener(InboxIntake intake) : IChannelEventListener
{
    public const string EventName = "message";

    public bool Takes(string eventType) => eventType == EventName;

    public async Task HandleAsync(ChannelEvent channelEvent, CancellationToken cancellationToken)
    {
        using var json = JsonDocument.Parse(channelEvent.Payload);
        var payload = json.RootElement;
        if (Text(payload, "id") is not { } id || Text(payload, "booking_id") is not { } bookingId)
        {
            return; // a thread message without a booking (an Airbnb inquiry) has no stay to join
        }

        if (Text(payload, "sender") is "property")
        {
            return;
        }

        var at = Text(payload, "inserted_at") is { } inserted && DateTime.TryParse(inserted, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var when)
            ? new DateTimeOffset(when, TimeSpan.Zero)
            : channelEvent.Source.ReceivedAt;
        await intake.ReceiveOtaAsync(id, bookingId, Text(payload, "message") ?? "", at, cancellationToken);
    }

    private static string? Text(JsonElement item, string name) =>
        item.ValueKind == JsonValueKind.Object && item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text ? text : null;
}
