using Microsoft.Extensions.Options;

namespace Stayfull.Integrations.Channex;

/// <summary>Configuration section <c>Integrations:Channex</c>. The API key, property id and webhook secret are per hotel (its connection), never here.</summary>
public sealed class ChannexOptions
{
    public const string Section = "Integrations:Channex";
    public const string HttpClientName = "Channex";
    public const string DefaultBaseUrl = "https://app.channex.io/api/v1/";

    /// <summary>Channex's API (production); the sandbox is <c>https://staging.channex.io/api/v1/</c>, tests point it at a local fake.</summary>
    public string BaseUrl { get; set; } = DefaultBaseUrl;

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Items asked per page when listing (Channex allows at most 100).</summary>
    public int PageSize { get; set; } = 100;

    /// <summary>How long to leave a property alone after a 429 that names no wait: Channex advises a one-minute pause.</summary>
    public TimeSpan RateLimitPause { get; set; } = TimeSpan.FromMinutes(1);
}

internal sealed class ChannexOptionsValidator : IValidateOptions<ChannexOptions>
{
    public ValidateOptionsResult Validate(string? name, ChannexOptions options)
    {
        var failures = new List<string>();
        if (!Uri.TryCreate(options.BaseUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
        {
            failures.Add($"Integrations:Channex:BaseUrl must be an absolute http(s) URL; it is '{options.BaseUrl}'.");
        }

        if (options.Timeout <= TimeSpan.Zero || options.Timeout > TimeSpan.FromMinutes(2))
        {
            failures.Add("Integrations:Channex:Timeout must be between 0 and 2 minutes.");
        }

        if (options.PageSize is < 1 or > 100)
        {
            failures.Add("Integrations:Channex:PageSize must be between 1 and 100.");
        }

        if (options.RateLimitPause <= TimeSpan.Zero || options.RateLimitPause > TimeSpan.FromHours(1))
        {
            failures.Add("Integrations:Channex:RateLimitPause must be between 0 and 1 hour.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
