namespace Stayfull.Domain.SmartRooms;

/// <summary>
/// The hub refused or could not be reached. <see cref="IsTransient"/> says whether the same call may
/// succeed later (rate limit, outage, timeout), no sooner than <see cref="RetryAfter"/> when given.
/// </summary>
public sealed class SmartRoomHubException : Exception
{
    public SmartRoomHubException()
    {
    }

    public SmartRoomHubException(string message)
        : base(message)
    {
    }

    public SmartRoomHubException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public SmartRoomHubException(string message, bool isTransient, int? httpStatus = null, string? errorType = null, TimeSpan? retryAfter = null, Exception? innerException = null)
        : base(message, innerException)
    {
        IsTransient = isTransient;
        HttpStatus = httpStatus;
        ErrorType = errorType;
        RetryAfter = retryAfter;
    }

    public bool IsTransient { get; }

    public int? HttpStatus { get; }

    /// <summary>The hub's error type, for example <c>invalid_input</c> or <c>device_not_found</c>.</summary>
    public string? ErrorType { get; }

    public TimeSpan? RetryAfter { get; }
}
