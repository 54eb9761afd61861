using BenchmarkDotNet.Attributes;
using Stayfull.Domain.Pricing;
using Stayfull.Tests.Support;

namespace Stayfull.Bench;

/// <summary>
/// Pricing for a 200-room hotel (8 room types × 25 rooms) over the 365-day horizon: the pure engine for
/// every room type and date, and the nightly recompute on SQLite with 8 competitors priced for the year
/// (snapshot load, 2,920 recommendations updated, alerts kept in step, one commit).
/// </summary>
[MemoryDiagnoser]
public class PricingBenchmarks
{
    private const int RoomTypes = 8;
    private const int RoomsPerType = 25;
    private const int Competitors = 8;

    private readonly List<PricingInput> _inputs = [];
    private TestHotel? _hotel;
    private PricingService? _service;

    [GlobalSetup(Target = nameof(EngineYear))]
    public void SetUpInputs()
    {
        var random = new Random(42);
        var today = new DateOnly(2026, 11, 24);
        for (var type = 0; type < RoomTypes; type++)
        {
            var baseRate = 80_00L + (type * 25_00);
            for (var d = 0; d < PricingService.Horizon; d++)
            {
                _inputs.Add(new PricingInput(
                    today.AddDays(d), today, baseRate, baseRate + random.Next(-10_00, 10_00),
                    new MarketRates(baseRate + random.Next(-20_00, 30_00), random.Next(0, 20_00), Competitors),
                    (decimal)random.NextDouble(), (decimal)random.NextDouble(), random.Next(0, 5), RoomsPerType,
                    random.Next(3) == 0 ? null : (decimal)random.NextDouble(),
                    [new LocalEvent("Congress", today.AddDays(40), today.AddDays(44), 0.3m)]));
            }
        }
    }

    [GlobalSetup(Target = nameof(RecomputeAsync))]
    public async Task SetUpHotelAsync()
    {
        _hotel = await TestHotel.CreateAsync(roomTypes: RoomTypes, roomsPerType: RoomsPerType);
        await using (var db = _hotel.Db())
        {
            var random = new Random(42);
            for (var c = 0; c < Competitors; c++)
            {
                var competitor = new Competitor(_hotel.HotelId, $"Competitor {c}", $"comp-{c}");
                db.Competitors.Add(competitor);
                foreach (var type in _hotel.RoomTypes)
                {
                    db.CompetitorRoomMatches.Add(new CompetitorRoomMatch(_hotel.HotelId, competitor.Id, type.Code, type.Id));
                    for (var d = 0; d < PricingService.Horizon; d++)
                    {
                        db.CompetitorRates.Add(new CompetitorRate(_hotel.HotelId, competitor.Id, _hotel.Today.AddDays(d), type.Code, type.BaseRateMinor + random.Next(-20_00, 30_00), _hotel.Hotel.Currency, RateSource.Demo, _hotel.Time.GetUtcNow()));
                    }
                }
            }

            await db.SaveChangesAsync();
        }

        _service = _hotel.Get<PricingService>();

        // The first run inserts the year's rows; the benchmark measures the nightly case, which updates them.
        await _service.RecomputeAsync(CancellationToken.None);
    }

    [GlobalCleanup(Target = nameof(RecomputeAsync))]
    public async Task CleanUpHotelAsync()
    {
        if (_hotel is not null)
        {
            await _hotel.DisposeAsync();
        }
    }

    [Benchmark(Description = "PricingEngine.Recommend 8 room types x 365 d")]
    public long EngineYear()
    {
        var weights = PricingWeights.Default;
        var guardrails = new RateGuardrails(50_00, 400_00, 0.15m);
        long sum = 0;
        foreach (var input in _inputs)
        {
            sum += PricingEngine.Recommend(input, weights, guardrails).RecommendedMinor;
        }

        return sum;
    }

    [Benchmark(Description = "PricingService.RecomputeAsync 8 room types x 365 d, 8 competitors (SQLite)")]
    public Task<PricingRun> RecomputeAsync() => _service!.RecomputeAsync(CancellationToken.None);
}
