using Stayfull.Domain.Common;
using Stayfull.Domain.Reservations;
using Stayfull.Domain.Rooms;
using Stayfull.Domain.Tenancy;
using Stayfull.Tests.Support;

namespace Stayfull.Domain.Tests.Reservations;

public sealed class RoomAssignmentTests
{
    [Fact]
    public async Task AssigningAFreeRoomSetsItOnTheReservation()
    {
        await using var hotel = await TestHotel.CreateAsync();
        var reservation = await hotel.BookAsync(hotel.Stay());
        hotel.ActAs(StaffRole.FrontDesk);

        await hotel.Get<ReservationService>().AssignRoomAsync(reservation.Id, hotel.Room("103").Id, CancellationToken.None);

        Assert.Equal(hotel.Room("103").Id, (await hotel.ReservationAsync(reservation.Id)).RoomId);
    }

    [Fact]
    public async Task AssigningARoomTakenByAnOverlappingStayIsRefused()
    {
        await using var hotel = await TestHotel.CreateAsync();
        var first = await hotel.BookAsync(hotel.Stay(nights: 3) with { RoomId = hotel.Room("101").Id });
        var second = await hotel.BookAsync(hotel.Stay(fromToday: 2, nights: 2));

        var refusal = await Assert.ThrowsAsync<RuleViolationException>(() => hotel.Get<ReservationService>().AssignRoomAsync(second.Id, hotel.Room("101").Id, CancellationToken.None));

        Assert.Contains($"already taken by reservation {first.ConfirmationCode}", refusal.Message, StringComparison.Ordinal);
        Assert.Null((await hotel.ReservationAsync(second.Id)).RoomId);
    }

    [Fact]
    public async Task AssigningARoomTakenByAGuestInHouseIsRefused()
    {
        await using var hotel = await TestHotel.CreateAsync();
        await hotel.CheckedInAsync("101", nights: 2);
        var arriving = await hotel.BookAsync(hotel.Stay(fromToday: 1, nights: 1));

        await Assert.ThrowsAsync<RuleViolationException>(() => hotel.Get<ReservationService>().AssignRoomAsync(arriving.Id, hotel.Room("101").Id, CancellationToken.None));
    }

    [Fact]
    public async Task BackToBackStaysShareARoom()
    {
        await using var hotel = await TestHotel.CreateAsync();
        await hotel.BookAsync(hotel.Stay(nights: 2) with { RoomId = hotel.Room("101").Id });
        var next = await hotel.BookAsync(hotel.Stay(fromToday: 2, nights: 2));

        await hotel.Get<ReservationService>().AssignRoomAsync(next.Id, hotel.Room("101").Id, CancellationToken.None);

        Assert.Equal(hotel.Room("101").Id, (await hotel.ReservationAsync(next.Id)).RoomId);
    }

    [Fact]
    public async Task CancelledStayDoesNotBlockItsFormerRoom()
    {
        await using var hotel = await TestHotel.CreateAsync();
        var cancelled = await hotel.BookAsync(hotel.Stay() with { RoomId = hotel.Room("101").Id });
        await hotel.Get<ReservationService>().CancelAsync(cancelled.Id, null, CancellationToken.None);
        var other = await hotel.BookAsync(hotel.Stay());

        await hotel.Get<ReservationService>().AssignRoomAsync(other.Id, hotel.Room("101").Id, CancellationToken.None);

        Assert.Equal(hotel.Room("101").Id, (await hotel.ReservationAsync(other.Id)).RoomId);
    }

    [Fact]
    public async Task AssigningAnOutOfOrderRoomIsRefused()
    {
        await using var hotel = await TestHotel.CreateAsync();
        var reservation = await hotel.BookAsync(hotel.Stay());
        await hotel.SetHousekeepingAsync("101", HousekeepingStatus.OutOfOrder);

        await Assert.ThrowsAsync<RuleViolationException>(() => hotel.Get<ReservationService>().AssignRoomAsync(reservation.Id, hotel.Room("101").Id, CancellationToken.None));
    }

    [Fact]
    public async Task AssigningARoomToAGuestInHouseIsRefused()
    {
        await using var hotel = await TestHotel.CreateAsync();
        var reservation = await hotel.CheckedInAsync("101");

        var refusal = await Assert.ThrowsAsync<RuleViolationException>(() => hotel.Get<ReservationService>().AssignRoomAsync(reservation.Id, hotel.Room("102").Id, CancellationToken.None));

        Assert.Contains("move an in-house guest", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AssigningARoomOfAnotherTypeMovesTheInventory()
    {
        await using var hotel = await TestHotel.CreateAsync();
        var reservation = await hotel.BookAsync(hotel.Stay(nights: 1));

        await hotel.Get<ReservationService>().AssignRoomAsync(reservation.Id, hotel.Room("202").Id, CancellationToken.None);

        Assert.Equal(hotel.RoomTypes[1].Id, (await hotel.ReservationAsync(reservation.Id)).RoomTypeId);
        Assert.Equal(0, await hotel.BookedAsync(hotel.Today, type: 0));
        Assert.Equal(1, await hotel.BookedAsync(hotel.Today, type: 1));
    }

    [Fact]
    public async Task FreeRoomsListTheReservedTypeFirstAndLeaveOutTakenAndOutOfOrderRooms()
    {
        await using var hotel = await TestHotel.CreateAsync();
        await hotel.BookAsync(hotel.Stay() with { RoomId = hotel.Room("102").Id });
        await hotel.SetHousekeepingAsync("203", HousekeepingStatus.OutOfOrder);
        var reservation = await hotel.BookAsync(hotel.Stay());

        var free = await hotel.Get<ReservationService>().FreeRoomsAsync(reservation.Id, anyType: true, CancellationToken.None);

        Assert.Equal(["101", "103", "201", "202"], free.Select(r => r.Number));
    }

    [Fact]
    public async Task HousekeepingCannotAssignRooms()
    {
        await using var hotel = await TestHotel.CreateAsync();
        var reservation = await hotel.BookAsync(hotel.Stay());
        hotel.ActAs(StaffRole.Housekeeping);

        await Assert.ThrowsAsync<ForbiddenException>(() => hotel.Get<ReservationService>().AssignRoomAsync(reservation.Id, hotel.Room("101").Id, CancellationToken.None));
    }
}
