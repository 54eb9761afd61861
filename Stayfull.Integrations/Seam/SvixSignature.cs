using System.Security.Cryptography;
using System.Text;

namespace Stayfull.Integrations.Seam;

/// <summary>
/// Svix's webhook signature (Seam delivers through Svix): base64 HMAC-SHA256 of <c>{id}.{timestamp}.{body}</c>
/// keyed with the base64-decoded secret after its <c>whsec_</c> prefix; the header lists one or more
/// <c>v1,&lt;signature&gt;</c> entries separated by spaces.
/// </summary>
public static class SvixSignature
{
    public const string SecretPrefix = "whsec_";
    public const string VersionPrefix = "v1,";

    /// <summary>The <c>v1,…</c> entry Svix would send for this message.</summary>
    public static string Sign(string secret, string messageId, string timestamp, string body) =>
        VersionPrefix + Convert.ToBase64String(Compute(Key(secret) ?? throw new FormatException("The webhook secret is not base64."), messageId, timestamp, body));

    /// <summary>True when any <c>v1</c> entry of <paramref name="signatureHeader"/> matches, compared in constant time.</summary>
    public static bool IsValid(string secret, string messageId, string timestamp, string body, string signatureHeader)
    {
        if (Key(secret) is not { } key)
        {
            return false;
        }

        var expected = Compute(key, messageId, timestamp, body);
        foreach (var entry in signatureHeader.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!entry.StartsWith(VersionPrefix, StringComparison.Ordinal))
            {
                continue;
            }

            var given = new byte[expected.Length + 3];
            if (Convert.TryFromBase64String(entry[VersionPrefix.Length..], given, out var written) && written == expected.Length
                && CryptographicOperations.FixedTimeEquals(expected, given.AsSpan(0, written)))
            {
                return true;
            }
        }

        return false;
    }

    private static byte[]? Key(string secret)
    {
        var encoded = secret.StartsWith(SecretPrefix, StringComparison.Ordinal) ? secret[SecretPrefix.Length..] : secret;
        var buffer = new byte[encoded.Length];
        return encoded.Length > 0 && Convert.TryFromBase64String(encoded, buffer, out var written) ? buffer[..written] : null;
    }

    private static byte[] Compute(byte[] key, string messageId, string timestamp, string body) =>
        HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{messageId}.{timestamp}.{body}"));
}
