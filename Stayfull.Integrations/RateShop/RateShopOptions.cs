using Microsoft.Extensions.Options;

namespace Stayfull.Integrations.RateShop;

/// <summary>
/// Configuration section <c>Integrations:RateShop</c>: how we talk to a competitor-rate provider. The base URL
/// and API key are per hotel (its connection), never here.
/// </summary>
public sealed class RateShopOptions
{
    public const string Section = "Integrations:RateShop";
    public const string HttpClientName = "RateShop";

    /// <summary>How long one request may take before it counts as a transient failure.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Rates asked per page (<c>limit</c>).</summary>
    public int PageSize { get; set; } = 500;

    /// <summary>Stay dates per request: a year is asked as a dozen months, so one slow month does not fail the year.</summary>
    public int ChunkDays { get; set; } = 31;

    /// <summary>Competitors per request (<c>hotel_ids</c>).</summary>
    public int HotelsPerRequest { get; set; } = 10;

    /// <summary>Tries of one request when the provider is rate limiting, down or slow.</summary>
    public int MaxAttempts { get; set; } = 4;

    /// <summary>The first wait between tries when the provider gives no Retry-After; doubled each time.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>A longer Retry-After than this ends the shop as transient; the next pass tries again.</summary>
    public TimeSpan MaxRetryWait { get; set; } = TimeSpan.FromSeconds(60);
}

internal sealed class RateShopOptionsValidator : IValidateOptions<RateShopOptions>
{
    public ValidateOptionsResult Validate(string? name, RateShopOptions options)
    {
        var failures = new List<string>();
        if (options.Timeout <= TimeSpan.Zero || options.Timeout > TimeSpan.FromMinutes(5))
        {
            failures.Add("Integrations:RateShop:Timeout must be between 0 and 5 minutes.");
        }

        if (options.PageSize is < 1 or > 5000)
        {
            failures.Add("Integrations:RateShop:PageSize must be between 1 and 5000.");
        }

        if (options.ChunkDays is < 1 or > 366)
        {
            failures.Add("Integrations:RateShop:ChunkDays must be between 1 and 366.");
        }

        if (options.HotelsPerRequest is < 1 or > 50)
        {
            failures.Add("Integrations:RateShop:HotelsPerRequest must be between 1 and 50.");
        }

        if (options.MaxAttempts is < 1 or > 10)
        {
            failures.Add("Integrations:RateShop:MaxAttempts must be between 1 and 10.");
        }

        if (options.RetryDelay < TimeSpan.Zero || options.RetryDelay > TimeSpan.FromMinutes(1))
        {
            failures.Add("Integrations:RateShop:RetryDelay must be between 0 and 1 minute.");
        }

        if (options.MaxRetryWait < TimeSpan.Zero || options.MaxRetryWait > TimeSpan.FromMinutes(10))
        {
            failures.Add("Integrations:RateShop:MaxRetryWait must be between 0 and 10 minutes.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
