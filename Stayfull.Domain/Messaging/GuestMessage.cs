using Stayfull.Domain.Tenancy;

namespace Stayfull.Domain.Messaging;

/// <summary>
/// One email or SMS to or from a guest, as it was sent or received, with its delivery history.
/// The vendor's id (SendGrid X-Message-Id, Twilio SM…) is unique per hotel, so callbacks and replies find it.
/// </summary>
public sealed class GuestMessage : ITenantOwned
{
    private GuestMessage()
    {
    }

    private GuestMessage(Guid hotelId, Guid? guestId, Guid? reservationId, MessageChannel channel, MessageDirection direction, string to, string from, string? subject, string body, string? htmlBody, string? templateKey, DeliveryStatus status, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7();
        HotelId = hotelId;
        GuestId = guestId;
        ReservationId = reservationId;
        Channel = channel;
        Direction = direction;
        To = to;
        From = from;
        Subject = subject;
        Body = body;
        HtmlBody = htmlBody;
        TemplateKey = templateKey;
        CreatedAt = now;
        Status = status;
        StatusChangedAt = now;
        StatusChanges.Add(new GuestMessageStatusChange(hotelId, Id, status, now, null));
    }

    public Guid Id { get; private set; }

    public Guid HotelId { get; private set; }

    /// <summary>Null for an inbound SMS from a number no guest has: the "unknown sender" conversation.</summary>
    public Guid? GuestId { get; private set; }

    public Guid? ReservationId { get; private set; }

    public MessageChannel Channel { get; private set; }

    public MessageDirection Direction { get; private set; }

    public string To { get; private set; } = "";

    public string From { get; private set; } = "";

    public string? Subject { get; private set; }

    /// <summary>The text as sent or received (the plain-text part of an email).</summary>
    public string Body { get; private set; } = "";

    /// <summary>The HTML part of an email, rendered with every value encoded.</summary>
    public string? HtmlBody { get; private set; }

    public string? TemplateKey { get; private set; }

    public string? VendorMessageId { get; private set; }

    public DeliveryStatus Status { get; private set; }

    public DateTimeOffset StatusChangedAt { get; private set; }

    /// <summary>Why the vendor refused or could not deliver it, when it did not.</summary>
    public string? Error { get; private set; }

    /// <summary>Handled by the demo implementation: nothing left the building.</summary>
    public bool IsDemo { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public int Version { get; private set; }

    /// <summary>The inbox thread (one per guest stay) this message belongs to.</summary>
    public Guid? ConversationId { get; private set; }

    /// <summary>The staff member who wrote a reply; null for templates and guests' messages.</summary>
    public string? SentBy { get; private set; }

    /// <summary>Sent without a person (a confident answer from the knowledge base).</summary>
    public bool IsAutomatic { get; private set; }

    public List<GuestMessageStatusChange> StatusChanges { get; private set; } = [];

    public static GuestMessage Outbound(Guid hotelId, Guid guestId, Guid? reservationId, MessageChannel channel, string to, string from, string? subject, string body, string? htmlBody, string? templateKey, DateTimeOffset now) =>
        new(hotelId, guestId, reservationId, channel, MessageDirection.Outbound, to, from, subject, body, htmlBody, templateKey, DeliveryStatus.Queued, now);

    public static GuestMessage InboundSms(Guid hotelId, Guid? guestId, string from, string to, string body, string vendorMessageId, DateTimeOffset now)
    {
        var message = new GuestMessage(hotelId, guestId, null, MessageChannel.Sms, MessageDirection.Inbound, to, from, null, body, null, null, DeliveryStatus.Received, now)
        {
            VendorMessageId = vendorMessageId,
        };
        return message;
    }

    /// <summary>An email a guest sent to the hotel's inbound address; <paramref name="vendorMessageId"/> is its Message-ID.</summary>
    public static GuestMessage InboundEmail(Guid hotelId, Guid? guestId, string from, string to, string? subject, string body, string vendorMessageId, DateTimeOffset now) =>
        new(hotelId, guestId, null, MessageChannel.Email, MessageDirection.Inbound, Clip(to), Clip(from), subject is { Length: > MessageTemplate.MaxSubjectLength } ? subject[..MessageTemplate.MaxSubjectLength] : subject, body, null, null, DeliveryStatus.Received, now)
        {
            VendorMessageId = vendorMessageId,
        };

    /// <summary>A guest's message in the OTA chat; <paramref name="channelBookingId"/> is where a reply goes, the vendor id is the channel manager's message id.</summary>
    public static GuestMessage InboundOta(Guid hotelId, Guid? guestId, Guid? reservationId, string channelBookingId, string otaName, string body, string vendorMessageId, DateTimeOffset now) =>
        new(hotelId, guestId, reservationId, MessageChannel.Ota, MessageDirection.Inbound, Clip(otaName), Clip(channelBookingId), null, body, null, null, DeliveryStatus.Received, now)
        {
            VendorMessageId = vendorMessageId,
        };

    /// <summary>A reply written in the inbox (or sent automatically), to whoever wrote on that channel, known guest or not.</summary>
    public static GuestMessage Reply(Guid hotelId, Guid? guestId, Guid? reservationId, MessageChannel channel, string to, string from, string? subject, string body, string? htmlBody, string sentBy, bool automatic, DateTimeOffset now) =>
        new(hotelId, guestId, reservationId, channel, MessageDirection.Outbound, to, from, subject, body, htmlBody, null, DeliveryStatus.Queued, now)
        {
            SentBy = sentBy,
            IsAutomatic = automatic,
        };

    /// <summary>Files the message in its inbox thread; the stay it belongs to comes with it when the message did not know it.</summary>
    public void JoinConversation(Guid conversationId, Guid? guestId = null, Guid? reservationId = null)
    {
        ConversationId = conversationId;
        GuestId ??= guestId;
        ReservationId ??= reservationId;
    }

    /// <summary>The vendor accepted it: remember its id; a demo "delivery" is final at once.</summary>
    public void Accepted(string vendorMessageId, bool isDemo, DateTimeOffset now)
    {
        VendorMessageId = vendorMessageId;
        IsDemo = isDemo;
        Record(isDemo ? DeliveryStatus.Delivered : DeliveryStatus.Sent, now, isDemo ? "Demo mode: recorded, not sent." : null);
    }

    public void Refused(string error, DateTimeOffset now)
    {
        Error = error.Length > 500 ? error[..500] : error;
        Record(DeliveryStatus.Failed, now, Error);
    }

    private static string Clip(string value) => value.Length > 256 ? value[..256] : value;

    /// <summary>
    /// Records a status the vendor reported. Each status is recorded once (callbacks are delivered at
    /// least once); the current status only moves forward, so callbacks arriving out of order end in
    /// the same state. Returns whether anything changed.
    /// </summary>
    public bool Record(DeliveryStatus status, DateTimeOffset at, string? detail)
    {
        if (StatusChanges.Any(c => c.Status == status))
        {
            return false;
        }

        StatusChanges.Add(new GuestMessageStatusChange(HotelId, Id, status, at, detail));
        if (status > Status)
        {
            Status = status;
            StatusChangedAt = at;
            if (detail is not null && status is DeliveryStatus.Bounced or DeliveryStatus.Dropped or DeliveryStatus.Failed or DeliveryStatus.Undelivered)
            {
                Error = detail.Length > 500 ? detail[..500] : detail;
            }
        }

        Version++;
        return true;
    }
}

/// <summary>One step of a message's delivery, with the time the vendor reported it.</summary>
public sealed class GuestMessageStatusChange : ITenantOwned
{
    private GuestMessageStatusChange()
    {
    }

    internal GuestMessageStatusChange(Guid hotelId, Guid messageId, DeliveryStatus status, DateTimeOffset at, string? detail)
    {
        Id = Guid.CreateVersion7();
        HotelId = hotelId;
        MessageId = messageId;
        Status = status;
        At = at;
        Detail = detail is { Length: > 500 } ? detail[..500] : detail;
    }

    public Guid Id { get; private set; }

    public Guid HotelId { get; private set; }

    public Guid MessageId { get; private set; }

    public DeliveryStatus Status { get; private set; }

    public DateTimeOffset At { get; private set; }

    public string? Detail { get; private set; }
}
