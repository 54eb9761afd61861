using Microsoft.Extensions.Options;

namespace Stayfull.Integrations.Seam;

/// <summary>Configuration section <c>Integrations:Seam</c>. The API key and webhook secret are per hotel (its connection), never here.</summary>
public sealed class SeamOptions
{
    public const string Section = "Integrations:Seam";
    public const string HttpClientName = "Seam";
    public const string DefaultBaseUrl = "https://connect.getseam.com";

    /// <summary>Seam Connect's API; only changed to point at a local fake server.</summary>
    public string BaseUrl { get; set; } = DefaultBaseUrl;

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Items asked per page when listing devices and codes.</summary>
    public int PageSize { get; set; } = 100;

    /// <summary>How long a simulated device takes to carry out an action in demo mode.</summary>
    public TimeSpan DemoActionDelay { get; set; } = TimeSpan.FromSeconds(5);
}

internal sealed class SeamOptionsValidator : IValidateOptions<SeamOptions>
{
    public ValidateOptionsResult Validate(string? name, SeamOptions options)
    {
        var failures = new List<string>();
        if (!Uri.TryCreate(options.BaseUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
        {
            failures.Add($"Integrations:Seam:BaseUrl must be an absolute http(s) URL; it is '{options.BaseUrl}'.");
        }

        if (options.Timeout <= TimeSpan.Zero || options.Timeout > TimeSpan.FromMinutes(2))
        {
            failures.Add("Integrations:Seam:Timeout must be between 0 and 2 minutes.");
        }

        if (options.PageSize is < 1 or > 500)
        {
            failures.Add("Integrations:Seam:PageSize must be between 1 and 500.");
        }

        if (options.DemoActionDelay < TimeSpan.Zero || options.DemoActionDelay > TimeSpan.FromMinutes(10))
        {
            failures.Add("Integrations:Seam:DemoActionDelay must be between 0 and 10 minutes.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
