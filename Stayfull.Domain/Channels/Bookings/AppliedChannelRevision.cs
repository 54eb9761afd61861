using Stayfull.Domain.Tenancy;

namespace Stayfull.Domain.Channels.Bookings;

public enum RevisionOutcome
{
    /// <summary>The revision changed the booking.</summary>
    Applied = 0,

    /// <summary>An older revision than the one already applied, or a change to a cancelled booking: kept, changes nothing.</summary>
    Superseded = 1,

    /// <summary>The same revision again (a webhook and the feed both brought it): nothing to do.</summary>
    AlreadyApplied = 2,
}

/// <summary>
/// The log of booking revisions this hotel has taken in, one row per revision id: what makes applying a
/// revision idempotent however often the webhook, the feed and a retried acknowledgement bring it back.
/// </summary>
public sealed class AppliedChannelRevision : ITenantOwned
{
    private AppliedChannelRevision()
    {
    }

    internal AppliedChannelRevision(Guid hotelId, BookingRevision revision, RevisionOutcome outcome, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7();
        HotelId = hotelId;
        RevisionId = revision.Id.Length > 100 ? revision.Id[..100] : revision.Id;
        UniqueId = revision.UniqueId.Length > 100 ? revision.UniqueId[..100] : revision.UniqueId;
        Status = revision.Status;
        InsertedAt = revision.InsertedAt;
        Outcome = outcome;
        AppliedAt = now;
    }

    public Guid Id { get; private set; }

    public Guid HotelId { get; private set; }

    public string RevisionId { get; private set; } = "";

    public string UniqueId { get; private set; } = "";

    public RevisionStatus Status { get; private set; }

    public DateTimeOffset InsertedAt { get; private set; }

    public RevisionOutcome Outcome { get; private set; }

    public DateTimeOffset AppliedAt { get; private set; }

    /// <summary>When the channel manager confirmed our acknowledgement; null until then (the next poll retries).</summary>
    public DateTimeOffset? AcknowledgedAt { get; private set; }

    internal void Acknowledged(DateTimeOffset now) => AcknowledgedAt ??= now;
}
