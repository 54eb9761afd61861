using Stayfull.Domain.Tenancy;

namespace Stayfull.Domain.Integrations;

/// <summary>
/// A verified webhook, stored before it is acknowledged. (Vendor, ExternalId) is unique, so a
/// redelivery is recognised and acknowledged without doing anything twice.
/// </summary>
public sealed class InboxEvent : ITenantOwned, IQueuedWork
{
    private InboxEvent()
    {
    }

    public InboxEvent(Guid hotelId, IntegrationVendor vendor, string externalId, string eventType, string payload, DateTimeOffset receivedAt)
    {
        Id = Guid.CreateVersion7();
        HotelId = hotelId;
        Vendor = vendor;
        ExternalId = externalId;
        EventType = eventType;
        Payload = payload;
        ReceivedAt = receivedAt;
        NextAttemptAt = receivedAt;
        Status = WorkStatus.Pending;
    }

    public Guid Id { get; private set; }

    public Guid HotelId { get; private set; }

    public IntegrationVendor Vendor { get; private set; }

    /// <summary>The vendor's event id (Stripe evt_…, SendGrid sg_event_id, Twilio MessageSid + status).</summary>
    public string ExternalId { get; private set; } = "";

    public string EventType { get; private set; } = "";

    public string Payload { get; private set; } = "";

    public DateTimeOffset ReceivedAt { get; private set; }

    public WorkStatus Status { get; private set; }

    public int Attempts { get; private set; }

    public DateTimeOffset NextAttemptAt { get; private set; }

    /// <summary>Claimed by a processor until then; another instance leaves it alone meanwhile.</summary>
    public DateTimeOffset? LockedUntil { get; private set; }

    public string? LastError { get; private set; }

    public DateTimeOffset? ProcessedAt { get; private set; }

    public int Version { get; private set; }

    public void Claim(DateTimeOffset until)
    {
        LockedUntil = until;
        Version++;
    }

    public void Complete(DateTimeOffset now)
    {
        Status = WorkStatus.Done;
        ProcessedAt = now;
        LockedUntil = null;
        Attempts++;
        Version++;
    }

    public void Fail(string error, DateTimeOffset now, double jitter)
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
            NextAttemptAt = now + RetrySchedule.DelayAfter(Attempts, null, jitter);
        }

        Version++;
    }

    /// <summary>Staff asked to try a parked event again.</summary>
    public void Retry(DateTimeOffset now)
    {
        Status = WorkStatus.Pending;
        Attempts = 0;
        NextAttemptAt = now;
        Version++;
    }
}
