using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Stayfull.Domain.Integrations;

namespace Stayfull.Integrations.Channex;

/// <summary>
/// Channex signs nothing: it echoes the headers set on the webhook. Ours carries a per-hotel secret in
/// <see cref="SecretHeader"/>, compared in constant time with the hotel's stored one; a body for another
/// Channex property is refused too. The body (<c>{event, payload, property_id, user_id, timestamp}</c>) is
/// stored whole as one inbox event, to be used only as a trigger to re-read over the authenticated API.
/// </summary>
public sealed class ChannexWebhookVerifier(ConnectionCredentialsStore credentials) : IWebhookVerifier
{
    public const string SecretHeader = "X-Stayfull-Webhook-Secret";

    public IntegrationVendor Vendor => IntegrationVendor.Channex;

    public async Task<WebhookVerification> VerifyAsync(Guid hotelId, WebhookRequest request, CancellationToken cancellationToken)
    {
        var presented = request.Headers.FirstOrDefault(h => string.Equals(h.Key, SecretHeader, StringComparison.OrdinalIgnoreCase)).Value;
        if (string.IsNullOrEmpty(presented))
        {
            return WebhookVerification.Rejected($"The {SecretHeader} header is missing.");
        }

        var keys = await credentials.GetAsync(hotelId, IntegrationVendor.Channex, cancellationToken);
        var secret = keys?["WebhookSecret"];
        if (string.IsNullOrEmpty(secret))
        {
            return WebhookVerification.Rejected("Channex is not connected for this hotel, or its webhook has no secret.");
        }

        if (!SameSecret(presented, secret))
        {
            return WebhookVerification.Rejected("The webhook secret does not match.");
        }

        JsonElement body;
        try
        {
            using var document = JsonDocument.Parse(request.RawBody);
            body = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return WebhookVerification.Malformed("The body is not JSON.");
        }

        try
        {
            if (ChannexJson.String(body, "event") is not { Length: > 0 } eventType)
            {
                return WebhookVerification.Malformed("The Channex webhook has no event.");
            }

            if (!string.Equals(ChannexJson.String(body, "property_id"), keys!["PropertyId"], StringComparison.Ordinal))
            {
                return WebhookVerification.Rejected("The webhook is for another Channex property.");
            }

            var type = eventType.Length > 100 ? eventType[..100] : eventType;
            return WebhookVerification.Authentic(new VerifiedEvent(ChannexWebhookIds.For(eventType, body, request.RawBody), type, request.RawBody));
        }
        catch (InvalidOperationException)
        {
            // A string that escapes half a surrogate pair (e.g. "\ud800") is valid JSON but cannot be read as text.
            return WebhookVerification.Malformed("The Channex webhook has a string that is not text.");
        }
    }

    /// <summary>Hashing first gives both sides one length, so the comparison time says nothing about the secret.</summary>
    private static bool SameSecret(string presented, string secret) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(presented)), SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
