namespace Stayfull.Domain.Integrations;

/// <summary>Port: performs one outbound intent against a vendor (or its demo), passing the message's idempotency key.</summary>
public interface IOutboxDispatcher
{
    IntegrationVendor Vendor { get; }

    Task<DispatchResult> DispatchAsync(OutboxMessage message, CancellationToken cancellationToken);
}

/// <summary>How a vendor call ended, which decides what happens to the intent.</summary>
public abstract record DispatchResult
{
    public static DispatchResult Succeeded(string? result) => new Success(result);

    /// <summary>429, 5xx, timeout: try again later (not sooner than <paramref name="retryAfter"/>).</summary>
    public static DispatchResult Transient(string error, TimeSpan? retryAfter = null) => new TransientFailure(error, retryAfter);

    /// <summary>The vendor refused the request itself (400, 401, 402…): retrying would not help.</summary>
    public static DispatchResult Permanent(string error) => new PermanentFailure(error);

    public sealed record Success(string? Result) : DispatchResult;

    public sealed record TransientFailure(string Error, TimeSpan? RetryAfter) : DispatchResult;

    public sealed record PermanentFailure(string Error) : DispatchResult;
}
