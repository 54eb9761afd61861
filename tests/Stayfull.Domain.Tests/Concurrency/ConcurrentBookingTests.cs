using Microsoft.EntityFrameworkCore;
using Stayfull.Domain.Common;
using Stayfull.Domain.Rates;
using Stayfull.Domain.Reservations;
using Stayfull.Tests.Support;

namespace Stayfull.Domain.Tests.Concurrency;

/// <summary>
/// Many bookings racing for the same rooms on a real SQLite file, each in its own scope as
/// separate requests would be. The counters must never sell a room twice.
/// </summary>
public sealed class ConcurrentBookingTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task FiftyBookingsForTheLastRoomConfirmExactlyOne(bool nightRowsExist)
    {
        await using var hotel = await TestHotel.CreateAsync(roomTypes: 1, roomsPerType: 1);
        if (nightRowsExist)
        {
            await hotel.SetNightsAsync(hotel.Today, hotel.Today.AddDays(1), TestHotelArrangements.Change with { RateMinor = 11000 });
        }

        using var watch = new AvailabilityWatch(hotel);
        var outcomes = await RaceAsync(hotel, Enumerable.Repeat(hotel.Stay(nights: 2), 50));
        var lowest = await watch.StopAsync();

        Assert.Single(outcomes, o => o.Reservation is not null);
        Assert.Equal(49, outcomes.Count(o => o.Error is SoldOutException));
        Assert.All(outcomes, o => Assert.True(o.Reservation is not null || o.Error is SoldOutException, $"Unexpected {o.Error}"));
        Assert.Equal(1, await hotel.BookedAsync(hotel.Today));
        Assert.Equal(1, await hotel.BookedAsync(hotel.Today.AddDays(1)));
        await AssertStoredAsync(hotel, confirmed: 1);
        Assert.True(lowest >= 0, $"Rooms minus booked went down to {lowest}.");
    }

    [Fact]
    public async Task DeskAndGuestPageRacingForTwoRoomsConfirmExactlyTwo()
    {
        await using var hotel = await TestHotel.CreateAsync(roomTypes: 1, roomsPerType: 3);
        await hotel.BookAsync(hotel.Stay(nights: 3));
        var requests = Enumerable.Range(0, 40).Select(i => hotel.Stay(nights: 3, source: i % 2 == 0 ? ReservationSource.FrontDesk : ReservationSource.GuestWeb));

        using var watch = new AvailabilityWatch(hotel);
        var outcomes = await RaceAsync(hotel, requests);
        var lowest = await watch.StopAsync();

        Assert.Equal(2, outcomes.Count(o => o.Reservation is not null));
        Assert.Equal(38, outcomes.Count(o => o.Error is SoldOutException));
        Assert.All(outcomes, o => Assert.True(o.Reservation is not null || o.Error is SoldOutException, $"Unexpected {o.Error}"));
        for (var night = 0; night < 3; night++)
        {
            Assert.Equal(3, await hotel.BookedAsync(hotel.Today.AddDays(night)));
        }

        await AssertStoredAsync(hotel, confirmed: 3);
        Assert.True(lowest >= 0, $"Rooms minus booked went down to {lowest}.");
    }

    [Fact]
    public async Task OverlappingStaysRacingNeverOversellAnyNight()
    {
        await using var hotel = await TestHotel.CreateAsync(roomTypes: 1, roomsPerType: 2);
        var random = new Random(1124);
        var requests = Enumerable.Range(0, 30).Select(_ =>
        {
            var arrival = random.Next(0, 5);
            return hotel.Stay(fromToday: arrival, nights: random.Next(1, 6 - arrival), source: random.Next(2) == 0 ? ReservationSource.FrontDesk : ReservationSource.GuestWeb);
        }).ToList();

        var outcomes = await RaceAsync(hotel, requests);

        Assert.All(outcomes, o => Assert.True(o.Reservation is not null || o.Error is SoldOutException, $"Unexpected {o.Error}"));
        var confirmed = outcomes.Where(o => o.Reservation is not null).Select(o => o.Reservation!).ToList();
        for (var night = hotel.Today; night < hotel.Today.AddDays(5); night = night.AddDays(1))
        {
            var holding = confirmed.Count(r => r.Arrival <= night && night < r.Departure);
            Assert.True(holding <= 2, $"{holding} stays hold the night of {night}.");
            Assert.Equal(holding, await hotel.BookedAsync(night));
        }
    }

    [Fact]
    public async Task TwoClerksAssigningTheSameRoomAtOnceCannotBothGetIt()
    {
        await using var hotel = await TestHotel.CreateAsync(roomTypes: 1, roomsPerType: 3);
        var first = await hotel.BookAsync(hotel.Stay());
        var second = await hotel.BookAsync(hotel.Stay());
        var room = hotel.Room("102").Id;

        var outcomes = await Task.WhenAll(new[] { first.Id, second.Id }.Select(id => Task.Run(async () =>
        {
            try
            {
                await hotel.Get<ReservationService>().AssignRoomAsync(id, room, CancellationToken.None);
                return null;
            }
            catch (DomainException ex)
            {
                return ex;
            }
        })));

        Assert.Single(outcomes, o => o is null);
        Assert.IsType<RuleViolationException>(Assert.Single(outcomes, o => o is not null));
        var holders = new[] { await hotel.ReservationAsync(first.Id), await hotel.ReservationAsync(second.Id) }.Count(r => r.RoomId == room);
        Assert.Equal(1, holders);
    }

    private static async Task<IReadOnlyList<Outcome>> RaceAsync(TestHotel hotel, IEnumerable<BookingRequest> requests)
    {
        using var start = new ManualResetEventSlim();
        var racers = requests.Select((request, i) => Task.Run(async () =>
        {
            // Each racer is its own scope, as concurrent web requests would be.
            var bookings = hotel.Get<BookingService>();
            start.Wait();
            try
            {
                return new Outcome(await bookings.BookAsync(request with { GuestName = $"Guest {i}" }, CancellationToken.None), null);
            }
            catch (Exception ex) when (ex is DomainException or DbUpdateException or InvalidOperationException)
            {
                return new Outcome(null, ex);
            }
        })).ToList();
        start.Set();
        return await Task.WhenAll(racers);
    }

    private static async Task AssertStoredAsync(TestHotel hotel, int confirmed)
    {
        await using var db = hotel.Db();
        Assert.Equal(confirmed, await db.Reservations.CountAsync(r => r.Status == ReservationStatus.Confirmed));
        Assert.Equal(confirmed, await db.Guests.CountAsync());
        var nightsHeld = (await db.Reservations.ToListAsync()).Sum(r => r.Nights);
        Assert.Equal(nightsHeld, await db.FolioEntries.CountAsync());
    }

    private sealed record Outcome(Reservation? Reservation, Exception? Error);

    /// <summary>Reads availability over and over while the race runs and keeps the lowest raw rooms-minus-booked seen.</summary>
    private sealed class AvailabilityWatch : IDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly Task<int> _watching;

        public AvailabilityWatch(TestHotel hotel)
        {
            _watching = Task.Run(async () =>
            {
                var lowest = int.MaxValue;
                do
                {
                    var types = await hotel.Get<AvailabilityService>().GetAsync(hotel.Today, hotel.Today.AddDays(3), CancellationToken.None);
                    lowest = Math.Min(lowest, types.SelectMany(t => t.Days).Min(d => d.Rooms - d.OutOfOrder - d.Booked));
                    await Task.Delay(5);
                }
                while (!_stop.IsCancellationRequested);
                return lowest;
            });
        }

        public async Task<int> StopAsync()
        {
            await _stop.CancelAsync();
            return await _watching;
        }

        public void Dispose() => _stop.Dispose();
    }
}
