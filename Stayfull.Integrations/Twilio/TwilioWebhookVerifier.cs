using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Stayfull.Domain.Integrations;
using Twilio.Security;

namespace Stayfull.Integrations.Twilio;

/// <summary>
/// Checks <c>X-Twilio-Signature</c> with the SDK's validator over the public URL Twilio called (with or
/// without the default port) and every form field, then names the event: a status callback is keyed by
/// sid and status (each status is its own event), an inbound SMS by its sid.
/// </summary>
public sealed class TwilioWebhookVerifier(ConnectionCredentialsStore credentials) : IWebhookVerifier
{
    public const string SignatureHeader = "X-Twilio-Signature";
    public const string StatusEvent = "message-status";
    public const string IncomingEvent = "incoming-sms";

    public IntegrationVendor Vendor => IntegrationVendor.Twilio;

    public async Task<WebhookVerification> VerifyAsync(Guid hotelId, WebhookRequest request, CancellationToken cancellationToken)
    {
        var keys = await credentials.GetAsync(hotelId, IntegrationVendor.Twilio, cancellationToken);
        if (keys is null || keys["AuthToken"].Length == 0)
        {
            return WebhookVerification.Rejected("Twilio is not connected for this hotel.");
        }

        var signature = request.Headers.FirstOrDefault(h => string.Equals(h.Key, SignatureHeader, StringComparison.OrdinalIgnoreCase)).Value;
        if (string.IsNullOrEmpty(signature))
        {
            return WebhookVerification.Rejected("The X-Twilio-Signature header is missing.");
        }

        var form = QueryHelpers.ParseQuery(request.RawBody);
        // Twilio's SMS webhooks repeat no field; a repeated one is signed value by value and cannot be checked as one.
        var fields = form.ToDictionary(f => f.Key, f => f.Value.ToString(), StringComparer.Ordinal);
        if (!new RequestValidator(keys["AuthToken"]).Validate(request.PublicUrl.AbsoluteUri, fields, signature))
        {
            return WebhookVerification.Rejected("The signature does not match.");
        }

        var sid = Field(fields, "MessageSid") ?? Field(fields, "SmsMessageSid") ?? Field(fields, "SmsSid");
        if (sid is null)
        {
            return WebhookVerification.Malformed("Not an SMS webhook: no MessageSid.");
        }

        var payload = JsonSerializer.Serialize(fields);
        if (Field(fields, "MessageStatus") is { } status && status != "received")
        {
            return WebhookVerification.Authentic(new VerifiedEvent($"{sid}:{status}", StatusEvent, payload));
        }

        return Field(fields, "From") is null
            ? WebhookVerification.Malformed("An inbound SMS without From.")
            : WebhookVerification.Authentic(new VerifiedEvent(sid, IncomingEvent, payload));
    }

    private static string? Field(Dictionary<string, string> fields, string name) =>
        fields.TryGetValue(name, out var value) && value.Length > 0 ? value : null;
}
