using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Stayfull.Domain.Integrations;

namespace Stayfull.Bench.Webhooks;

/// <summary>
/// The work a real Stripe verifier does per request: parse <c>t=…,v1=…</c>, check the timestamp tolerance,
/// HMAC-SHA256 the signed payload, compare in constant time, then read the event id and type from the JSON.
/// </summary>
public sealed class StripeShapedVerifier(string secret, TimeProvider time) : IWebhookVerifier
{
    public const string Header = "Stripe-Signature";
    private static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);
    private readonly byte[] _key = Encoding.UTF8.GetBytes(secret);

    public IntegrationVendor Vendor => IntegrationVendor.Stripe;

    public static string Sign(string secret, long timestamp, string body) =>
        $"t={timestamp.ToString(CultureInfo.InvariantCulture)},v1={Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp.ToString(CultureInfo.InvariantCulture)}.{body}")))}";

    public Task<WebhookVerification> VerifyAsync(Guid hotelId, WebhookRequest request, CancellationToken cancellationToken)
    {
        if (!request.Headers.TryGetValue(Header, out var header))
        {
            return Task.FromResult(WebhookVerification.Rejected("No signature."));
        }

        string? t = null, v1 = null;
        foreach (var part in header.Split(','))
        {
            if (part.StartsWith("t=", StringComparison.Ordinal))
            {
                t = part[2..];
            }
            else if (part.StartsWith("v1=", StringComparison.Ordinal))
            {
                v1 = part[3..];
            }
        }

        if (!long.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var timestamp) || v1 is null
            || (time.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(timestamp)).Duration() > Tolerance)
        {
            return Task.FromResult(WebhookVerification.Rejected("Missing or stale signature."));
        }

        var expected = Encoding.ASCII.GetBytes(Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes($"{t}.{request.RawBody}"))));
        if (!CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(v1)))
        {
            return Task.FromResult(WebhookVerification.Rejected("The signature does not match."));
        }

        using var json = JsonDocument.Parse(request.RawBody);
        var root = json.RootElement;
        return Task.FromResult(WebhookVerification.Authentic(new VerifiedEvent(root.GetProperty("id").GetString()!, root.GetProperty("type").GetString()!, request.RawBody)));
    }
}
