using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Stayfull.Integrations.Seam;

namespace Stayfull.Web.Tests.Reliability.Storms.Fakes;

/// <summary>Signs webhook bodies exactly as each vendor does, at the moment of delivery (as a vendor's retry would).</summary>
public static class VendorSignatures
{
    /// <summary><c>Stripe-Signature: t=…,v1=…</c>: HMAC-SHA256 of <c>{t}.{body}</c> with the endpoint secret.</summary>
    public static string Stripe(string secret, string body, DateTimeOffset now)
    {
        var t = now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{t}.{body}"));
        return $"t={t},v1={Convert.ToHexStringLower(mac)}";
    }

    /// <summary>Svix headers (Seam's deliveries): the message id stays the same across retries, the timestamp is the attempt's.</summary>
    public static IReadOnlyDictionary<string, string> Svix(string secret, string messageId, string body, DateTimeOffset now)
    {
        var t = now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return new Dictionary<string, string>
        {
            ["svix-id"] = messageId,
            ["svix-timestamp"] = t,
            ["svix-signature"] = SvixSignature.Sign(secret, messageId, t, body),
        };
    }

    /// <summary><c>X-Twilio-Signature</c>: base64 HMAC-SHA1 of the URL followed by every field name and value, sorted by name.</summary>
    public static string Twilio(string authToken, Uri url, IReadOnlyDictionary<string, string> fields)
    {
        var text = new StringBuilder(url.AbsoluteUri);
        foreach (var (name, value) in fields.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            text.Append(name).Append(value);
        }

#pragma warning disable CA5350 // Twilio's signature is HMAC-SHA1 by definition
        return Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(authToken), Encoding.UTF8.GetBytes(text.ToString())));
#pragma warning restore CA5350
    }

    /// <summary>A Svix-style secret: <c>whsec_</c> and base64 key bytes, generated, never a literal.</summary>
    public static string NewSvixSecret() => SvixSignature.SecretPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(24));

    public static string NewHexSecret(string prefix) => prefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}
