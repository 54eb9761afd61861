using System.Diagnostics;
using System.Globalization;
using Stayfull.Domain.Pricing;
using Stayfull.Tests.Support;

namespace Stayfull.Bench;

/// <summary>
/// Recommendations for many hotels in one SQLite database, as the nightly job computes them: H hotels ×
/// T room types × 365 days, each hotel with 10 competitors priced for the year in two categories, each
/// category matched to one room type, so every room type has two comparable prices a night. Runs the
/// recompute for every hotel twice (the first run inserts the year's rows, the second is the nightly
/// update) and reports wall time, allocations and the process's peak working set.
/// </summary>
internal static class PricingLoadRunner
{
    private const int Competitors = 10;

    /// <param name="args">Optional: hotels (default 100), room types per hotel (default 10), parallel hotels (default 1).</param>
    public static async Task<int> RunAsync(string[] args)
    {
        var hotels = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100;
        var roomTypes = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10;
        var parallel = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 1;
        var seeding = Stopwatch.StartNew();
        var first = await TestHotel.CreateAsync(roomTypes: roomTypes, roomsPerType: 4);
        var all = new List<TestHotel> { first };
        for (var h = 1; h < hotels; h++)
        {
            all.Add(await first.CreateNeighbourAsync(roomTypes: roomTypes, roomsPerType: 4));
        }

        foreach (var hotel in all)
        {
            await SeedMarketAsync(hotel);
        }

        Console.WriteLine($"Seeded {hotels} hotels x {roomTypes} room types, {Competitors} competitors x 2 categories x {PricingService.Horizon} days each, in {seeding.Elapsed.TotalSeconds:F1} s.");
        Console.WriteLine("| Run | Hotels | Recommendations | Wall (s) | Per hotel (ms) | Allocated (MB) | Peak working set (MB) |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var run in new[] { "first (inserts)", "nightly (updates)" })
        {
            var allocated = GC.GetTotalAllocatedBytes(precise: true);
            var clock = Stopwatch.StartNew();
            var total = 0;
            await Parallel.ForEachAsync(all, new ParallelOptions { MaxDegreeOfParallelism = parallel }, async (hotel, ct) =>
            {
                var result = await hotel.Get<PricingService>().RecomputeAsync(ct);
                Interlocked.Add(ref total, result.Recommendations);
            });
            clock.Stop();
            var megabytes = (GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1024.0 / 1024.0;
            using var process = Process.GetCurrentProcess();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {run} | {hotels} | {total} | {clock.Elapsed.TotalSeconds:F1} | {clock.Elapsed.TotalMilliseconds / hotels:F0} | {megabytes:F0} | {process.PeakWorkingSet64 / 1024.0 / 1024.0:F0} |"));
        }

        foreach (var hotel in all.Skip(1))
        {
            await hotel.DisposeAsync();
        }

        await first.DisposeAsync();
        return 0;
    }

    private static async Task SeedMarketAsync(TestHotel hotel)
    {
        var random = new Random(hotel.HotelId.GetHashCode());
        await using var db = hotel.Db();
        var cheapest = hotel.RoomTypes.Min(t => t.BaseRateMinor);
        for (var c = 0; c < Competitors; c++)
        {
            var competitor = new Competitor(hotel.HotelId, $"Competitor {c}", $"comp-{c}");
            db.Competitors.Add(competitor);
            var types = hotel.RoomTypes.Count;
            db.CompetitorRoomMatches.Add(new CompetitorRoomMatch(hotel.HotelId, competitor.Id, "Standard", hotel.RoomTypes[c % types].Id));
            db.CompetitorRoomMatches.Add(new CompetitorRoomMatch(hotel.HotelId, competitor.Id, "Superior", hotel.RoomTypes[(c + (types / 2)) % types].Id));

            foreach (var (category, uplift) in new[] { ("Standard", 0L), ("Superior", 40_00L) })
            {
                for (var d = 0; d < PricingService.Horizon; d++)
                {
                    db.CompetitorRates.Add(new CompetitorRate(hotel.HotelId, competitor.Id, hotel.Today.AddDays(d), category, cheapest + uplift + random.Next(-20_00, 30_00), hotel.Hotel.Currency, RateSource.Demo, hotel.Time.GetUtcNow()));
                }
            }
        }

        await db.SaveChangesAsync();
    }
}
