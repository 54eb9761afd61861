namespace Stayfull.Domain.Integrations;

/// <summary>
/// Port: checks that a webhook really comes from the vendor (its signature scheme, with the hotel's
/// secret) and splits it into the events to store. Nothing is stored for a request that fails here.
/// </summary>
public interface IWebhookVerifier
{
    IntegrationVendor Vendor { get; }

    Task<WebhookVerification> VerifyAsync(Guid hotelId, WebhookRequest request, CancellationToken cancellationToken);
}

/// <param name="RawBody">The exact bytes received, as UTF-8: signatures are computed over them, never over a re-serialisation.</param>
/// <param name="PublicUrl">The URL the vendor called, as it saw it (scheme and host from the proxy's forwarded headers).</param>
public sealed record WebhookRequest(string RawBody, IReadOnlyDictionary<string, string> Headers, Uri PublicUrl, string? ContentType);

public sealed record VerifiedEvent(string ExternalId, string EventType, string Payload);

public sealed record WebhookVerification(WebhookVerdict Verdict, IReadOnlyList<VerifiedEvent> Events, string? Problem)
{
    public static WebhookVerification Authentic(params VerifiedEvent[] events) => new(WebhookVerdict.Authentic, events, null);

    public static WebhookVerification Authentic(IReadOnlyList<VerifiedEvent> events) => new(WebhookVerdict.Authentic, events, null);

    /// <summary>Missing, stale or wrong signature: 401.</summary>
    public static WebhookVerification Rejected(string problem) => new(WebhookVerdict.Rejected, [], problem);

    /// <summary>Authentic but unreadable: 400.</summary>
    public static WebhookVerification Malformed(string problem) => new(WebhookVerdict.Malformed, [], problem);
}

public enum WebhookVerdict
{
    Authentic = 0,
    Rejected = 1,
    Malformed = 2,
}
