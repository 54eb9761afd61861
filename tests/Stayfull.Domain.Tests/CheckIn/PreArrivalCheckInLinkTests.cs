using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stayfull.Domain.Hotels;
using Stayfull.Domain.Messaging;
using Stayfull.Domain.Reservations;
using Stayfull.Tests.Support;

namespace Stayfull.Domain.Tests.CheckIn;

public sealed class PreArrivalCheckInLinkTests
{
    [Fact]
    public async Task ThePreArrivalEmailCarriesTheReservationsOwnCheckInLink()
    {
        await using var hotel = await TestHotel.CreateAsync(configure: s => s.AddSingleton<ICheckInLinkProvider, ByIdLinks>());
        var reservation = await hotel.Get<BookingService>().BookAsync(
            new BookingRequest { RoomTypeId = hotel.RoomTypes[0].Id, Arrival = hotel.Today.AddDays(2), Departure = hotel.Today.AddDays(3), GuestName = "Ada Lovelace", GuestEmail = "ada@example.test" },
            CancellationToken.None);

        await hotel.Get<PreArrivalMessages>().QueueDueAsync(CancellationToken.None);

        await using var db = hotel.Db();
        var message = await db.GuestMessages.SingleAsync(m => m.TemplateKey == MessageTemplateKeys.PreArrival);
        Assert.Contains($"https://stay.example.test/checkin/{reservation.Id:N}", message.Body, StringComparison.Ordinal);
    }

    private sealed class ByIdLinks : ICheckInLinkProvider
    {
        public string? LinkFor(Hotel hotel, Reservation reservation) => $"https://stay.example.test/checkin/{reservation.Id:N}";
    }
}
