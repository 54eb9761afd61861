using Stayfull.Domain.Tenancy;

namespace Stayfull.Domain.Channels.Bookings;

/// <summary>Why an OTA booking waits for a person.</summary>
public enum ChannelBookingAttention
{
    None = 0,

    /// <summary>A room of the booking is of a channel room type no room type of ours maps to: no reservation yet.</summary>
    Unmapped = 1,

    /// <summary>The OTA sold a night we had no room left for; the desk moves or upgrades someone, then marks it resolved.</summary>
    Overbooked = 2,
}

/// <summary>
/// An OTA booking as it reached us through the channel manager, keyed by its unique id (OTA prefix and
/// reservation code). It remembers the last revision applied (and when the channel manager made it), so a
/// late, older revision changes nothing. Card data is never kept: only who collects payment and how.
/// </summary>
public sealed class ChannelBooking : ITenantOwned
{
    private ChannelBooking()
    {
    }

    internal ChannelBooking(Guid hotelId, BookingRevision revision, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7();
        HotelId = hotelId;
        UniqueId = Clip(revision.UniqueId, 100);
        CreatedAt = now;
        Update(revision, now);
    }

    public Guid Id { get; private set; }

    public Guid HotelId { get; private set; }

    /// <summary>The channel manager's booking id (stable across revisions); OTA chat is keyed by it.</summary>
    public string ChannelBookingId { get; private set; } = "";

    /// <summary>OTA prefix and reservation code, e.g. BDC-9996013801.</summary>
    public string UniqueId { get; private set; } = "";

    public string? OtaReservationCode { get; private set; }

    public string OtaName { get; private set; } = "";

    public RevisionStatus Status { get; private set; }

    public string LastRevisionId { get; private set; } = "";

    /// <summary>When the channel manager made the last applied revision: what orders revisions.</summary>
    public DateTimeOffset LastRevisionInsertedAt { get; private set; }

    public DateOnly Arrival { get; private set; }

    public DateOnly Departure { get; private set; }

    public Guid? GuestId { get; private set; }

    public string GuestName { get; private set; } = "";

    public string? GuestCountry { get; private set; }

    public string? GuestLanguage { get; private set; }

    public int Adults { get; private set; }

    public int Children { get; private set; }

    /// <summary>What the OTA sold the whole booking for, in <see cref="Currency"/>'s minor units.</summary>
    public long? AmountMinor { get; private set; }

    public string Currency { get; private set; } = "";

    public long? OtaCommissionMinor { get; private set; }

    /// <summary><c>ota</c> (the OTA collected from the guest) or <c>property</c> (the hotel charges at the stay).</summary>
    public string? PaymentCollect { get; private set; }

    public string? PaymentType { get; private set; }

    public string? Notes { get; private set; }

    public ChannelBookingAttention Attention { get; private set; }

    /// <summary>Words for the desk: which room type is unmapped, which night was overbooked.</summary>
    public string? AttentionReason { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public int Version { get; private set; }

    public bool NeedsAttention => Attention != ChannelBookingAttention.None && Status != RevisionStatus.Cancelled;

    internal void Update(BookingRevision revision, DateTimeOffset now)
    {
        ChannelBookingId = Clip(revision.BookingId, 100);
        OtaReservationCode = ClipOrNull(revision.OtaReservationCode, 100);
        OtaName = Clip(string.IsNullOrWhiteSpace(revision.OtaName) ? "OTA" : revision.OtaName, 100);
        Status = revision.Status;
        LastRevisionId = Clip(revision.Id, 100);
        LastRevisionInsertedAt = revision.InsertedAt;
        Arrival = revision.ArrivalDate;
        Departure = revision.DepartureDate;
        GuestName = Clip(GuestNames.Of(revision.Customer, UniqueId), 200);
        GuestCountry = ClipOrNull(revision.Customer.Country, 10);
        GuestLanguage = ClipOrNull(revision.Customer.Language, 10);
        Adults = revision.Rooms.Sum(r => r.Adults);
        Children = revision.Rooms.Sum(r => r.Children);
        Currency = Clip(revision.Currency.ToUpperInvariant(), 3);
        AmountMinor = revision.Amount is { } amount ? Common.Money.FromMajor(amount, Currency).Minor : null;
        OtaCommissionMinor = revision.OtaCommission is { } commission ? Common.Money.FromMajor(commission, Currency).Minor : null;
        PaymentCollect = ClipOrNull(revision.PaymentCollect, 20);
        PaymentType = ClipOrNull(revision.PaymentType, 30);
        Notes = ClipOrNull(revision.Notes, 2000);
        UpdatedAt = now;
        Version++;
    }

    internal void LinkGuest(Guid guestId) => GuestId = guestId;

    internal void Flag(ChannelBookingAttention attention, string reason)
    {
        // Unmapped outranks overbooked: without a reservation there is nothing to move yet.
        if (Attention == ChannelBookingAttention.Unmapped && attention == ChannelBookingAttention.Overbooked)
        {
            return;
        }

        Attention = attention;
        AttentionReason = Clip(reason, 500);
    }

    internal void ClearAttention(DateTimeOffset now)
    {
        Attention = ChannelBookingAttention.None;
        AttentionReason = null;
        UpdatedAt = now;
        Version++;
    }

    private static string Clip(string value, int max) => value.Length > max ? value[..max] : value;

    private static string? ClipOrNull(string? value, int max) => string.IsNullOrWhiteSpace(value) ? null : Clip(value.Trim(), max);
}
