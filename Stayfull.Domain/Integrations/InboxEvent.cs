namespace Stayfull.Domain.Integrations;

/// <summary>
/// A verified webhook, stored before it is acknowledged. (Vendor, ExternalId) is unique, so a
/// redelivery is recognised and acknowledged without doing anything twice.
/// </summary>
public sealed class InboxEvent : QueuedWork
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
    }

    /// <summary>The vendor's event id (Stripe evt_…, SendGrid sg_event_id, Twilio MessageSid + status).</summary>
    public string ExternalId { get; private set; } = "";

    public string EventType { get; private set; } = "";

    public string Payload { get; private set; } = "";

    public DateTimeOffset ReceivedAt { get; private set; }

    public DateTimeOffset? ProcessedAt { get; private set; }

    public void Complete(DateTimeOffset now)
    {
        ProcessedAt = now;
        Succeeded();
    }

    /// <summary>Any failure to apply an event may pass (the domain was busy, the related row not there yet): retry, then park.</summary>
    public void Fail(string error, DateTimeOffset now, double jitter) => FailedTransiently(error, null, now, jitter);
}
