using Stayfull.Domain.Reservations;
using Stayfull.Tests.Support;

namespace Stayfull.Domain.Tests;

public sealed class TestHotelSmokeTests
{
    [Fact]
    public async Task ATestHotelCanTakeABooking()
    {
        await using var hotel = await TestHotel.CreateAsync();
        var reservation = await hotel.Get<BookingService>().BookAsync(
            new BookingRequest { RoomTypeId = hotel.RoomTypes[0].Id, Arrival = hotel.Today, Departure = hotel.Today.AddDays(2), GuestName = "Ada Lovelace" },
            CancellationToken.None);
        Assert.Equal(ReservationStatus.Confirmed, reservation.Status);
        Assert.Single(hotel.Published.Changes);
    }
}
