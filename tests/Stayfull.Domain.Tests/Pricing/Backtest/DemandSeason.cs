namespace Stayfull.Domain.Tests.Pricing.Backtest;

/// <summary>
/// A season of demand with a known shape, for replaying pricing against it: guests per night who would
/// consider the hotel, higher on Friday and Saturday, rising to a mid-season peak, tripled in one event
/// week; each guest books when the rate is within what they are willing to pay (log-normal around a
/// reference price that follows the same demand). Deterministic for a seed.
/// </summary>
internal sealed class DemandSeason(DateOnly firstNight, int nights, int seed)
{
    public const int Capacity = 40;
    public const long ReferencePriceMinor = 120_00;

    /// <summary>How many days ahead guests book: a stay date's demand arrives over this window.</summary>
    public const int BookingWindowDays = 60;

    public DateOnly FirstNight => firstNight;

    public int Nights => nights;

    public DateOnly EventFrom => firstNight.AddDays(nights / 3);

    public DateOnly EventTo => EventFrom.AddDays(4);

    /// <summary>Guests who consider the hotel for one night over the whole booking window.</summary>
    public double Shoppers(DateOnly night)
    {
        var dayOfSeason = night.DayNumber - firstNight.DayNumber;
        var season = 0.7 + (0.6 * Math.Sin(Math.PI * dayOfSeason / nights));
        var weekday = night.DayOfWeek is DayOfWeek.Friday or DayOfWeek.Saturday ? 1.35 : night.DayOfWeek == DayOfWeek.Sunday ? 0.8 : 1.0;
        var festival = night >= EventFrom && night <= EventTo ? 2.2 : 1.0;
        return 55 * season * weekday * festival;
    }

    /// <summary>What a typical guest is willing to pay that night: demand lifts it.</summary>
    public double WillingnessMedian(DateOnly night) => ReferencePriceMinor * Math.Pow(Shoppers(night) / 55, 0.45);

    /// <summary>The competitors price with the market, a little noisily.</summary>
    public long CompetitorMedian(DateOnly night, Random random) => (long)(WillingnessMedian(night) * (0.95 + (random.NextDouble() * 0.1)));

    /// <summary>
    /// One day of the booking window for every night: shoppers arrive (more as the date nears) and book
    /// while rooms remain if the day's rate is within their willingness to pay.
    /// </summary>
    public IEnumerable<(DateOnly Night, int Arriving)> ArrivingShoppers(DateOnly day, Random random)
    {
        for (var n = 0; n < nights; n++)
        {
            var night = firstNight.AddDays(n);
            var lead = night.DayNumber - day.DayNumber;
            if (lead is < 0 or >= BookingWindowDays)
            {
                continue;
            }

            // Later days of the window bring more shoppers: weight (window - lead), normalised over the window.
            var share = (BookingWindowDays - lead) / (BookingWindowDays * (BookingWindowDays + 1) / 2.0);
            yield return (night, Poisson(Shoppers(night) * share, random));
        }
    }

    public bool Books(DateOnly night, long rateMinor, Random random)
    {
        // Log-normal willingness to pay with a 30 % spread.
        var normal = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        return WillingnessMedian(night) * Math.Exp(0.3 * normal) >= rateMinor;
    }

    public int Seed => seed;

    private static int Poisson(double mean, Random random)
    {
        var limit = Math.Exp(-mean);
        var count = 0;
        var product = random.NextDouble();
        while (product > limit)
        {
            count++;
            product *= random.NextDouble();
        }

        return count;
    }
}
