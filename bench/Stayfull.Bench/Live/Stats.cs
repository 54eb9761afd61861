using System.Globalization;

namespace Stayfull.Bench.Live;

public static class Stats
{
    /// <summary>Nearest-rank percentile of an already sorted list.</summary>
    public static double Percentile(IReadOnlyList<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[(int)Math.Round(p * (sorted.Count - 1))];

    public static string Describe(IReadOnlyList<double> sorted) => string.Create(
        CultureInfo.InvariantCulture,
        $"p50 {Percentile(sorted, 0.50):0.0} ms, p99 {Percentile(sorted, 0.99):0.0} ms, max {(sorted.Count == 0 ? double.NaN : sorted[^1]):0.0} ms ({sorted.Count} receipts)");

    public static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "n/a";
}
