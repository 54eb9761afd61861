using System.Text.Json;
using Stayfull.Domain.Inbox;
using Stayfull.Domain.Integrations;
using Stayfull.Domain.Messaging;

namespace Stayfull.Integrations.SendGrid;

/// <summary>
/// Applies one SendGrid event to its message: delivered, bounce, dropped, open and spam report change the
/// delivery status; a hard bounce marks the address bad. Replays change nothing (each status is recorded once).
/// An <c>inbound</c> event is a guest's email from Inbound Parse: it goes into the guest's conversation.
/// </summary>
public sealed class SendGridEventApplier(MessageTracking tracking, InboxIntake intake) : IWebhookApplier
{
    public IntegrationVendor Vendor => IntegrationVendor.SendGrid;

    public async Task HandleAsync(InboxEvent inboxEvent, CancellationToken cancellationToken)
    {
        if (inboxEvent.EventType == SendGridInboundParse.EventType)
        {
            var stored = JsonSerializer.Deserialize<StoredInboundEmail>(inboxEvent.Payload, JsonDefaults.Options)
                ?? throw new InvalidOperationException("The stored inbound email is empty.");
            await intake.ReceiveEmailAsync(SendGridInboundParse.ToInbound(stored, inboxEvent.ReceivedAt), cancellationToken);
            return;
        }

        using var json = JsonDocument.Parse(inboxEvent.Payload);
        var item = json.RootElement;
        if (Status(item) is not { } status)
        {
            return; // processed, deferred, click, unsubscribe…: nothing to show on the message
        }

        var ourId = Text(item, SendGridEmailSender.MessageIdArg) is { } arg && Guid.TryParse(arg, out var id) ? id : (Guid?)null;
        // sg_message_id is the X-Message-Id we stored, followed by ".filter…" / ".recvd-…".
        var vendorId = Text(item, "sg_message_id")?.Split('.')[0];
        var at = item.TryGetProperty("timestamp", out var ts) && ts.TryGetInt64(out var seconds) ? DateTimeOffset.FromUnixTimeSeconds(seconds) : inboxEvent.ReceivedAt;
        var detail = Text(item, "reason") ?? Text(item, "response");
        var reference = new MessageReference(ourId, vendorId);
        if (ourId is not null)
        {
            // Ours for certain: if the message is not found yet, fail so the inbox retries.
            await tracking.RecordStatusAsync(reference, status, at, detail, cancellationToken);
            return;
        }

        try
        {
            await tracking.RecordStatusAsync(reference, status, at, detail, cancellationToken);
        }
        catch (MessageNotFoundException)
        {
            // Without our custom arg an unknown id is mail sent by other software on the same account.
        }
    }

    private static DeliveryStatus? Status(JsonElement item) => Text(item, "event") switch
    {
        "delivered" => DeliveryStatus.Delivered,
        // "blocked" is the receiving server refusing for now (reputation, content): the address itself is fine.
        "bounce" when Text(item, "type") == "blocked" => DeliveryStatus.Undelivered,
        "bounce" => DeliveryStatus.Bounced,
        "dropped" => DeliveryStatus.Dropped,
        "open" => DeliveryStatus.Opened,
        "spamreport" => DeliveryStatus.Spam,
        _ => null,
    };

    private static string? Text(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
