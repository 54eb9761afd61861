using System.Net.Http.Headers;

namespace Stayfull.Integrations;

internal static class RetryAfterHeader
{
    /// <summary>A vendor's Retry-After (seconds or a date) as a wait from <paramref name="now"/>; null when absent.</summary>
    public static TimeSpan? From(HttpResponseHeaders? headers, DateTimeOffset now) => headers?.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date > now ? date - now : TimeSpan.Zero,
        _ => null,
    };
}
