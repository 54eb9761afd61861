namespace Stayfull.Integrations.RateShop;

/// <summary>A simulated competitor: its price level against the market, how much it charges more at weekends, and its room categories.</summary>
public sealed record DemoCompetitor(string ExternalId, string Name, decimal Level, decimal WeekendUplift, IReadOnlyList<(string Category, decimal Factor)> Categories);

/// <summary>
/// A plausible local market for demo hotels: eight competitors from a budget guest house to a palace, whose
/// prices follow the seasons (summer and the December holidays high, January and February low), rise at
/// weekends (less so for the business hotel), climb on a few local event dates a year, and carry lead-time
/// noise. Everything comes from a hash of the hotel, competitor, category and date, so a rerun on the same
/// day gives the same prices, while a slowly moving part drifts a little from one day's shop to the next.
/// </summary>
public static class DemoMarket
{
    public static IReadOnlyList<DemoCompetitor> Competitors { get; } =
    [
        new("demo-miradouro", "Hotel Miradouro", 1.00m, 0.18m, [("Double Room", 1.00m), ("Twin Room", 1.06m), ("Superior Double", 1.40m), ("Junior Suite", 2.20m)]),
        new("demo-casa-do-rio", "Casa do Rio Boutique", 1.22m, 0.22m, [("Standard Double", 1.00m), ("Deluxe Sea View", 1.55m), ("Suite", 2.60m)]),
        new("demo-central-inn", "Lisboa Central Inn", 0.78m, 0.12m, [("Double", 1.00m), ("Twin", 1.00m), ("Family Room", 1.45m)]),
        new("demo-tagus-riverside", "Tagus Riverside Hotel", 1.35m, 0.15m, [("Classic Double", 1.00m), ("Classic Twin", 1.05m), ("Premium River View", 1.50m), ("Riverside Suite", 2.40m)]),
        new("demo-alfama-guest", "Alfama Guest House", 0.70m, 0.20m, [("Double Room", 1.00m), ("Twin Room", 1.00m)]),
        new("demo-grand-avenida", "Grand Avenida Palace", 1.75m, 0.10m, [("Deluxe King", 1.00m), ("Deluxe Twin", 1.00m), ("Executive Suite", 2.10m)]),
        new("demo-estacao-business", "Estação Business Hotel", 0.95m, -0.08m, [("Standard Queen", 1.00m), ("Standard Twin", 1.04m), ("Executive Room", 1.30m)]),
        new("demo-belem-bay", "Belém Bay Resort", 1.18m, 0.25m, [("Double Garden View", 1.00m), ("Superior Sea View", 1.45m), ("Family Suite", 2.30m)]),
    ];

    /// <summary>How much a local event (a festival, a congress, a match) lifts the market on its dates.</summary>
    public const decimal EventUplift = 0.55m;

    /// <summary>
    /// True on a hotel's few event dates: about one start in 70 days, each lasting one to three nights,
    /// never the same dates for two hotels.
    /// </summary>
    public static bool IsEventDate(Guid hotelId, DateOnly date)
    {
        for (var back = 0; back < 3; back++)
        {
            var start = date.AddDays(-back);
            var seed = Hash(hotelId, "event", start.DayNumber);
            if (seed % 70 == 0 && back < 1 + (int)(seed / 70 % 3))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The market's seasonal factor for a date.</summary>
    public static decimal Season(DateOnly date) => date.Month switch
    {
        1 or 2 => 0.85m,
        3 or 11 => 0.95m,
        4 or 5 or 10 => 1.08m,
        6 or 9 => 1.22m,
        7 or 8 => 1.35m,
        12 => date.Day >= 20 ? 1.40m : 1.05m,
        _ => 1m,
    };

    /// <summary>
    /// A competitor's price in major units (whole amounts, as hotels publish them) for a category and stay date,
    /// seen on <paramref name="shopDay"/>, around our own <paramref name="marketLevel"/> (our cheapest base rate).
    /// </summary>
    public static decimal Price(Guid hotelId, DemoCompetitor competitor, string category, decimal categoryFactor, decimal marketLevel, DateOnly date, DateOnly shopDay)
    {
        var price = marketLevel * competitor.Level * categoryFactor * Season(date);
        if (date.DayOfWeek is DayOfWeek.Friday or DayOfWeek.Saturday)
        {
            price *= 1 + competitor.WeekendUplift;
        }

        if (IsEventDate(hotelId, date))
        {
            price *= 1 + EventUplift;
        }

        // Lead time: the last fortnight is either discounted to fill or marked up by hotels that are nearly full.
        var lead = date.DayNumber - shopDay.DayNumber;
        var stable = Unit(Hash(hotelId, competitor.ExternalId + category, date.DayNumber));
        if (lead is >= 0 and < 14)
        {
            price *= 1 + ((stable - 0.5m) * 0.16m);
        }

        // A fixed part of the noise per date, and a part that moves every few days, staggered by competitor.
        var cadence = 3 + (int)(Hash(hotelId, competitor.ExternalId, 0) % 3);
        var epoch = (shopDay.DayNumber + (int)(Hash(hotelId, competitor.ExternalId, 1) % 7)) / cadence;
        var drift = Unit(Hash(hotelId, competitor.ExternalId + category + epoch.ToString(System.Globalization.CultureInfo.InvariantCulture), date.DayNumber));
        price *= 1 + ((stable - 0.5m) * 0.06m) + ((drift - 0.5m) * 0.04m);
        return Math.Max(15, decimal.Round(price, 0, MidpointRounding.AwayFromZero));
    }

    /// <summary>A demo competitor for any provider id: a known one, or one made up from the id for competitors a manager adds.</summary>
    public static DemoCompetitor For(string externalId, string name)
    {
        var known = Competitors.FirstOrDefault(c => string.Equals(c.ExternalId, externalId, StringComparison.OrdinalIgnoreCase));
        if (known is not null)
        {
            return known;
        }

        var seed = Hash(Guid.Empty, externalId.ToUpperInvariant(), 0);
        var level = 0.75m + (seed % 80 / 100m);
        return new DemoCompetitor(externalId, name, level, 0.10m + (seed / 80 % 12 / 100m), [("Double Room", 1.00m), ("Twin Room", 1.05m), ("Suite", 2.20m)]);
    }

    private static decimal Unit(uint hash) => hash % 10_000 / 10_000m;

    /// <summary>FNV-1a over the parts: stable across processes and machines, unlike string.GetHashCode.</summary>
    private static uint Hash(Guid hotelId, string text, int number)
    {
        var hash = 2166136261u;
        void Mix(byte b) => hash = unchecked((hash ^ b) * 16777619u);
        foreach (var b in hotelId.ToByteArray())
        {
            Mix(b);
        }

        foreach (var c in text)
        {
            Mix((byte)c);
            Mix((byte)(c >> 8));
        }

        foreach (var b in BitConverter.GetBytes(number))
        {
            Mix(b);
        }

        // A final avalanche so neighbouring dates do not give neighbouring numbers.
        hash ^= hash >> 16;
        hash = unchecked(hash * 0x85EBCA6Bu);
        hash ^= hash >> 13;
        return hash;
    }
}
