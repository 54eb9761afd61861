using System.Text.Json;
using Microsoft.Extensions.Logging;
using Stayfull.Domain.Integrations;

namespace Stayfull.Domain.SmartRooms;

/// <summary>
/// Applies one stored Seam event (the webhook body is the event object itself) by handing it to every
/// <see cref="ISeamEventListener"/> that takes its type. Events no handler takes are logged and dropped.
/// </summary>
public sealed class SeamEventApplier(IEnumerable<ISeamEventListener> listeners, ILogger<SeamEventApplier> logger) : IWebhookApplier
{
    public IntegrationVendor Vendor => IntegrationVendor.Seam;

    public async Task HandleAsync(InboxEvent inboxEvent, CancellationToken cancellationToken)
    {
        using var json = JsonDocument.Parse(inboxEvent.Payload);
        var body = json.RootElement;
        var type = body.TryGetProperty("event_type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString()! : inboxEvent.EventType;
        var seamEvent = new SeamEvent(inboxEvent.HotelId, inboxEvent.ExternalId, type, SeamEvent.When(body, inboxEvent.ReceivedAt), body);
        var handled = false;
        foreach (var handler in listeners.Where(h => h.Takes(type)))
        {
            await handler.HandleAsync(seamEvent, cancellationToken);
            handled = true;
        }

        if (!handled)
        {
            logger.LogInformation("Seam {EventType} has no handler; ignored", type);
        }
    }
}
