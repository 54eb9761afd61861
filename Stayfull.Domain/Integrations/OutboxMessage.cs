using Stayfull.Domain.Tenancy;

namespace Stayfull.Domain.Integrations;

/// <summary>
/// An intent to call a vendor (charge, message, rate push), saved in the same transaction as the
/// change that caused it. The idempotency key is derived from our ids, so the vendor never does it twice.
/// </summary>
public sealed class OutboxMessage : ITenantOwned, IQueuedWork
{
    private OutboxMessage()
    {
    }

    public OutboxMessage(Guid hotelId, IntegrationVendor vendor, string operation, string payload, string idempotencyKey, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7();
        HotelId = hotelId;
        Vendor = vendor;
        Operation = operation;
        Payload = payload;
        IdempotencyKey = idempotencyKey;
        CreatedAt = now;
        NextAttemptAt = now;
        Status = WorkStatus.Pending;
    }

    public Guid Id { get; private set; }

    public Guid HotelId { get; private set; }

    public IntegrationVendor Vendor { get; private set; }

    public string Operation { get; private set; } = "";

    public string Payload { get; private set; } = "";

    public string IdempotencyKey { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    public WorkStatus Status { get; private set; }

    public int Attempts { get; private set; }

    public DateTimeOffset NextAttemptAt { get; private set; }

    public DateTimeOffset? LockedUntil { get; private set; }

    public string? LastError { get; private set; }

    /// <summary>The vendor's id for what was done (pi_…, SM…, X-Message-Id).</summary>
    public string? Result { get; private set; }

    public DateTimeOffset? CompletedAt { get; private set; }

    public int Version { get; private set; }

    public void Claim(DateTimeOffset until)
    {
        LockedUntil = until;
        Version++;
    }

    public void Complete(string? result, DateTimeOffset now)
    {
        Status = WorkStatus.Done;
        Result = result;
        CompletedAt = now;
        LockedUntil = null;
        Attempts++;
        Version++;
    }

    public void RetryLater(string error, TimeSpan? retryAfter, DateTimeOffset now, double jitter)
    {
        Attempts++;
        LastError = error.Length > 500 ? error[..500] : error;
        LockedUntil = null;
        if (RetrySchedule.ShouldPark(Attempts))
        {
            Status = WorkStatus.Failed;
        }
        else
        {
            NextAttemptAt = now + RetrySchedule.DelayAfter(Attempts, retryAfter, jitter);
        }

        Version++;
    }

    public void FailPermanently(string error)
    {
        Attempts++;
        LastError = error.Length > 500 ? error[..500] : error;
        LockedUntil = null;
        Status = WorkStatus.Failed;
        Version++;
    }

    public void Retry(DateTimeOffset now)
    {
        Status = WorkStatus.Pending;
        Attempts = 0;
        NextAttemptAt = now;
        Version++;
    }
}
