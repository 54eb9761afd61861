using Stayfull.Domain.Common;
using Stayfull.Domain.Rates;
using Stayfull.Domain.Reservations;
using Stayfull.Domain.Rooms;
using Stayfull.Tests.Support;

namespace Stayfull.Domain.Tests.Availability;

public sealed class AvailabilityServiceTests
{
    [Fact]
    public async Task AvailabilitySubtractsBookedNightsAndOutOfOrderRoomsPerType()
    {
        await using var hotel = await TestHotel.CreateAsync();
        await hotel.BookAsync(hotel.Stay(nights: 2, type: 0));
        await hotel.BookAsync(hotel.Stay(fromToday: 1, nights: 1, type: 0));
        await hotel.SetHousekeepingAsync("102", HousekeepingStatus.OutOfOrder);

        var result = await hotel.Get<AvailabilityService>().GetAsync(hotel.Today, hotel.Today.AddDays(3), CancellationToken.None);

        var first = result.Single(t => t.RoomTypeId == hotel.RoomTypes[0].Id);
        Assert.Equal([1, 2, 0], first.Days.Select(d => d.Booked));
        Assert.Equal([1, 1, 1], first.Days.Select(d => d.OutOfOrder));
        Assert.Equal([1, 0, 2], first.Days.Select(d => d.Available));
        var second = result.Single(t => t.RoomTypeId == hotel.RoomTypes[1].Id);
        Assert.Equal([3, 3, 3], second.Days.Select(d => d.Available));
    }

    [Fact]
    public async Task OutOfOrderRoomIsNotSubtractedFromPastNights()
    {
        await using var hotel = await TestHotel.CreateAsync();
        await hotel.SetHousekeepingAsync("101", HousekeepingStatus.OutOfOrder);

        var result = await hotel.Get<AvailabilityService>().GetAsync(hotel.Today.AddDays(-2), hotel.Today.AddDays(2), CancellationToken.None);

        var days = result.Single(t => t.RoomTypeId == hotel.RoomTypes[0].Id).Days;
        Assert.Equal([3, 3, 2, 2], days.Select(d => d.Available));
    }

    [Fact]
    public async Task CancelledStayGivesItsNightsBack()
    {
        await using var hotel = await TestHotel.CreateAsync();
        var reservation = await hotel.BookAsync(hotel.Stay(nights: 2));
        await hotel.Get<ReservationService>().CancelAsync(reservation.Id, "Changed plans", CancellationToken.None);

        var result = await hotel.Get<AvailabilityService>().GetAsync(hotel.Today, hotel.Today.AddDays(2), CancellationToken.None);

        Assert.All(result.Single(t => t.RoomTypeId == hotel.RoomTypes[0].Id).Days, d => Assert.Equal(3, d.Available));
    }

    [Fact]
    public async Task OverbookedNightShowsZeroAvailableNotNegative()
    {
        await using var hotel = await TestHotel.CreateAsync();
        for (var i = 0; i < 4; i++)
        {
            await hotel.BookAsync(hotel.Stay(nights: 1, source: ReservationSource.Ota));
        }

        var day = (await hotel.Get<AvailabilityService>().GetAsync(hotel.Today, hotel.Today.AddDays(1), CancellationToken.None))
            .Single(t => t.RoomTypeId == hotel.RoomTypes[0].Id).Days.Single();

        Assert.Equal((4, 0), (day.Booked, day.Available));
        Assert.True(day.IsOverbooked);
    }

    [Fact]
    public async Task DailyRateShowsInPlaceOfTheBaseRate()
    {
        await using var hotel = await TestHotel.CreateAsync();
        await hotel.SetNightsAsync(hotel.Today.AddDays(1), hotel.Today.AddDays(1), TestHotelArrangements.Change with { RateMinor = 14900 });

        var days = (await hotel.Get<AvailabilityService>().GetAsync(hotel.Today, hotel.Today.AddDays(3), CancellationToken.None))
            .Single(t => t.RoomTypeId == hotel.RoomTypes[0].Id).Days;

        Assert.Equal([10000, 14900, 10000], days.Select(d => d.RateMinor));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(AvailabilityService.MaxRangeDays + 1)]
    public async Task RangeOutsideOneToMaxDaysIsRefused(int days)
    {
        await using var hotel = await TestHotel.CreateAsync();

        await Assert.ThrowsAsync<ValidationException>(() => hotel.Get<AvailabilityService>().GetAsync(hotel.Today, hotel.Today.AddDays(days), CancellationToken.None));
    }
}
