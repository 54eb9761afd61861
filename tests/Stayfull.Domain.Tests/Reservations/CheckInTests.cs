using Stayfull.Domain.Common;
using Stayfull.Domain.Reservations;
using Stayfull.Domain.Rooms;
using Stayfull.Domain.Tenancy;
using Stayfull.Tests.Support;

namespace Stayfull.Domain.Tests.Reservations;

public sealed class CheckInTests
{
    [Theory]
    [InlineData(HousekeepingStatus.Clean)]
    [InlineData(HousekeepingStatus.Inspected)]
    public async Task CheckInSucceedsOnArrivalDayWithAReadyRoom(HousekeepingStatus ready)
    {
        await using var hotel = await TestHotel.CreateAsync();
        var reservation = await hotel.BookAsync(hotel.Stay() with { RoomId = hotel.Room("101").Id });
        await hotel.SetHousekeepingAsync("101", ready);
        hotel.ActAs(StaffRole.FrontDesk);

        await hotel.Get<ReservationService>().CheckInAsync(reservation.Id, CancellationToken.None);

        var checkedIn = await hotel.ReservationAsync(reservation.Id);
        Assert.Equal(ReservationStatus.CheckedIn, checkedIn.Status);
        Assert.Equal(hotel.Time.GetUtcNow(), checkedIn.CheckedInAt);
        Assert.Equal("FrontDesk tester", checkedIn.UpdatedBy);
    }

    [Fact]
    public async Task CheckInFailsWithoutARoom()
    {
        await using var hotel = await TestHotel.CreateAsync();
        var reservation = await hotel.BookAsync(hotel.Stay());

        var refusal = await Assert.ThrowsAsync<RuleViolationException>(() => hotel.Get<ReservationService>().CheckInAsync(reservation.Id, CancellationToken.None));

        Assert.Contains("Assign a room", refusal.Message, StringComparison.Ordinal);
        Assert.Equal(ReservationStatus.Confirmed, (await hotel.ReservationAsync(reservation.Id)).Status);
    }

    [Theory]
    [InlineData(HousekeepingStatus.Dirty)]
    [InlineData(HousekeepingStatus.OutOfOrder)]
    public async Task CheckInFailsWhenRoomIsNotReady(HousekeepingStatus status)
    {
        await using var hotel = await TestHotel.CreateAsync();
        var reservation = await hotel.BookAsync(hotel.Stay() with { RoomId = hotel.Room("101").Id });
        await hotel.SetHousekeepingAsync("101", status);

        var refusal = await Assert.ThrowsAsync<RuleViolationException>(() => hotel.Get<ReservationService>().CheckInAsync(reservation.Id, CancellationToken.None));

        Assert.Contains("must be clean or inspected", refusal.Message, StringComparison.Ordinal);
        Assert.Equal(ReservationStatus.Confirmed, (await hotel.ReservationAsync(reservation.Id)).Status);
    }

    [Fact]
    public async Task CheckInFailsBeforeTheArrivalDate()
    {
        await using var hotel = await TestHotel.CreateAsync();
        var reservation = await hotel.BookAsync(hotel.Stay(fromToday: 1) with { RoomId = hotel.Room("101").Id });

        await Assert.ThrowsAsync<RuleViolationException>(() => hotel.Get<ReservationService>().CheckInAsync(reservation.Id, CancellationToken.None));
    }

    [Fact]
    public async Task LateArrivalCanStillCheckInOnTheLastNight()
    {
        await using var hotel = await TestHotel.CreateAsync();
        var reservation = await hotel.BookAsync(hotel.Stay(nights: 2) with { RoomId = hotel.Room("101").Id });
        hotel.Time.Advance(TimeSpan.FromDays(1));

        await hotel.Get<ReservationService>().CheckInAsync(reservation.Id, CancellationToken.None);

        Assert.Equal(ReservationStatus.CheckedIn, (await hotel.ReservationAsync(reservation.Id)).Status);
    }

    [Fact]
    public async Task CheckInFailsOnTheDepartureDate()
    {
        await using var hotel = await TestHotel.CreateAsync();
        var reservation = await hotel.BookAsync(hotel.Stay(nights: 1) with { RoomId = hotel.Room("101").Id });
        hotel.Time.Advance(TimeSpan.FromDays(1));

        await Assert.ThrowsAsync<RuleViolationException>(() => hotel.Get<ReservationService>().CheckInAsync(reservation.Id, CancellationToken.None));
    }

    [Fact]
    public async Task CheckInFailsForAGuestAlreadyInHouse()
    {
        await using var hotel = await TestHotel.CreateAsync();
        var reservation = await hotel.CheckedInAsync("101");

        var refusal = await Assert.ThrowsAsync<RuleViolationException>(() => hotel.Get<ReservationService>().CheckInAsync(reservation.Id, CancellationToken.None));

        Assert.Contains("checked in", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckInFailsForACancelledReservation()
    {
        await using var hotel = await TestHotel.CreateAsync();
        var reservation = await hotel.BookAsync(hotel.Stay() with { RoomId = hotel.Room("101").Id });
        await hotel.Get<ReservationService>().CancelAsync(reservation.Id, null, CancellationToken.None);

        var refusal = await Assert.ThrowsAsync<RuleViolationException>(() => hotel.Get<ReservationService>().CheckInAsync(reservation.Id, CancellationToken.None));

        Assert.Contains("cancelled", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HousekeepingCannotCheckGuestsIn()
    {
        await using var hotel = await TestHotel.CreateAsync();
        var reservation = await hotel.BookAsync(hotel.Stay() with { RoomId = hotel.Room("101").Id });
        hotel.ActAs(StaffRole.Housekeeping);

        await Assert.ThrowsAsync<ForbiddenException>(() => hotel.Get<ReservationService>().CheckInAsync(reservation.Id, CancellationToken.None));
        Assert.Equal(ReservationStatus.Confirmed, (await hotel.ReservationAsync(reservation.Id)).Status);
    }

    [Fact]
    public async Task CheckInOfAnUnknownReservationIsNotFound()
    {
        await using var hotel = await TestHotel.CreateAsync();

        await Assert.ThrowsAsync<NotFoundException>(() => hotel.Get<ReservationService>().CheckInAsync(Guid.NewGuid(), CancellationToken.None));
    }

    [Fact]
    public async Task ArrivalsOfTodayListTheStay()
    {
        await using var hotel = await TestHotel.CreateAsync();
        var arriving = await hotel.BookAsync(hotel.Stay());
        await hotel.BookAsync(hotel.Stay(fromToday: 1));
        var inHouse = await hotel.CheckedInAsync("102");

        var day = await hotel.Get<ReservationService>().TodayAsync(CancellationToken.None);

        Assert.Equal(hotel.Today, day.Date);
        Assert.Equal(new[] { arriving.Id, inHouse.Id }.Order(), day.Arrivals.Select(a => a.Id).Order());
        Assert.Equal([inHouse.Id], day.InHouse.Select(a => a.Id));
    }
}
