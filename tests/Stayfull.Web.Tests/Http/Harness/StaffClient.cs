using System.Net;
using System.Text.RegularExpressions;

namespace Stayfull.Web.Tests.Http.Harness;

/// <summary>An HTTP client of the in-memory app with its own cookie jar (so a hub connection can reuse the sign-in).</summary>
public sealed partial class StaffClient(HttpMessageHandler handler, CookieContainer cookies) : HttpClient(handler)
{
    public const string AuthCookie = "stayfull.auth";

    public CookieContainer Cookies { get; } = cookies;

    public bool HasAuthCookie => Cookies.GetCookies(BaseAddress!).Any(c => c.Name == AuthCookie && !c.Expired && c.Value.Length > 0);

    /// <summary>The Cookie header this client would send, for clients that cannot share the jar.</summary>
    public string CookieHeader => Cookies.GetCookieHeader(BaseAddress!);

    /// <summary>
    /// An antiforgery token for the current identity. The sign-in page renders one for whoever asks,
    /// signed in or not, so it serves every form post of the tests.
    /// </summary>
    public async Task<string> AntiforgeryTokenAsync()
    {
        var html = await GetStringAsync(new Uri("/account/login", UriKind.Relative));
        var match = TokenInput().Match(html);
        return match.Success
            ? WebUtility.HtmlDecode(match.Groups["value"].Value)
            : throw new InvalidOperationException("The sign-in page has no antiforgery token.");
    }

    /// <summary>Posts the sign-in form as a browser would: token first, then email and password.</summary>
    public async Task<HttpResponseMessage> PostLoginAsync(string email, string password, string? returnUrl = null)
    {
        var fields = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = await AntiforgeryTokenAsync(),
            ["email"] = email,
            ["password"] = password,
        };
        if (returnUrl is not null)
        {
            fields["returnUrl"] = returnUrl;
        }

        return await PostFormAsync("/account/login", fields);
    }

    /// <summary>A form post with this identity's antiforgery token added.</summary>
    public async Task<HttpResponseMessage> PostFormWithTokenAsync(string path, IReadOnlyDictionary<string, string> fields)
    {
        var all = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = await AntiforgeryTokenAsync() };
        return await PostFormAsync(path, all);
    }

    private async Task<HttpResponseMessage> PostFormAsync(string path, IReadOnlyDictionary<string, string> fields)
    {
        using var content = new FormUrlEncodedContent(fields);
        return await PostAsync(new Uri(path, UriKind.Relative), content);
    }

    [GeneratedRegex("<input[^>]*name=\"__RequestVerificationToken\"[^>]*value=\"(?<value>[^\"]+)\"|<input[^>]*value=\"(?<value>[^\"]+)\"[^>]*name=\"__RequestVerificationToken\"", RegexOptions.IgnoreCase)]
    private static partial Regex TokenInput();
}
