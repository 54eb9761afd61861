namespace Stayfull.Domain.Channels;

/// <summary>
/// The channel manager refused or could not be reached. Transient failures (429, 5xx, timeouts) may
/// succeed later, not before <see cref="RetryAfter"/>; the rest need a person (bad key, unknown property).
/// </summary>
public sealed class ChannelManagerException : Exception
{
    public ChannelManagerException()
    {
    }

    public ChannelManagerException(string message)
        : base(message)
    {
    }

    public ChannelManagerException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ChannelManagerException(string message, int? statusCode, bool isTransient, TimeSpan? retryAfter = null, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        IsTransient = isTransient;
        RetryAfter = retryAfter;
    }

    public int? StatusCode { get; }

    public bool IsTransient { get; }

    /// <summary>True for 429: the property's per-minute budget is spent.</summary>
    public bool IsRateLimited => StatusCode == 429;

    public TimeSpan? RetryAfter { get; }
}
