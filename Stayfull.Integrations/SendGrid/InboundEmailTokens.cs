using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace Stayfull.Integrations.SendGrid;

/// <summary>
/// The secret in each hotel's Inbound Parse URL (<c>/webhooks/inbound-email/{hotelId}/{token}</c>): SendGrid signs
/// nothing it parses, so the URL itself is the credential. With <c>SendGrid:InboundParseKey</c> configured the token
/// is an HMAC of the hotel id (stable across restarts and instances); without it, the hotel id protected by the
/// app's Data Protection keys (valid while the key ring keeps its keys).
/// </summary>
public sealed class InboundEmailTokens(IDataProtectionProvider protection, IOptions<SendGridOptions> options)
{
    private const string Purpose = "Stayfull.InboundEmail.v1";
    private const string HmacPrefix = "h.";
    private const string ProtectedPrefix = "p.";

    private readonly IDataProtector _protector = protection.CreateProtector(Purpose);

    public string TokenFor(Guid hotelId) =>
        options.Value.InboundParseKey is { Length: > 0 } key
            ? HmacPrefix + Hmac(key, hotelId)
            : ProtectedPrefix + WebEncoders.Base64UrlEncode(_protector.Protect(hotelId.ToByteArray()));

    public bool IsValid(Guid hotelId, string token)
    {
        if (token.StartsWith(HmacPrefix, StringComparison.Ordinal) && options.Value.InboundParseKey is { Length: > 0 } key)
        {
            return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(token[HmacPrefix.Length..]), Encoding.ASCII.GetBytes(Hmac(key, hotelId)));
        }

        if (!token.StartsWith(ProtectedPrefix, StringComparison.Ordinal))
        {
            return false;
        }

        try
        {
            var id = new Guid(_protector.Unprotect(WebEncoders.Base64UrlDecode(token[ProtectedPrefix.Length..])));
            return id == hotelId;
        }
        catch (CryptographicException)
        {
            return false;
        }
        catch (FormatException)
        {
            return false;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>The URL staff paste into SendGrid's Inbound Parse settings.</summary>
    public Uri UrlFor(Uri publicBase, Guid hotelId) =>
        new(publicBase, $"webhooks/inbound-email/{hotelId}/{TokenFor(hotelId)}");

    private static string Hmac(string key, Guid hotelId) =>
        WebEncoders.Base64UrlEncode(HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes("inbound-email:" + hotelId.ToString("N"))));
}
