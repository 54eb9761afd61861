using Stayfull.Domain.Tenancy;

namespace Stayfull.Domain.Folios;

/// <summary>
/// One line of a reservation's folio. <see cref="AmountMinor"/> is always positive;
/// <see cref="Kind"/> says whether it adds to or takes from the balance.
/// </summary>
public sealed class FolioEntry : ITenantOwned
{
    private FolioEntry()
    {
    }

    public FolioEntry(Guid hotelId, Guid reservationId, FolioEntryKind kind, DateOnly serviceDate, string description, long amountMinor, string currency, string postedBy, DateTimeOffset postedAt)
    {
        if (amountMinor <= 0)
        {
            throw Common.ValidationException.For("amount", "The amount must be above zero.");
        }

        if (string.IsNullOrWhiteSpace(description))
        {
            throw Common.ValidationException.For("description", "Say what the line is for.");
        }

        Id = Guid.CreateVersion7();
        HotelId = hotelId;
        ReservationId = reservationId;
        Kind = kind;
        ServiceDate = serviceDate;
        Description = description.Trim();
        AmountMinor = amountMinor;
        Currency = currency;
        PostedBy = postedBy;
        PostedAt = postedAt;
    }

    public Guid Id { get; private set; }

    public Guid HotelId { get; private set; }

    public Guid ReservationId { get; private set; }

    public FolioEntryKind Kind { get; private set; }

    public DateOnly ServiceDate { get; private set; }

    public string Description { get; private set; } = "";

    public long AmountMinor { get; private set; }

    public string Currency { get; private set; } = "";

    public string PostedBy { get; private set; } = "";

    public DateTimeOffset PostedAt { get; private set; }

    /// <summary>
    /// The provider fact this line records (pi_… for a card payment, re_… for a card refund). Unique per
    /// hotel, so a webhook delivered twice, or two events telling the same fact, post it once.
    /// </summary>
    public string? ExternalId { get; private set; }

    /// <summary>The card payment this line belongs to, when it came from (or went to) the payment provider.</summary>
    public Guid? PaymentId { get; private set; }

    internal void LinkToProvider(string? externalId, Guid paymentId)
    {
        ExternalId ??= externalId;
        PaymentId = paymentId;
    }

    /// <summary>The entry's effect on what the guest owes: charges add, payments subtract, refunds add back.</summary>
    public long SignedAmountMinor => Kind is FolioEntryKind.Payment ? -AmountMinor : AmountMinor;
}
