using Stayfull.Domain.Tenancy;

namespace Stayfull.Domain.Pricing;

public enum RateAlertKind
{
    /// <summary>A competitor sells a comparable room well below us on a date we still have rooms.</summary>
    CompetitorUndercut = 0,

    /// <summary>A date sells far slower than its pace.</summary>
    PaceBehind = 1,

    /// <summary>A date sells far faster than its pace: the rate may be too low.</summary>
    PaceAhead = 2,

    /// <summary>A date with a local event is still on sale at the base rate.</summary>
    EventAtBase = 3,
}

/// <summary>
/// A pricing situation staff should look at. One open alert per kind, room type and date: a rule that
/// still holds refreshes it; one that no longer holds resolves it. Staff acknowledge it to clear it from view.
/// </summary>
public sealed class RateAlert : ITenantOwned
{
    private RateAlert()
    {
    }

    public RateAlert(Guid hotelId, RateAlertKind kind, Guid roomTypeId, DateOnly date, string message, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7();
        HotelId = hotelId;
        Kind = kind;
        RoomTypeId = roomTypeId;
        Date = date;
        Message = message;
        RaisedAt = now;
        LastSeenAt = now;
    }

    public Guid Id { get; private set; }

    public Guid HotelId { get; private set; }

    public RateAlertKind Kind { get; private set; }

    public Guid RoomTypeId { get; private set; }

    public DateOnly Date { get; private set; }

    public string Message { get; private set; } = "";

    public DateTimeOffset RaisedAt { get; private set; }

    public DateTimeOffset LastSeenAt { get; private set; }

    public DateTimeOffset? ResolvedAt { get; private set; }

    public DateTimeOffset? AcknowledgedAt { get; private set; }

    public string? AcknowledgedBy { get; private set; }

    public int Version { get; private set; }

    public bool IsOpen => ResolvedAt is null && AcknowledgedAt is null;

    public void Refresh(string message, DateTimeOffset now)
    {
        Message = message;
        LastSeenAt = now;
        Version++;
    }

    public void Resolve(DateTimeOffset now)
    {
        ResolvedAt ??= now;
        Version++;
    }

    /// <returns>False when it was already acknowledged.</returns>
    public bool Acknowledge(string by, DateTimeOffset now)
    {
        if (AcknowledgedAt is not null)
        {
            return false;
        }

        AcknowledgedAt = now;
        AcknowledgedBy = by;
        Version++;
        return true;
    }
}
