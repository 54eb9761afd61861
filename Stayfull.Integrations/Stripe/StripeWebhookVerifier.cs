using System.Text.Json;
using Microsoft.Extensions.Logging;
using Stayfull.Domain.Integrations;
using Stripe;

namespace Stayfull.Integrations.Stripe;

/// <summary>
/// Checks <c>Stripe-Signature</c> with the SDK (HMAC-SHA256 over <c>t.payload</c> with the hotel's
/// endpoint secret, 300 s tolerance, our clock) and turns the body into one inbox event keyed by its
/// <c>evt_…</c> id.
/// </summary>
public sealed class StripeWebhookVerifier(ConnectionCredentialsStore credentials, IntegrationLogWriter log, TimeProvider time, ILogger<StripeWebhookVerifier> logger) : IWebhookVerifier
{
    public const string SignatureHeader = "Stripe-Signature";
    public const long ToleranceSeconds = 300;

    public IntegrationVendor Vendor => IntegrationVendor.Stripe;

    public async Task<WebhookVerification> VerifyAsync(Guid hotelId, WebhookRequest request, CancellationToken cancellationToken)
    {
        var header = request.Headers.FirstOrDefault(h => string.Equals(h.Key, SignatureHeader, StringComparison.OrdinalIgnoreCase)).Value;
        if (string.IsNullOrWhiteSpace(header))
        {
            return WebhookVerification.Rejected("The Stripe-Signature header is missing.");
        }

        var stored = await credentials.GetAsync(hotelId, IntegrationVendor.Stripe, cancellationToken);
        var secret = stored?["WebhookSecret"];
        if (string.IsNullOrEmpty(secret))
        {
            // Demo hotels have no endpoint secret: their simulated events go straight to the inbox, never through here.
            return WebhookVerification.Rejected("Stripe is not connected for this hotel.");
        }

        try
        {
            EventUtility.ValidateSignature(request.RawBody, header, secret, ToleranceSeconds, time.GetUtcNow().ToUnixTimeSeconds());
        }
        catch (Exception ex) when (ex is StripeException or FormatException or OverflowException or ArgumentException)
        {
            // Missing parts, stale timestamp, or mismatch (StripeException); a timestamp that is no number,
            // or too large a one, escapes Stripe.net as a conversion error: the header is just as unproven.
            return WebhookVerification.Rejected($"Stripe signature check failed: {ex.Message}");
        }

        Event stripeEvent;
        try
        {
            // The account's webhook endpoint may be pinned to another API version than Stripe.net's
            // (2026-10-28.endive). We read only fields that are stable across versions (ids, status,
            // amounts, metadata), so a mismatch is recorded, not refused: refusing would make Stripe
            // retry the same event for days and lose it.
            stripeEvent = EventUtility.ParseEvent(request.RawBody, throwOnApiVersionMismatch: false);
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException or InvalidOperationException)
        {
            // Authentic but not an event: JSON that is no object, or an object with a key twice, fails inside Stripe.net.
            return WebhookVerification.Malformed("The body is not a Stripe event.");
        }

        if (stripeEvent is null || string.IsNullOrEmpty(stripeEvent.Id) || string.IsNullOrEmpty(stripeEvent.Type))
        {
            return WebhookVerification.Malformed("The Stripe event has no id or type.");
        }

        if (!string.Equals(stripeEvent.ApiVersion, StripeConfiguration.ApiVersion, StringComparison.Ordinal))
        {
            logger.LogWarning("Stripe event {EventId} has API version {EventVersion}; Stayfull reads {SdkVersion}", stripeEvent.Id, stripeEvent.ApiVersion, StripeConfiguration.ApiVersion);
            await log.RecordAsync(hotelId, IntegrationVendor.Stripe, IntegrationDirection.Inbound, "ApiVersionMismatch", succeeded: true, null, TimeSpan.Zero, $"{stripeEvent.Type} {stripeEvent.Id} has api_version {stripeEvent.ApiVersion}; expected {StripeConfiguration.ApiVersion}", isDemo: false, cancellationToken);
        }

        return WebhookVerification.Authentic(new VerifiedEvent(stripeEvent.Id, stripeEvent.Type, request.RawBody));
    }
}
