using System.Globalization;
using System.Text.Json;
using Stayfull.Domain.Integrations;

namespace Stayfull.Integrations.Seam;

/// <summary>
/// Checks a Seam webhook's Svix signature (<c>svix-id</c>, <c>svix-timestamp</c>, <c>svix-signature</c>, or
/// their <c>webhook-*</c> twins) with the hotel's webhook secret, within ±5 minutes of our clock. The body
/// is the Seam event itself; it becomes one inbox event keyed by the message id, which stays the same
/// across Svix's retries.
/// </summary>
public sealed class SeamWebhookVerifier(ConnectionCredentialsStore credentials, TimeProvider time) : IWebhookVerifier
{
    public const long ToleranceSeconds = 300;

    public IntegrationVendor Vendor => IntegrationVendor.Seam;

    public async Task<WebhookVerification> VerifyAsync(Guid hotelId, WebhookRequest request, CancellationToken cancellationToken)
    {
        var id = Header(request, "svix-id") ?? Header(request, "webhook-id");
        var timestamp = Header(request, "svix-timestamp") ?? Header(request, "webhook-timestamp");
        var signature = Header(request, "svix-signature") ?? Header(request, "webhook-signature");
        if (id is null || timestamp is null || signature is null)
        {
            return WebhookVerification.Rejected("The svix-id, svix-timestamp or svix-signature header is missing.");
        }

        var secret = (await credentials.GetAsync(hotelId, IntegrationVendor.Seam, cancellationToken))?["WebhookSecret"];
        if (string.IsNullOrEmpty(secret))
        {
            return WebhookVerification.Rejected("Seam is not connected for this hotel.");
        }

        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return WebhookVerification.Rejected("The svix-timestamp header is not a Unix time.");
        }

        if (Math.Abs(time.GetUtcNow().ToUnixTimeSeconds() - seconds) > ToleranceSeconds)
        {
            return WebhookVerification.Rejected("The svix-timestamp is more than 5 minutes from our clock.");
        }

        if (!SvixSignature.IsValid(secret, id, timestamp, request.RawBody, signature))
        {
            return WebhookVerification.Rejected("The signature does not match.");
        }

        string? eventType;
        try
        {
            using var body = JsonDocument.Parse(request.RawBody);
            eventType = SeamJson.String(body.RootElement, "event_type");
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            // InvalidOperationException: a string that escapes half a surrogate pair (e.g. "\ud800") cannot be read as text.
            return WebhookVerification.Malformed("The body is not JSON.");
        }

        return string.IsNullOrEmpty(eventType)
            ? WebhookVerification.Malformed("The Seam event has no event_type.")
            : WebhookVerification.Authentic(new VerifiedEvent(id, eventType, request.RawBody));
    }

    private static string? Header(WebhookRequest request, string name) =>
        request.Headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value is { Length: > 0 } value ? value : null;
}
