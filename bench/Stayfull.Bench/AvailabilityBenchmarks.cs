using BenchmarkDotNet.Attributes;
using Stayfull.Domain.Rates;
using Stayfull.Domain.Rooms;
using Stayfull.Tests.Support;

namespace Stayfull.Bench;

/// <summary>
/// Availability of a 200-room hotel (8 room types × 25 rooms) over 365 nights: the pure arithmetic
/// on in-memory rows, and the full service call that reads rooms and a year of night rows from SQLite.
/// </summary>
[MemoryDiagnoser]
public class AvailabilityBenchmarks
{
    private const int RoomTypes = 8;
    private const int RoomsPerType = 25;
    private const int Days = 365;

    private readonly DateOnly _today = new(2026, 11, 24);
    private List<RoomType> _types = [];
    private List<Room> _rooms = [];
    private List<RoomTypeDay> _days = [];
    private TestHotel? _hotel;
    private AvailabilityService? _service;

    [GlobalSetup(Target = nameof(CalculatorCompute))]
    public void SetUpInMemory()
    {
        var hotelId = Guid.CreateVersion7();
        var random = new Random(42);
        _types = [.. Enumerable.Range(1, RoomTypes).Select(i => new RoomType(hotelId, $"T{i}", $"Type {i}", 2, 10000 * i))];
        _rooms = [.. _types.SelectMany((t, i) => Enumerable.Range(1, RoomsPerType).Select(n => new Room(hotelId, $"{i + 1}{n:00}", i + 1, t.Id)))];
        foreach (var room in _rooms.Where((_, i) => i % 40 == 0))
        {
            room.SetHousekeeping(HousekeepingStatus.OutOfOrder);
        }

        _days = [];
        foreach (var type in _types)
        {
            for (var d = 0; d < Days; d++)
            {
                var day = new RoomTypeDay(hotelId, type.Id, _today.AddDays(d));
                day.SetRate(type.BaseRateMinor + random.Next(0, 5000));
                for (var b = random.Next(0, RoomsPerType); b > 0; b--)
                {
                    day.Reserve();
                }

                _days.Add(day);
            }
        }
    }

    [GlobalSetup(Target = nameof(ServiceGetAsync))]
    public async Task SetUpDatabaseAsync()
    {
        _hotel = await TestHotel.CreateAsync(roomTypes: RoomTypes, roomsPerType: RoomsPerType);
        var today = _hotel.Today;
        var rates = _hotel.Get<RateService>();
        foreach (var type in _hotel.RoomTypes)
        {
            await rates.UpdateAsync(new RateUpdate { RoomTypeIds = [type.Id], From = today, To = today.AddDays(Days - 1), RateMinor = type.BaseRateMinor + 1500 }, CancellationToken.None);
        }

        _service = _hotel.Get<AvailabilityService>();
    }

    [GlobalCleanup(Target = nameof(ServiceGetAsync))]
    public async Task CleanUpDatabaseAsync()
    {
        if (_hotel is not null)
        {
            await _hotel.DisposeAsync();
        }
    }

    [Benchmark(Description = "AvailabilityCalculator.Compute 200 rooms x 365 d")]
    public IReadOnlyList<RoomTypeAvailability> CalculatorCompute() =>
        AvailabilityCalculator.Compute(_types, _rooms, _days, _today, _today.AddDays(Days), _today);

    [Benchmark(Description = "AvailabilityService.GetAsync 200 rooms x 365 d (SQLite)")]
    public Task<IReadOnlyList<RoomTypeAvailability>> ServiceGetAsync() =>
        _service!.GetAsync(_hotel!.Today, _hotel.Today.AddDays(Days), CancellationToken.None);
}
