namespace Stayfull.Domain.Messaging;

/// <summary>Port: hands one email to the hotel's email vendor (or its demo). No retries inside: the outbox retries.</summary>
public interface IEmailSender
{
    Task<SendResult> SendAsync(OutgoingEmail email, CancellationToken cancellationToken);
}

/// <summary>Port: hands one SMS to the hotel's SMS vendor (or its demo). No retries inside: the outbox retries.</summary>
public interface ISmsSender
{
    Task<SendResult> SendAsync(OutgoingSms sms, CancellationToken cancellationToken);
}

/// <param name="MessageId">Our <see cref="GuestMessage"/> id; travels with the message so the vendor's events correlate, and carries no personal data.</param>
public sealed record OutgoingEmail(Guid HotelId, Guid MessageId, string To, string ToName, string FromName, string Subject, string Text, string Html);

public sealed record OutgoingSms(Guid HotelId, Guid MessageId, string To, string Body);

/// <summary>How the vendor answered one send.</summary>
public abstract record SendResult
{
    public static SendResult Accepted(string vendorMessageId, bool isDemo = false) => new Success(vendorMessageId, isDemo);

    /// <summary>429, 5xx, a timeout: the same send may succeed later, not before <paramref name="retryAfter"/>.</summary>
    public static SendResult Transient(string error, TimeSpan? retryAfter = null) => new TransientFailure(error, retryAfter);

    /// <param name="recipientOptedOut">The vendor refuses because the recipient unsubscribed (Twilio 21610).</param>
    public static SendResult Rejected(string error, bool recipientOptedOut = false) => new Rejection(error, recipientOptedOut);

    public sealed record Success(string VendorMessageId, bool IsDemo) : SendResult;

    public sealed record TransientFailure(string Error, TimeSpan? RetryAfter) : SendResult;

    public sealed record Rejection(string Error, bool RecipientOptedOut) : SendResult;
}
