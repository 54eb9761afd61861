using Stayfull.Domain.Common;

namespace Stayfull.Domain.Kpis;

/// <summary>
/// Occupancy, ADR and RevPAR. Counting rule: supply is every physical room on every night,
/// out-of-order rooms included (the STR convention), so taking rooms offline never flatters occupancy.
/// Sold nights are those of confirmed, in-house and checked-out stays; cancelled and no-show stays are not sold.
/// Revenue is room revenue only (room-night folio lines), not extras.
/// </summary>
public sealed record KpiFigures(DateOnly From, DateOnly To, int RoomNightsAvailable, int RoomNightsSold, Money RoomRevenue)
{
    /// <summary>Sold ÷ available, 0..1 (can exceed 1 when overbooked).</summary>
    public decimal Occupancy => RoomNightsAvailable == 0 ? 0 : (decimal)RoomNightsSold / RoomNightsAvailable;

    /// <summary>Average daily rate: room revenue ÷ rooms sold.</summary>
    public Money Adr => RoomNightsSold == 0 ? Money.Zero(RoomRevenue.Currency) : new(RoomRevenue.Minor / RoomNightsSold, RoomRevenue.Currency);

    /// <summary>Revenue per available room: room revenue ÷ rooms available (= occupancy × ADR).</summary>
    public Money RevPar => RoomNightsAvailable == 0 ? Money.Zero(RoomRevenue.Currency) : new(RoomRevenue.Minor / RoomNightsAvailable, RoomRevenue.Currency);
}

public sealed record KpiReport(KpiFigures Total, IReadOnlyList<KpiFigures> Days);
