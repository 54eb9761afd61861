namespace Stayfull.Domain.Pricing;

/// <summary>The competitors' prices for one room type and date, summarised the way the engine and the alerts read them.</summary>
public static class MarketStatistics
{
    /// <summary>Median and interquartile range of the prices, or null when there are none.</summary>
    public static MarketRates? Summarise(IReadOnlyCollection<long> prices)
    {
        if (prices.Count == 0)
        {
            return null;
        }

        var sorted = prices.Order().ToArray();
        return new MarketRates(Quantile(sorted, 0.5), Quantile(sorted, 0.75) - Quantile(sorted, 0.25), sorted.Length);
    }

    /// <summary>Linear interpolation between the closest ranks, rounded to the minor unit.</summary>
    internal static long Quantile(long[] sorted, double q)
    {
        var position = (sorted.Length - 1) * q;
        var lower = (int)Math.Floor(position);
        var upper = (int)Math.Ceiling(position);
        var value = sorted[lower] + ((sorted[upper] - sorted[lower]) * (position - lower));
        return (long)Math.Round(value, MidpointRounding.AwayFromZero);
    }
}
