using Stayfull.Domain.Tenancy;

namespace Stayfull.Domain.Integrations;

/// <summary>
/// What the webhook inbox and the outbox share: due work that one processor instance claims at a
/// time, retried with backoff and jitter after a transient failure, parked as failed when retrying is
/// pointless, and put back by staff with "retry".
/// </summary>
public abstract class QueuedWork : ITenantOwned
{
    private const int MaxErrorLength = 500;

    public Guid Id { get; protected set; }

    public Guid HotelId { get; protected set; }

    public IntegrationVendor Vendor { get; protected set; }

    public WorkStatus Status { get; private set; } = WorkStatus.Pending;

    public int Attempts { get; private set; }

    public DateTimeOffset NextAttemptAt { get; protected set; }

    /// <summary>Claimed by a processor until then; another instance leaves it alone meanwhile.</summary>
    public DateTimeOffset? LockedUntil { get; private set; }

    public string? LastError { get; private set; }

    public int Version { get; private set; }

    public void Claim(DateTimeOffset until)
    {
        LockedUntil = until;
        Version++;
    }

    /// <summary>Staff asked to try parked work again.</summary>
    public void Retry(DateTimeOffset now)
    {
        Status = WorkStatus.Pending;
        Attempts = 0;
        NextAttemptAt = now;
        Version++;
    }

    protected void Postpone(DateTimeOffset until)
    {
        NextAttemptAt = until;
        LockedUntil = null;
        Version++;
    }

    protected void Succeeded()
    {
        Status = WorkStatus.Done;
        Ended();
    }

    /// <summary>Tries again later (never sooner than <paramref name="retryAfter"/>), or parks the work once the attempts are spent.</summary>
    protected void FailedTransiently(string error, TimeSpan? retryAfter, DateTimeOffset now, double jitter)
    {
        Ended(error);
        if (RetrySchedule.ShouldPark(Attempts))
        {
            Status = WorkStatus.Failed;
        }
        else
        {
            NextAttemptAt = now + RetrySchedule.DelayAfter(Attempts, retryAfter, jitter);
        }
    }

    protected void FailedPermanently(string error)
    {
        Ended(error);
        Status = WorkStatus.Failed;
    }

    private void Ended(string? error = null)
    {
        Attempts++;
        LockedUntil = null;
        if (error is not null)
        {
            LastError = error.Length > MaxErrorLength ? error[..MaxErrorLength] : error;
        }

        Version++;
    }
}
