using Stayfull.Domain.Tenancy;

namespace Stayfull.Domain.Pricing;

public enum RateSource
{
    Provider = 0,
    Import = 1,
    Demo = 2,
}

/// <summary>
/// A competitor's latest price for one room category on one stay date. A changed price moves the old one
/// into <see cref="CompetitorRateChange"/>, so the history shows each move without a row per fetch.
/// </summary>
public sealed class CompetitorRate : ITenantOwned
{
    private CompetitorRate()
    {
    }

    public CompetitorRate(Guid hotelId, Guid competitorId, DateOnly date, string category, long priceMinor, string currency, RateSource source, DateTimeOffset fetchedAt)
    {
        Id = Guid.CreateVersion7();
        HotelId = hotelId;
        CompetitorId = competitorId;
        Date = date;
        Category = category;
        PriceMinor = priceMinor;
        Currency = currency;
        Source = source;
        FetchedAt = fetchedAt;
        ChangedAt = fetchedAt;
    }

    public Guid Id { get; private set; }

    public Guid HotelId { get; private set; }

    public Guid CompetitorId { get; private set; }

    public DateOnly Date { get; private set; }

    public string Category { get; private set; } = "";

    public long PriceMinor { get; private set; }

    public string Currency { get; private set; } = "";

    public RateSource Source { get; private set; }

    /// <summary>When the price was last seen (changed or not).</summary>
    public DateTimeOffset FetchedAt { get; private set; }

    /// <summary>When the price last moved.</summary>
    public DateTimeOffset ChangedAt { get; private set; }

    /// <summary>Records a newer observation; returns the change to keep when the price moved, else null.</summary>
    public CompetitorRateChange? Observe(long priceMinor, string currency, RateSource source, DateTimeOffset fetchedAt)
    {
        if (fetchedAt < FetchedAt)
        {
            return null; // an older file or a late reply never overwrites a newer price
        }

        FetchedAt = fetchedAt;
        Source = source;
        if (priceMinor == PriceMinor && currency == Currency)
        {
            return null;
        }

        var change = new CompetitorRateChange(this, priceMinor, fetchedAt);
        PriceMinor = priceMinor;
        Currency = currency;
        ChangedAt = fetchedAt;
        return change;
    }
}

/// <summary>A competitor's price that moved: from what to what, and when we saw it.</summary>
public sealed class CompetitorRateChange : ITenantOwned
{
    private CompetitorRateChange()
    {
    }

    internal CompetitorRateChange(CompetitorRate rate, long newPriceMinor, DateTimeOffset seenAt)
    {
        Id = Guid.CreateVersion7();
        HotelId = rate.HotelId;
        CompetitorId = rate.CompetitorId;
        Date = rate.Date;
        Category = rate.Category;
        OldPriceMinor = rate.PriceMinor;
        NewPriceMinor = newPriceMinor;
        SeenAt = seenAt;
    }

    public Guid Id { get; private set; }

    public Guid HotelId { get; private set; }

    public Guid CompetitorId { get; private set; }

    public DateOnly Date { get; private set; }

    public string Category { get; private set; } = "";

    public long OldPriceMinor { get; private set; }

    public long NewPriceMinor { get; private set; }

    public DateTimeOffset SeenAt { get; private set; }
}
