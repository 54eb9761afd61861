using System.Text.RegularExpressions;

namespace Stayfull.Domain.Integrations;

/// <summary>Removes what must never be stored in a log: vendor secrets, bearer tokens, card numbers.</summary>
public static partial class Redaction
{
    public static string Redact(string text) =>
        CardNumber().Replace(Secret().Replace(text, m => m.Value[..Math.Min(m.Value.Length, 3)] + "…[redacted]"), "[card redacted]");

    // Stripe secret, restricted and publishable keys, webhook signing secrets, SendGrid and Seam keys, and Bearer/Basic credentials.
    [GeneratedRegex(@"\b(?:sk|rk|pk)_(?:live|test)_[A-Za-z0-9]+|\bwhsec_[A-Za-z0-9+/=]+|\bSG\.[A-Za-z0-9_\-\.]+|\bseam_[A-Za-z0-9_]+|\b(?:Bearer|Basic)\s+[A-Za-z0-9+/=_\-\.]+", RegexOptions.CultureInvariant)]
    private static partial Regex Secret();

    // 13 to 19 digits, optionally grouped by spaces or dashes.
    [GeneratedRegex(@"\b(?:\d[ \-]?){12,18}\d\b", RegexOptions.CultureInvariant)]
    private static partial Regex CardNumber();
}
