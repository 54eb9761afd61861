using Microsoft.EntityFrameworkCore;
using Stayfull.Domain.Messaging;
using Stayfull.Domain.Reservations;
using Stayfull.Tests.Support;

namespace Stayfull.Domain.Tests.Messaging;

public sealed class PreArrivalMessagesTests
{
    [Fact]
    public async Task GuestsArrivingInTwoDaysGetOnePreArrivalEmailHoweverOftenTheJobRuns()
    {
        await using var hotel = await TestHotel.CreateAsync();
        var due = await BookAsync(hotel, "Ada Lovelace", "ada@example.test", daysAhead: 2);
        await BookAsync(hotel, "Walk In", email: null, daysAhead: 2);
        await BookAsync(hotel, "Too Early", "early@example.test", daysAhead: 3);
        var cancelled = await BookAsync(hotel, "Changed Mind", "changed@example.test", daysAhead: 2);
        await hotel.Get<ReservationService>().CancelAsync(cancelled.Id, "Plans changed", CancellationToken.None);

        var jobs = hotel.Get<PreArrivalMessages>();
        await jobs.QueueDueAsync(CancellationToken.None);
        await jobs.QueueDueAsync(CancellationToken.None);

        await using var db = hotel.Db();
        var sent = await db.GuestMessages.Where(m => m.TemplateKey == MessageTemplateKeys.PreArrival).ToListAsync();
        var message = Assert.Single(sent);
        Assert.Equal(due.Id, message.ReservationId);
        Assert.Equal("ada@example.test", message.To);
    }

    [Fact]
    public async Task TheDayIsTheHotelsOwnToday()
    {
        // 23:30 UTC on 24 Nov is already 25 Nov in Tokyo-like zones but still 24 Nov in Lisbon (UTC+0 in winter).
        await using var hotel = await TestHotel.CreateAsync(now: new DateTimeOffset(2026, 11, 24, 23, 30, 0, TimeSpan.Zero));
        await BookAsync(hotel, "Grace Hopper", "grace@example.test", daysAhead: 2);

        await hotel.Get<PreArrivalMessages>().QueueDueAsync(CancellationToken.None);

        await using var db = hotel.Db();
        var message = Assert.Single(await db.GuestMessages.Where(m => m.TemplateKey == MessageTemplateKeys.PreArrival).ToListAsync());
        var reservation = await db.Reservations.SingleAsync(r => r.Id == message.ReservationId);
        Assert.Equal(new DateOnly(2026, 11, 26), reservation.Arrival);
    }

    private static Task<Reservation> BookAsync(TestHotel hotel, string name, string? email, int daysAhead) =>
        hotel.Get<BookingService>().BookAsync(
            new BookingRequest { RoomTypeId = hotel.RoomTypes[0].Id, Arrival = hotel.Today.AddDays(daysAhead), Departure = hotel.Today.AddDays(daysAhead + 1), GuestName = name, GuestEmail = email },
            CancellationToken.None);
}
