using System.Text.Json;
using Stayfull.Domain.Integrations;
using Stayfull.Domain.Messaging;

namespace Stayfull.Integrations.Twilio;

/// <summary>
/// Applies Twilio webhooks: a status callback moves its message's delivery status (once per status), an
/// inbound SMS is stored on the guest's conversation, and STOP/START switch SMS for that number.
/// </summary>
public sealed class TwilioWebhookApplier(MessageTracking tracking) : IWebhookApplier
{
    public IntegrationVendor Vendor => IntegrationVendor.Twilio;

    public async Task HandleAsync(InboxEvent inboxEvent, CancellationToken cancellationToken)
    {
        var fields = JsonSerializer.Deserialize<Dictionary<string, string>>(inboxEvent.Payload) ?? [];
        var sid = Field(fields, "MessageSid") ?? Field(fields, "SmsMessageSid") ?? Field(fields, "SmsSid") ?? "";
        if (inboxEvent.EventType == TwilioWebhookVerifier.IncomingEvent)
        {
            await tracking.ReceiveSmsAsync(sid, Field(fields, "From") ?? "", Field(fields, "To") ?? "", Field(fields, "Body") ?? "", inboxEvent.ReceivedAt, cancellationToken);
            return;
        }

        var errorCode = Field(fields, "ErrorCode");
        if (errorCode == TwilioSmsSender.UnsubscribedRecipient.ToString(System.Globalization.CultureInfo.InvariantCulture) && Field(fields, "To") is { } number)
        {
            await tracking.SetSmsOptOutAsync(number, optedOut: true, cancellationToken);
        }

        if (Status(Field(fields, "MessageStatus")) is { } status)
        {
            // A callback can beat the save of the sid; not finding the message fails the event so the inbox retries.
            await tracking.RecordStatusAsync(new MessageReference(null, sid), status, inboxEvent.ReceivedAt, errorCode is null ? null : $"Twilio error {errorCode}", cancellationToken);
        }
    }

    private static DeliveryStatus? Status(string? twilioStatus) => twilioStatus switch
    {
        "sending" or "sent" => DeliveryStatus.Sent,
        "delivered" => DeliveryStatus.Delivered,
        "read" => DeliveryStatus.Opened,
        "undelivered" => DeliveryStatus.Undelivered,
        "failed" or "canceled" => DeliveryStatus.Failed,
        _ => null, // queued, accepted, scheduled: nothing beyond what we recorded when it was sent
    };

    private static string? Field(Dictionary<string, string> fields, string name) =>
        fields.TryGetValue(name, out var value) && value.Length > 0 ? value : null;
}
