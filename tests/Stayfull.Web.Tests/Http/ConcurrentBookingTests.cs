using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Stayfull.Domain.Reservations;
using Stayfull.Domain.Tenancy;
using Stayfull.Web.Tests.Http.Harness;

namespace Stayfull.Web.Tests.Http;

public sealed class ConcurrentBookingTests
{
    [Fact]
    public async Task FiftyClerksBookingTheLastRoomAtOnceSellItExactlyOnce()
    {
        await using var app = new StayfullApplication();
        var hotel = await app.CreateHotelAsync(roomTypes: 1, roomsPerType: 1);
        var arrival = app.TodayOf(hotel).AddDays(7);
        StaffClient[] clerks =
        [
            await app.SignInAsync(hotel, StaffRole.FrontDesk),
            await app.SignInAsync(hotel, StaffRole.Manager),
            await app.SignInAsync(hotel, StaffRole.Owner),
        ];

        using var start = new ManualResetEventSlim(false);
        var attempts = Enumerable.Range(0, 50).Select(i => Task.Run(async () =>
        {
            start.Wait();
            using var response = await clerks[i % clerks.Length].PostAsJsonAsync(
                new Uri("/api/reservations", UriKind.Relative),
                ReservationApiTests.Booking(hotel, arrival, $"Guest {i}"));
            return (response.StatusCode, Body: await response.Content.ReadAsStringAsync());
        })).ToList();
        start.Set();
        var answers = await Task.WhenAll(attempts);
        var statuses = answers.Select(a => a.StatusCode).ToList();

        foreach (var clerk in clerks)
        {
            clerk.Dispose();
        }

        var unexpected = answers.Where(a => a.StatusCode is not (HttpStatusCode.Created or HttpStatusCode.Conflict)).Select(a => $"{(int)a.StatusCode}: {a.Body}").ToList();
        Assert.True(unexpected.Count == 0, string.Join('\n', unexpected.Distinct()));
        Assert.Equal(1, statuses.Count(s => s == HttpStatusCode.Created));
        Assert.Equal(49, statuses.Count(s => s == HttpStatusCode.Conflict));
        await using var db = app.Db(hotel.HotelId);
        var stored = await db.Reservations.ToListAsync();
        Assert.Equal(ReservationStatus.Confirmed, Assert.Single(stored).Status);
        Assert.All(await db.RoomTypeDays.Where(d => d.Date >= arrival && d.Date < arrival.AddDays(2)).ToListAsync(), night => Assert.Equal(1, night.Booked));
    }
}
