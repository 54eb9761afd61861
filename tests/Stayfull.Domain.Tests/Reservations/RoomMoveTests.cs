using Stayfull.Domain.Common;
using Stayfull.Domain.Folios;
using Stayfull.Domain.Reservations;
using Stayfull.Domain.Rooms;
using Stayfull.Tests.Support;

namespace Stayfull.Domain.Tests.Reservations;

public sealed class RoomMoveTests
{
    [Fact]
    public async Task MovingAGuestInHouseFreesTheOldRoomKeepsTheFolioAndLeavesTheOldRoomDirty()
    {
        await using var hotel = await TestHotel.CreateAsync();
        var reservation = await hotel.CheckedInAsync("101", nights: 3);
        await hotel.Get<FolioService>().AddChargeAsync(reservation.Id, "Minibar", 850, CancellationToken.None);
        var folioBefore = await hotel.FolioEntriesAsync(reservation.Id);

        await hotel.Get<ReservationService>().MoveRoomAsync(reservation.Id, hotel.Room("102").Id, "Noisy neighbours", CancellationToken.None);

        var moved = await hotel.ReservationAsync(reservation.Id);
        Assert.Equal(hotel.Room("102").Id, moved.RoomId);
        Assert.Equal(ReservationStatus.CheckedIn, moved.Status);
        Assert.Equal(HousekeepingStatus.Dirty, (await hotel.ReloadRoomAsync("101")).Housekeeping);
        Assert.Equal(folioBefore.Select(e => e.Id).Order(), (await hotel.FolioEntriesAsync(reservation.Id)).Select(e => e.Id).Order());
        Assert.Equal(1, await hotel.BookedAsync(hotel.Today));
        var other = await hotel.BookAsync(hotel.Stay());
        var free = await hotel.Get<ReservationService>().FreeRoomsAsync(other.Id, anyType: false, CancellationToken.None);
        Assert.Contains(free, r => r.Number == "101");
        Assert.DoesNotContain(free, r => r.Number == "102");
    }

    [Fact]
    public async Task MovingAConfirmedGuestLeavesTheOldRoomAsItWas()
    {
        await using var hotel = await TestHotel.CreateAsync();
        var reservation = await hotel.BookAsync(hotel.Stay() with { RoomId = hotel.Room("101").Id });

        await hotel.Get<ReservationService>().MoveRoomAsync(reservation.Id, hotel.Room("103").Id, "Guest asked for a high floor", CancellationToken.None);

        Assert.Equal(hotel.Room("103").Id, (await hotel.ReservationAsync(reservation.Id)).RoomId);
        Assert.Equal(HousekeepingStatus.Clean, (await hotel.ReloadRoomAsync("101")).Housekeeping);
    }

    [Fact]
    public async Task MovingAGuestInHouseToADirtyRoomIsRefused()
    {
        await using var hotel = await TestHotel.CreateAsync();
        var reservation = await hotel.CheckedInAsync("101");
        await hotel.SetHousekeepingAsync("102", HousekeepingStatus.Dirty);

        var refusal = await Assert.ThrowsAsync<RuleViolationException>(() => hotel.Get<ReservationService>().MoveRoomAsync(reservation.Id, hotel.Room("102").Id, "Leak", CancellationToken.None));

        Assert.Contains("not clean", refusal.Message, StringComparison.Ordinal);
        Assert.Equal(hotel.Room("101").Id, (await hotel.ReservationAsync(reservation.Id)).RoomId);
        Assert.Equal(HousekeepingStatus.Clean, (await hotel.ReloadRoomAsync("101")).Housekeeping);
    }

    [Fact]
    public async Task MovingToARoomTakenByAnotherStayIsRefused()
    {
        await using var hotel = await TestHotel.CreateAsync();
        var reservation = await hotel.CheckedInAsync("101");
        var occupant = await hotel.BookAsync(hotel.Stay(fromToday: 1) with { RoomId = hotel.Room("102").Id });

        var refusal = await Assert.ThrowsAsync<RuleViolationException>(() => hotel.Get<ReservationService>().MoveRoomAsync(reservation.Id, hotel.Room("102").Id, "Leak", CancellationToken.None));

        Assert.Contains(occupant.ConfirmationCode, refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MovingToTheSameRoomIsRefused()
    {
        await using var hotel = await TestHotel.CreateAsync();
        var reservation = await hotel.CheckedInAsync("101");

        await Assert.ThrowsAsync<RuleViolationException>(() => hotel.Get<ReservationService>().MoveRoomAsync(reservation.Id, hotel.Room("101").Id, "Again", CancellationToken.None));
    }

    [Fact]
    public async Task MovingACancelledReservationIsRefused()
    {
        await using var hotel = await TestHotel.CreateAsync();
        var reservation = await hotel.BookAsync(hotel.Stay());
        await hotel.Get<ReservationService>().CancelAsync(reservation.Id, null, CancellationToken.None);

        await Assert.ThrowsAsync<RuleViolationException>(() => hotel.Get<ReservationService>().MoveRoomAsync(reservation.Id, hotel.Room("101").Id, "Upgrade", CancellationToken.None));
    }

    [Fact]
    public async Task MovingAConfirmedGuestToAnotherTypeMovesEveryNight()
    {
        await using var hotel = await TestHotel.CreateAsync();
        var reservation = await hotel.BookAsync(hotel.Stay(fromToday: 1, nights: 2) with { RoomId = hotel.Room("101").Id });

        await hotel.Get<ReservationService>().MoveRoomAsync(reservation.Id, hotel.Room("201").Id, "Upgrade", CancellationToken.None);

        Assert.Equal(hotel.RoomTypes[1].Id, (await hotel.ReservationAsync(reservation.Id)).RoomTypeId);
        foreach (var night in new[] { hotel.Today.AddDays(1), hotel.Today.AddDays(2) })
        {
            Assert.Equal(0, await hotel.BookedAsync(night, type: 0));
            Assert.Equal(1, await hotel.BookedAsync(night, type: 1));
        }

        Assert.Equal(20000, (await hotel.Get<FolioService>().GetAsync(reservation.Id, CancellationToken.None)).RoomCharges.Minor);
    }

    [Fact]
    public async Task MovingAGuestInHouseToAnotherTypeMovesOnlyTheNightsStillToCome()
    {
        await using var hotel = await TestHotel.CreateAsync();
        var arrival = hotel.Today;
        var reservation = await hotel.CheckedInAsync("101", nights: 3);
        hotel.Time.Advance(TimeSpan.FromDays(1));

        await hotel.Get<ReservationService>().MoveRoomAsync(reservation.Id, hotel.Room("201").Id, "Air conditioning broke", CancellationToken.None);

        Assert.Equal(1, await hotel.BookedAsync(arrival, type: 0));
        Assert.Equal(0, await hotel.BookedAsync(arrival, type: 1));
        foreach (var night in new[] { arrival.AddDays(1), arrival.AddDays(2) })
        {
            Assert.Equal(0, await hotel.BookedAsync(night, type: 0));
            Assert.Equal(1, await hotel.BookedAsync(night, type: 1));
        }

        Assert.Equal(HousekeepingStatus.Dirty, (await hotel.ReloadRoomAsync("101")).Housekeeping);
    }

    [Fact]
    public async Task MovingToAnotherTypeIsRefusedWhenThatTypeIsSoldOut()
    {
        await using var hotel = await TestHotel.CreateAsync();
        var reservation = await hotel.BookAsync(hotel.Stay() with { RoomId = hotel.Room("101").Id });
        for (var i = 0; i < 3; i++)
        {
            await hotel.BookAsync(hotel.Stay(type: 1));
        }

        await Assert.ThrowsAsync<SoldOutException>(() => hotel.Get<ReservationService>().MoveRoomAsync(reservation.Id, hotel.Room("201").Id, "Upgrade", CancellationToken.None));

        var unchanged = await hotel.ReservationAsync(reservation.Id);
        Assert.Equal((hotel.Room("101").Id, hotel.RoomTypes[0].Id), (unchanged.RoomId!.Value, unchanged.RoomTypeId));
        Assert.Equal(1, await hotel.BookedAsync(hotel.Today, type: 0));
        Assert.Equal(3, await hotel.BookedAsync(hotel.Today, type: 1));
    }

    [Fact]
    public async Task MovingToAnOutOfOrderRoomIsRefused()
    {
        await using var hotel = await TestHotel.CreateAsync();
        var reservation = await hotel.BookAsync(hotel.Stay() with { RoomId = hotel.Room("101").Id });
        await hotel.SetHousekeepingAsync("102", HousekeepingStatus.OutOfOrder);

        var refusal = await Assert.ThrowsAsync<RuleViolationException>(() => hotel.Get<ReservationService>().MoveRoomAsync(reservation.Id, hotel.Room("102").Id, "Upgrade", CancellationToken.None));

        Assert.Contains("out of order", refusal.Message, StringComparison.Ordinal);
    }
}
