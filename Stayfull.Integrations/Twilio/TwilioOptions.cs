using Microsoft.Extensions.Options;

namespace Stayfull.Integrations.Twilio;

/// <summary>Configuration section <c>Twilio</c>. Account SID and auth token are per hotel (its connection), never here.</summary>
public sealed class TwilioOptions
{
    public const string Section = "Twilio";
    public const string HttpClientName = "Twilio";
    public const string DefaultApiBaseUrl = "https://api.twilio.com";

    /// <summary>Where the SDK's requests go; only changed to point at a local fake server.</summary>
    public string ApiBaseUrl { get; set; } = DefaultApiBaseUrl;

    /// <summary>
    /// Our public address as Twilio reaches it (for example <c>https://pms.example.com</c>), for the
    /// status callback URL. Without it messages are sent without delivery callbacks.
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(20);

    public Uri? StatusCallbackFor(Guid hotelId) =>
        string.IsNullOrWhiteSpace(PublicBaseUrl) ? null : new Uri($"{PublicBaseUrl.TrimEnd('/')}/webhooks/twilio/{hotelId}");
}

internal sealed class TwilioOptionsValidator : IValidateOptions<TwilioOptions>
{
    public ValidateOptionsResult Validate(string? name, TwilioOptions options)
    {
        var failures = new List<string>();
        if (!IsHttpUrl(options.ApiBaseUrl))
        {
            failures.Add($"Twilio:ApiBaseUrl must be an absolute http(s) URL; it is '{options.ApiBaseUrl}'.");
        }

        if (!string.IsNullOrWhiteSpace(options.PublicBaseUrl) && !IsHttpUrl(options.PublicBaseUrl))
        {
            failures.Add($"Twilio:PublicBaseUrl must be an absolute http(s) URL; it is '{options.PublicBaseUrl}'.");
        }

        if (options.Timeout <= TimeSpan.Zero || options.Timeout > TimeSpan.FromMinutes(2))
        {
            failures.Add("Twilio:Timeout must be between 0 and 2 minutes.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsHttpUrl(string value) => Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http";
}
