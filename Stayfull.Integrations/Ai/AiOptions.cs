using Microsoft.Extensions.Options;

namespace Stayfull.Integrations.Ai;

/// <summary>
/// Configuration section <c>Ai</c>: an OpenAI-compatible chat endpoint for suggested replies, set per
/// deployment. With no endpoint, model and key, the built-in generator answers from the knowledge base.
/// </summary>
public sealed class AiOptions
{
    public const string Section = "Ai";

    /// <summary>Base URL of the OpenAI-compatible API, e.g. <c>https://api.openai.com/v1</c>.</summary>
    public Uri? Endpoint { get; set; }

    public string? Model { get; set; }

    public string? ApiKey { get; set; }

    /// <summary>How long a suggestion may take before the built-in answer is shown instead.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>How many of the best-matching knowledge base entries the model is given.</summary>
    public int EntriesInPrompt { get; set; } = 4;

    public bool IsConfigured => Endpoint is not null && !string.IsNullOrWhiteSpace(Model) && !string.IsNullOrWhiteSpace(ApiKey);
}

internal sealed class AiOptionsValidator : IValidateOptions<AiOptions>
{
    public ValidateOptionsResult Validate(string? name, AiOptions options)
    {
        var failures = new List<string>();
        var any = options.Endpoint is not null || !string.IsNullOrWhiteSpace(options.Model) || !string.IsNullOrWhiteSpace(options.ApiKey);
        if (any && !options.IsConfigured)
        {
            failures.Add("Ai:Endpoint, Ai:Model and Ai:ApiKey are set together or not at all.");
        }

        if (options.Endpoint is { } endpoint && (!endpoint.IsAbsoluteUri || endpoint.Scheme is not ("https" or "http")))
        {
            failures.Add("Ai:Endpoint must be an absolute http(s) URL.");
        }

        if (options.Timeout <= TimeSpan.Zero || options.Timeout > TimeSpan.FromMinutes(2))
        {
            failures.Add("Ai:Timeout must be between 0 and 2 minutes.");
        }

        if (options.EntriesInPrompt is < 1 or > 20)
        {
            failures.Add("Ai:EntriesInPrompt must be between 1 and 20.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
