using System.Diagnostics;
using System.Globalization;
using Stayfull.Domain.Common;
using Stayfull.Domain.Reservations;
using Stayfull.Tests.Support;

namespace Stayfull.Bench;

/// <summary>
/// Booking throughput under conflict on a real SQLite file: N concurrent bookers fight over
/// 5 rooms × 3 nights until every room night is sold, window after window. Each request is its own
/// scope, as a web request would be. Reports bookings/s, sold-out answers and request latency.
/// </summary>
internal static class BookingLoadRunner
{
    private const int Rooms = 5;
    private const int NightsPerWindow = 3;

    /// <param name="args">Optional: bookers (comma separated, default 8,32) and windows per run (default 20).</param>
    public static async Task<int> RunAsync(string[] args)
    {
        var bookerCounts = args.Length > 0 ? args[0].Split(',').Select(a => int.Parse(a, CultureInfo.InvariantCulture)).ToArray() : [8, 32];
        var windows = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20;
        Console.WriteLine($"Inventory per window: {Rooms} rooms x {NightsPerWindow} nights = {Rooms * NightsPerWindow} room nights; {windows} windows per run.");
        Console.WriteLine("| Bookers | Requests | Confirmed | Sold out | Other errors | Oversold nights | Elapsed (s) | Bookings/s | Requests/s | p50 (ms) | p99 (ms) |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        var failed = false;
        foreach (var bookers in bookerCounts)
        {
            var result = await RunOnceAsync(bookers, windows);
            failed |= result.OtherErrors > 0 || result.OversoldNights > 0;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {bookers} | {result.Requests} | {result.Confirmed} | {result.SoldOut} | {result.OtherErrors} | {result.OversoldNights} | {result.Elapsed.TotalSeconds:F1} | {result.Confirmed / result.Elapsed.TotalSeconds:F1} | {result.Requests / result.Elapsed.TotalSeconds:F1} | {Percentile(result.Latencies, 0.50):F1} | {Percentile(result.Latencies, 0.99):F1} |"));
        }

        return failed ? 1 : 0;
    }

    private static async Task<RunResult> RunOnceAsync(int bookers, int windows)
    {
        await using var hotel = await TestHotel.CreateAsync(roomTypes: 1, roomsPerType: Rooms);
        var latencies = new List<double>();
        int confirmed = 0, soldOut = 0, other = 0;
        var clock = Stopwatch.StartNew();
        for (var window = 0; window < windows; window++)
        {
            var first = hotel.Today.AddDays(window * NightsPerWindow);
            var sold = new int[NightsPerWindow];
            var random = new Random(window);
            var requests = Enumerable.Range(0, bookers).Select(b => Task.Run(async () =>
            {
                var mine = new Random(random.Next() + b);
                var times = new List<double>();
                int ok = 0, full = 0, errors = 0;
                while (Volatile.Read(ref sold[0]) < Rooms || Volatile.Read(ref sold[1]) < Rooms || Volatile.Read(ref sold[2]) < Rooms)
                {
                    var arrival = mine.Next(0, NightsPerWindow);
                    var nights = mine.Next(1, NightsPerWindow - arrival + 1);
                    var request = new BookingRequest { RoomTypeId = hotel.RoomTypes[0].Id, Arrival = first.AddDays(arrival), Departure = first.AddDays(arrival + nights), GuestName = "Load Guest" };
                    var started = Stopwatch.GetTimestamp();
                    try
                    {
                        await hotel.Get<BookingService>().BookAsync(request, CancellationToken.None);
                        ok++;
                        for (var n = arrival; n < arrival + nights; n++)
                        {
                            Interlocked.Increment(ref sold[n]);
                        }
                    }
                    catch (SoldOutException)
                    {
                        full++;
                    }
                    catch (DomainException)
                    {
                        errors++;
                    }

                    times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }

                return (ok, full, errors, times);
            })).ToList();

            foreach (var (ok, full, errors, times) in await Task.WhenAll(requests))
            {
                confirmed += ok;
                soldOut += full;
                other += errors;
                latencies.AddRange(times);
            }
        }

        clock.Stop();
        var oversold = 0;
        await using (var db = hotel.Db())
        {
            oversold = db.RoomTypeDays.Count(d => d.Booked > Rooms);
        }

        return new RunResult(latencies.Count, confirmed, soldOut, other, oversold, clock.Elapsed, latencies);
    }

    private static double Percentile(List<double> values, double p)
    {
        if (values.Count == 0)
        {
            return 0;
        }

        var sorted = values.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
    }

    private sealed record RunResult(int Requests, int Confirmed, int SoldOut, int OtherErrors, int OversoldNights, TimeSpan Elapsed, List<double> Latencies);
}
