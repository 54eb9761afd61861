namespace Stayfull.Domain.Messaging;

public enum MessageChannel
{
    Email = 0,
    Sms = 1,
    /// <summary>The OTA's own guest chat (Booking.com, Airbnb…), through the channel manager.</summary>
    Ota = 2,
}

public enum MessageDirection
{
    Outbound = 0,
    Inbound = 1,
}

/// <summary>
/// Where a message is on its way. The order matters: a later callback never moves a message back
/// (a late "sent" after "delivered" is recorded in the history but leaves the status alone).
/// </summary>
public enum DeliveryStatus
{
    Queued = 0,
    Sent = 1,
    Delivered = 2,
    Undelivered = 3,
    Failed = 4,
    Dropped = 5,
    Bounced = 6,
    Opened = 7,
    Spam = 8,
    Received = 9,
}
