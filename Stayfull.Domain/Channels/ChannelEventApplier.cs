using System.Text.Json;
using Microsoft.Extensions.Logging;
using Stayfull.Domain.Integrations;

namespace Stayfull.Domain.Channels;

/// <summary>
/// Applies one stored Channex webhook (<c>{event, payload, property_id, user_id, timestamp}</c>) by handing it
/// to every <see cref="IChannelEventListener"/> that takes its event name. Events no listener takes are logged and dropped.
/// </summary>
public sealed class ChannelEventApplier(IEnumerable<IChannelEventListener> listeners, ILogger<ChannelEventApplier> logger) : IWebhookApplier
{
    public IntegrationVendor Vendor => IntegrationVendor.Channex;

    public async Task HandleAsync(InboxEvent inboxEvent, CancellationToken cancellationToken)
    {
        using var json = JsonDocument.Parse(inboxEvent.Payload);
        var body = json.RootElement;
        var type = Text(body, "event") ?? inboxEvent.EventType;
        var payload = body.ValueKind == JsonValueKind.Object && body.TryGetProperty("payload", out var p) ? p.GetRawText() : "{}";
        var channelEvent = new ChannelEvent(inboxEvent.HotelId, type, Text(body, "property_id"), payload, inboxEvent);
        var handled = false;
        foreach (var listener in listeners.Where(l => l.Takes(type)))
        {
            await listener.HandleAsync(channelEvent, cancellationToken);
            handled = true;
        }

        if (!handled)
        {
            logger.LogInformation("Channex {EventType} has no handler; ignored", type);
        }
    }

    private static string? Text(JsonElement body, string name) =>
        body.ValueKind == JsonValueKind.Object && body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
