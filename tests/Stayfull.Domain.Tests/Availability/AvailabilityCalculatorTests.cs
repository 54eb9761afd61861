using Stayfull.Domain.Rates;
using Stayfull.Domain.Rooms;

namespace Stayfull.Domain.Tests.Availability;

public sealed class AvailabilityCalculatorTests
{
    private static readonly Guid HotelId = Guid.CreateVersion7();
    private static readonly DateOnly Today = new(2026, 11, 24);

    [Fact]
    public void AvailableIsRoomsMinusOutOfOrderMinusBooked()
    {
        var type = new RoomType(HotelId, "STD", "Standard", 2, 10000);
        var rooms = Rooms(type, 5);
        rooms[0].SetHousekeeping(HousekeepingStatus.OutOfOrder);
        var night = Night(type, Today, booked: 2);

        var day = AvailabilityCalculator.Compute([type], rooms, [night], Today, Today.AddDays(1), Today).Single().Days.Single();

        Assert.Equal((5, 1, 2, 2), (day.Rooms, day.OutOfOrder, day.Booked, day.Available));
        Assert.False(day.IsOverbooked);
    }

    [Fact]
    public void EachRoomTypeAndNightIsCountedOnItsOwn()
    {
        var single = new RoomType(HotelId, "SGL", "Single", 1, 8000);
        var suite = new RoomType(HotelId, "STE", "Suite", 4, 30000);
        var rooms = Rooms(single, 4).Concat(Rooms(suite, 2)).ToList();
        var days = new[] { Night(single, Today.AddDays(1), booked: 3), Night(suite, Today, booked: 1) };

        var result = AvailabilityCalculator.Compute([single, suite], rooms, days, Today, Today.AddDays(3), Today);

        Assert.Equal([4, 1, 4], result.Single(r => r.RoomTypeId == single.Id).Days.Select(d => d.Available));
        Assert.Equal([1, 2, 2], result.Single(r => r.RoomTypeId == suite.Id).Days.Select(d => d.Available));
        Assert.Equal([Today, Today.AddDays(1), Today.AddDays(2)], result[0].Days.Select(d => d.Date));
    }

    [Fact]
    public void OutOfOrderRoomsCountOnlyFromTodayOn()
    {
        var type = new RoomType(HotelId, "STD", "Standard", 2, 10000);
        var rooms = Rooms(type, 3);
        rooms[1].SetHousekeeping(HousekeepingStatus.OutOfOrder);

        var days = AvailabilityCalculator.Compute([type], rooms, [], Today.AddDays(-2), Today.AddDays(2), Today).Single().Days;

        Assert.Equal([0, 0, 1, 1], days.Select(d => d.OutOfOrder));
        Assert.Equal([3, 3, 2, 2], days.Select(d => d.Available));
    }

    [Fact]
    public void OverbookedNightShowsZeroNotNegative()
    {
        var type = new RoomType(HotelId, "STD", "Standard", 2, 10000);
        var rooms = Rooms(type, 2);
        rooms[0].SetHousekeeping(HousekeepingStatus.OutOfOrder);

        var day = AvailabilityCalculator.Compute([type], rooms, [Night(type, Today, booked: 3)], Today, Today.AddDays(1), Today).Single().Days.Single();

        Assert.Equal(0, day.Available);
        Assert.True(day.IsOverbooked);
    }

    [Fact]
    public void FullNightIsNotOverbooked()
    {
        var type = new RoomType(HotelId, "STD", "Standard", 2, 10000);

        var day = AvailabilityCalculator.Compute([type], Rooms(type, 2), [Night(type, Today, booked: 2)], Today, Today.AddDays(1), Today).Single().Days.Single();

        Assert.Equal(0, day.Available);
        Assert.False(day.IsOverbooked);
    }

    [Fact]
    public void NightWithoutARowSellsAtTheBaseRateWithoutRestrictions()
    {
        var type = new RoomType(HotelId, "STD", "Standard", 2, 10000);

        var day = AvailabilityCalculator.Compute([type], Rooms(type, 2), [], Today, Today.AddDays(1), Today).Single().Days.Single();

        Assert.Equal(new DayAvailability(Today, 2, 0, 0, 10000, 1, false, false, false), day);
    }

    [Fact]
    public void NightRowCarriesItsRateAndRestrictions()
    {
        var type = new RoomType(HotelId, "STD", "Standard", 2, 10000);
        var night = Night(type, Today, booked: 1);
        night.SetRate(12500);
        night.SetRestrictions(3, closedToArrival: true, closedToDeparture: false, stopSell: true);

        var day = AvailabilityCalculator.Compute([type], Rooms(type, 2), [night], Today, Today.AddDays(1), Today).Single().Days.Single();

        Assert.Equal(new DayAvailability(Today, 2, 0, 1, 12500, 3, true, false, true), day);
    }

    [Fact]
    public void RoomTypeWithoutRoomsHasNothingToSell()
    {
        var type = new RoomType(HotelId, "STD", "Standard", 2, 10000);

        var day = AvailabilityCalculator.Compute([type], [], [], Today, Today.AddDays(1), Today).Single().Days.Single();

        Assert.Equal((0, 0), (day.Rooms, day.Available));
    }

    [Fact]
    public void EmptyRangeHasNoDays()
    {
        var type = new RoomType(HotelId, "STD", "Standard", 2, 10000);

        var result = AvailabilityCalculator.Compute([type], Rooms(type, 1), [], Today, Today, Today);

        Assert.Empty(result.Single().Days);
    }

    private static List<Room> Rooms(RoomType type, int count) =>
        [.. Enumerable.Range(1, count).Select(i => new Room(HotelId, $"{type.Code}{i}", 1, type.Id))];

    private static RoomTypeDay Night(RoomType type, DateOnly date, int booked)
    {
        var night = new RoomTypeDay(HotelId, type.Id, date);
        for (var i = 0; i < booked; i++)
        {
            night.Reserve();
        }

        return night;
    }
}
