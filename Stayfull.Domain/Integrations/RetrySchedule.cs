namespace Stayfull.Domain.Integrations;

/// <summary>
/// When to try again after a transient failure: exponential backoff with full jitter, capped,
/// and never sooner than a vendor's Retry-After.
/// </summary>
public static class RetrySchedule
{
    public const int MaxAttempts = 8;
    private static readonly TimeSpan BaseDelay = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan MaxDelay = TimeSpan.FromMinutes(30);

    /// <param name="attempt">The attempt that just failed, from 1.</param>
    /// <param name="retryAfter">The vendor's own Retry-After, when it gave one.</param>
    /// <param name="jitter">A number in [0, 1): full jitter spreads many retries apart.</param>
    public static TimeSpan DelayAfter(int attempt, TimeSpan? retryAfter, double jitter)
    {
        var exponent = Math.Clamp(attempt - 1, 0, 20);
        var ceiling = Math.Min(MaxDelay.TotalMilliseconds, BaseDelay.TotalMilliseconds * Math.Pow(2, exponent));
        var delay = TimeSpan.FromMilliseconds(Math.Max(BaseDelay.TotalMilliseconds / 2, ceiling * jitter));
        return retryAfter is { } wait && wait > delay ? wait : delay;
    }

    public static bool ShouldPark(int attempts) => attempts >= MaxAttempts;
}
