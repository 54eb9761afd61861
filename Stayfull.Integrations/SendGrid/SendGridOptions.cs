using Microsoft.Extensions.Options;

namespace Stayfull.Integrations.SendGrid;

/// <summary>Configuration section <c>SendGrid</c>. The API key is per hotel (its connection), never here.</summary>
public sealed class SendGridOptions
{
    public const string Section = "SendGrid";
    public const string HttpClientName = "SendGrid";

    /// <summary>The API host; <c>https://api.eu.sendgrid.com</c> for EU subusers, a local fake in tests.</summary>
    public string Host { get; set; } = "https://api.sendgrid.com";

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// How far an event webhook's timestamp may be from our clock. SendGrid defines no window; five
    /// minutes (as Stripe and Svix use) stops replays while tolerating clock drift and queueing.
    /// </summary>
    public TimeSpan SignatureTolerance { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Optional key for the per-hotel Inbound Parse URL tokens (an HMAC of the hotel id). Without it the tokens
    /// come from the app's Data Protection keys. Set it from a secret store, never in a committed file.
    /// </summary>
    public string? InboundParseKey { get; set; }
}

internal sealed class SendGridOptionsValidator : IValidateOptions<SendGridOptions>
{
    public ValidateOptionsResult Validate(string? name, SendGridOptions options)
    {
        var failures = new List<string>();
        if (!Uri.TryCreate(options.Host, UriKind.Absolute, out var host) || host.Scheme is not ("https" or "http"))
        {
            failures.Add($"SendGrid:Host must be an absolute http(s) URL; it is '{options.Host}'.");
        }

        if (options.Timeout <= TimeSpan.Zero || options.Timeout > TimeSpan.FromMinutes(2))
        {
            failures.Add("SendGrid:Timeout must be between 0 and 2 minutes.");
        }

        if (options.SignatureTolerance <= TimeSpan.Zero || options.SignatureTolerance > TimeSpan.FromHours(1))
        {
            failures.Add("SendGrid:SignatureTolerance must be between 0 and 1 hour.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
