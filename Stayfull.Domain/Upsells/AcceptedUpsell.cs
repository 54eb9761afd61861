using Stayfull.Domain.Tenancy;

namespace Stayfull.Domain.Upsells;

/// <summary>
/// An upsell a stay bought: one per reservation and kind (unique), so accepting twice charges once. It keeps
/// the hour and price agreed, whatever the hotel's settings become later.
/// </summary>
public sealed class AcceptedUpsell : ITenantOwned
{
    private AcceptedUpsell()
    {
    }

    public AcceptedUpsell(Guid hotelId, Guid reservationId, UpsellKind kind, TimeOnly time, long priceMinor, string currency, Guid folioEntryId, string acceptedBy, DateTimeOffset acceptedAt)
    {
        Id = Guid.CreateVersion7();
        HotelId = hotelId;
        ReservationId = reservationId;
        Kind = kind;
        Time = time;
        PriceMinor = priceMinor;
        Currency = currency;
        FolioEntryId = folioEntryId;
        AcceptedBy = acceptedBy;
        AcceptedAt = acceptedAt;
    }

    public Guid Id { get; private set; }

    public Guid HotelId { get; private set; }

    public Guid ReservationId { get; private set; }

    public UpsellKind Kind { get; private set; }

    /// <summary>The early entry or late leaving hour agreed, hotel time.</summary>
    public TimeOnly Time { get; private set; }

    public long PriceMinor { get; private set; }

    public string Currency { get; private set; } = "";

    /// <summary>The folio charge the upsell posted.</summary>
    public Guid FolioEntryId { get; private set; }

    public string AcceptedBy { get; private set; } = "";

    public DateTimeOffset AcceptedAt { get; private set; }
}
