using Stayfull.Domain.Common;
using Stayfull.Domain.Folios;
using Stayfull.Domain.Reservations;
using Stayfull.Domain.Rooms;
using Stayfull.Domain.Tenancy;
using Stayfull.Tests.Support;

namespace Stayfull.Domain.Tests.Reservations;

public sealed class CheckOutTests
{
    [Fact]
    public async Task CheckOutOnTheDepartureDateWithASettledFolioLeavesTheRoomDirty()
    {
        await using var hotel = await TestHotel.CreateAsync();
        var reservation = await hotel.CheckedInAsync("101", nights: 2);
        await hotel.PayAsync(reservation.Id, 20000);
        hotel.Time.Advance(TimeSpan.FromDays(2));
        hotel.ActAs(StaffRole.FrontDesk);

        await hotel.Get<ReservationService>().CheckOutAsync(reservation.Id, managerOverride: false, CancellationToken.None);

        var checkedOut = await hotel.ReservationAsync(reservation.Id);
        Assert.Equal(ReservationStatus.CheckedOut, checkedOut.Status);
        Assert.Equal(hotel.Time.GetUtcNow(), checkedOut.CheckedOutAt);
        Assert.Equal(reservation.Departure, checkedOut.Departure);
        Assert.Equal(HousekeepingStatus.Dirty, (await hotel.ReloadRoomAsync("101")).Housekeeping);
        Assert.Equal(2, (await hotel.FolioEntriesAsync(reservation.Id)).Count(e => e.Kind == FolioEntryKind.RoomNight));
    }

    [Fact]
    public async Task CheckOutFailsWithAnOpenBalance()
    {
        await using var hotel = await TestHotel.CreateAsync();
        var reservation = await hotel.CheckedInAsync("101", nights: 1);
        await hotel.PayAsync(reservation.Id, 9999);
        hotel.Time.Advance(TimeSpan.FromDays(1));

        var refusal = await Assert.ThrowsAsync<RuleViolationException>(() => hotel.Get<ReservationService>().CheckOutAsync(reservation.Id, false, CancellationToken.None));

        Assert.Contains("open balance", refusal.Message, StringComparison.Ordinal);
        Assert.Equal(ReservationStatus.CheckedIn, (await hotel.ReservationAsync(reservation.Id)).Status);
        Assert.Equal(HousekeepingStatus.Clean, (await hotel.ReloadRoomAsync("101")).Housekeeping);
    }

    [Fact]
    public async Task CheckOutFailsWhenWeOweTheGuest()
    {
        await using var hotel = await TestHotel.CreateAsync();
        var reservation = await hotel.CheckedInAsync("101", nights: 1);
        await hotel.PayAsync(reservation.Id, 15000);
        hotel.Time.Advance(TimeSpan.FromDays(1));

        await Assert.ThrowsAsync<RuleViolationException>(() => hotel.Get<ReservationService>().CheckOutAsync(reservation.Id, false, CancellationToken.None));
    }

    [Theory]
    [InlineData(StaffRole.Manager)]
    [InlineData(StaffRole.Owner)]
    public async Task ManagerMayCheckOutWithAnOpenBalance(StaffRole role)
    {
        await using var hotel = await TestHotel.CreateAsync();
        var reservation = await hotel.CheckedInAsync("101", nights: 1);
        hotel.Time.Advance(TimeSpan.FromDays(1));
        hotel.ActAs(role);

        await hotel.Get<ReservationService>().CheckOutAsync(reservation.Id, managerOverride: true, CancellationToken.None);

        Assert.Equal(ReservationStatus.CheckedOut, (await hotel.ReservationAsync(reservation.Id)).Status);
    }

    [Fact]
    public async Task FrontDeskCannotOverrideAnOpenBalance()
    {
        await using var hotel = await TestHotel.CreateAsync();
        var reservation = await hotel.CheckedInAsync("101", nights: 1);
        hotel.Time.Advance(TimeSpan.FromDays(1));
        hotel.ActAs(StaffRole.FrontDesk);

        await Assert.ThrowsAsync<ForbiddenException>(() => hotel.Get<ReservationService>().CheckOutAsync(reservation.Id, managerOverride: true, CancellationToken.None));
        Assert.Equal(ReservationStatus.CheckedIn, (await hotel.ReservationAsync(reservation.Id)).Status);
    }

    [Fact]
    public async Task CheckOutFailsForAGuestWhoHasNotArrived()
    {
        await using var hotel = await TestHotel.CreateAsync();
        var reservation = await hotel.BookAsync(hotel.Stay() with { RoomId = hotel.Room("101").Id });

        var refusal = await Assert.ThrowsAsync<RuleViolationException>(() => hotel.Get<ReservationService>().CheckOutAsync(reservation.Id, true, CancellationToken.None));

        Assert.Contains("Only an in-house guest", refusal.Message, StringComparison.Ordinal);
        Assert.Equal(2, (await hotel.FolioEntriesAsync(reservation.Id)).Count);
        Assert.Equal(1, await hotel.BookedAsync(hotel.Today.AddDays(1)));
    }

    [Fact]
    public async Task CheckOutFailsTwice()
    {
        await using var hotel = await TestHotel.CreateAsync();
        var reservation = await hotel.CheckedInAsync("101", nights: 1);
        hotel.Time.Advance(TimeSpan.FromDays(1));
        await hotel.Get<ReservationService>().CheckOutAsync(reservation.Id, true, CancellationToken.None);

        await Assert.ThrowsAsync<RuleViolationException>(() => hotel.Get<ReservationService>().CheckOutAsync(reservation.Id, true, CancellationToken.None));
    }

    [Fact]
    public async Task EarlyCheckOutReleasesTheRemainingNightsAndTheirRoomNightLines()
    {
        await using var hotel = await TestHotel.CreateAsync();
        var arrival = hotel.Today;
        var reservation = await hotel.CheckedInAsync("101", nights: 4);
        await hotel.PayAsync(reservation.Id, 10000);
        hotel.Time.Advance(TimeSpan.FromDays(1));

        await hotel.Get<ReservationService>().CheckOutAsync(reservation.Id, false, CancellationToken.None);

        var checkedOut = await hotel.ReservationAsync(reservation.Id);
        Assert.Equal(ReservationStatus.CheckedOut, checkedOut.Status);
        Assert.Equal(arrival.AddDays(1), checkedOut.Departure);
        var booked = new List<int>();
        for (var night = arrival; night < arrival.AddDays(4); night = night.AddDays(1))
        {
            booked.Add(await hotel.BookedAsync(night));
        }

        Assert.Equal([1, 0, 0, 0], booked);
        var nights = (await hotel.FolioEntriesAsync(reservation.Id)).Where(e => e.Kind == FolioEntryKind.RoomNight).ToList();
        Assert.Equal([arrival], nights.Select(n => n.ServiceDate));
        Assert.Equal(0, (await hotel.Get<FolioService>().GetAsync(reservation.Id, CancellationToken.None)).Balance.Minor);
    }

    [Fact]
    public async Task EarlyCheckOutFreesTheRemainingNightsForSale()
    {
        await using var hotel = await TestHotel.CreateAsync(roomTypes: 1, roomsPerType: 1);
        var reservation = await hotel.CheckedInAsync("101", nights: 3);
        hotel.Time.Advance(TimeSpan.FromDays(1));
        await Assert.ThrowsAsync<SoldOutException>(() => hotel.BookAsync(hotel.Stay(nights: 2)));

        await hotel.Get<ReservationService>().CheckOutAsync(reservation.Id, true, CancellationToken.None);

        Assert.Equal(ReservationStatus.Confirmed, (await hotel.BookAsync(hotel.Stay(nights: 2))).Status);
    }

    [Fact]
    public async Task RefusedEarlyCheckOutKeepsTheNightsAndTheFolio()
    {
        await using var hotel = await TestHotel.CreateAsync();
        var reservation = await hotel.CheckedInAsync("101", nights: 3);
        hotel.Time.Advance(TimeSpan.FromDays(1));

        await Assert.ThrowsAsync<RuleViolationException>(() => hotel.Get<ReservationService>().CheckOutAsync(reservation.Id, false, CancellationToken.None));

        Assert.Equal(3, (await hotel.FolioEntriesAsync(reservation.Id)).Count);
        Assert.Equal(1, await hotel.BookedAsync(hotel.Today.AddDays(1)));
        Assert.Equal(reservation.Departure, (await hotel.ReservationAsync(reservation.Id)).Departure);
    }
}
