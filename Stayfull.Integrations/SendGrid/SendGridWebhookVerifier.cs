using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Stayfull.Domain.Integrations;

namespace Stayfull.Integrations.SendGrid;

/// <summary>
/// Checks SendGrid's signed event webhook: ECDSA P-256 / SHA-256 over <c>timestamp + rawBody</c> with the
/// hotel's verification key, then splits the batch into one inbox event per item, keyed by <c>sg_event_id</c>.
/// </summary>
public sealed class SendGridWebhookVerifier(ConnectionCredentialsStore credentials, IOptions<SendGridOptions> options, TimeProvider time) : IWebhookVerifier
{
    public const string SignatureHeader = "X-Twilio-Email-Event-Webhook-Signature";
    public const string TimestampHeader = "X-Twilio-Email-Event-Webhook-Timestamp";

    public IntegrationVendor Vendor => IntegrationVendor.SendGrid;

    public async Task<WebhookVerification> VerifyAsync(Guid hotelId, WebhookRequest request, CancellationToken cancellationToken)
    {
        var keys = await credentials.GetAsync(hotelId, IntegrationVendor.SendGrid, cancellationToken);
        if (keys is null || keys["WebhookPublicKey"].Length == 0)
        {
            return WebhookVerification.Rejected("SendGrid is not connected with a verification key for this hotel.");
        }

        if (Header(request, SignatureHeader) is not { Length: > 0 } signatureText || Header(request, TimestampHeader) is not { Length: > 0 } timestamp)
        {
            return WebhookVerification.Rejected("The signature or timestamp header is missing.");
        }

        if (!long.TryParse(timestamp, out var seconds) || Math.Abs((time.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(Math.Clamp(seconds, 0, 253402300799))).TotalSeconds) > options.Value.SignatureTolerance.TotalSeconds)
        {
            return WebhookVerification.Rejected("The timestamp is missing, malformed or too old.");
        }

        if (!Verify(keys["WebhookPublicKey"], timestamp, request.RawBody, signatureText))
        {
            return WebhookVerification.Rejected("The signature does not match.");
        }

        return Split(request.RawBody);
    }

    /// <summary>The signed data is the header's timestamp verbatim followed by the exact body bytes (often ending in CRLF).</summary>
    internal static bool Verify(string base64PublicKey, string timestamp, string rawBody, string base64Signature)
    {
        try
        {
            using var key = ECDsa.Create();
            key.ImportSubjectPublicKeyInfo(Convert.FromBase64String(base64PublicKey), out _);
            var signature = Convert.FromBase64String(base64Signature);
            return key.VerifyData(Encoding.UTF8.GetBytes(timestamp + rawBody), signature, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        }
        catch (FormatException)
        {
            return false;
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    private static WebhookVerification Split(string rawBody)
    {
        try
        {
            using var json = JsonDocument.Parse(rawBody);
            if (json.RootElement.ValueKind != JsonValueKind.Array)
            {
                return WebhookVerification.Malformed("SendGrid posts a JSON array of events.");
            }

            var events = new List<VerifiedEvent>();
            foreach (var item in json.RootElement.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.Object
                    || !item.TryGetProperty("sg_event_id", out var id) || id.ValueKind != JsonValueKind.String || id.GetString() is not { Length: > 0 } eventId
                    || !item.TryGetProperty("event", out var type) || type.ValueKind != JsonValueKind.String)
                {
                    return WebhookVerification.Malformed("An event has no sg_event_id or event.");
                }

                events.Add(new VerifiedEvent(eventId, type.GetString()!, item.GetRawText()));
            }

            return WebhookVerification.Authentic(events);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            // InvalidOperationException: a string that escapes half a surrogate pair (e.g. "\ud800") cannot be read as text.
            return WebhookVerification.Malformed("The body is not JSON.");
        }
    }

    private static string? Header(WebhookRequest request, string name) =>
        request.Headers.TryGetValue(name, out var value) ? value : request.Headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
}
