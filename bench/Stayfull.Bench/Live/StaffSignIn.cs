using System.Net;
using System.Text.RegularExpressions;

namespace Stayfull.Bench.Live;

/// <summary>Signs in through the real form (antiforgery token first), leaving the auth cookie in a jar a hub connection can share.</summary>
public static partial class StaffSignIn
{
    public static async Task<CookieContainer> SignInAsync(Uri baseAddress, string email, string password)
    {
        var cookies = new CookieContainer();
        using var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = baseAddress };
        var html = await client.GetStringAsync(new Uri("account/login", UriKind.Relative));
        var match = TokenInput().Match(html);
        if (!match.Success)
        {
            throw new InvalidOperationException("The sign-in page has no antiforgery token.");
        }

        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(match.Groups["value"].Value),
            ["email"] = email,
            ["password"] = password,
        });
        using var response = await client.PostAsync(new Uri("account/login", UriKind.Relative), form);
        if (!cookies.GetCookies(baseAddress).Any(c => c.Name == "stayfull.auth" && c.Value.Length > 0))
        {
            throw new InvalidOperationException($"Sign-in as {email} failed: {(int)response.StatusCode}.");
        }

        return cookies;
    }

    [GeneratedRegex("<input[^>]*name=\"__RequestVerificationToken\"[^>]*value=\"(?<value>[^\"]+)\"|<input[^>]*value=\"(?<value>[^\"]+)\"[^>]*name=\"__RequestVerificationToken\"", RegexOptions.IgnoreCase)]
    private static partial Regex TokenInput();
}
