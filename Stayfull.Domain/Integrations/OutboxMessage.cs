using System.Text.Json;

namespace Stayfull.Domain.Integrations;

/// <summary>
/// An intent to call a vendor (charge, message, rate push), saved in the same transaction as the
/// change that caused it. The idempotency key is derived from our ids, so the vendor never does it twice.
/// </summary>
public sealed class OutboxMessage : QueuedWork
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
    }

    public string Operation { get; private set; } = "";

    public string Payload { get; private set; } = "";

    public string IdempotencyKey { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>The intent recorded when the message was enqueued.</summary>
    public T ReadPayload<T>() =>
        JsonSerializer.Deserialize<T>(Payload, JsonDefaults.Options) ?? throw new InvalidOperationException($"Empty {Operation} payload.");

    /// <summary>The vendor's id for what was done (pi_…, SM…, X-Message-Id).</summary>
    public string? Result { get; private set; }

    public DateTimeOffset? CompletedAt { get; private set; }

    public void Complete(string? result, DateTimeOffset now)
    {
        Result = result;
        CompletedAt = now;
        Succeeded();
    }

    /// <summary>The vendor's rate budget is spent: wait for it, without counting an attempt.</summary>
    public void Defer(DateTimeOffset until) => Postpone(until);

    public void RetryLater(string error, TimeSpan? retryAfter, DateTimeOffset now, double jitter) => FailedTransiently(error, retryAfter, now, jitter);

    public void FailPermanently(string error) => FailedPermanently(error);
}
