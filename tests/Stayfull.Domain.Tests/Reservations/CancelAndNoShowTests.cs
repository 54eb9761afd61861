using Stayfull.Domain.Common;
using Stayfull.Domain.Reservations;
using Stayfull.Domain.Tenancy;
using Stayfull.Tests.Support;

namespace Stayfull.Domain.Tests.Reservations;

public sealed class CancelAndNoShowTests
{
    [Fact]
    public async Task CancelReleasesEveryNightRemovesRoomNightsAndFreesTheRoom()
    {
        await using var hotel = await TestHotel.CreateAsync();
        var reservation = await hotel.BookAsync(hotel.Stay(fromToday: 1, nights: 2) with { RoomId = hotel.Room("101").Id });
        hotel.ActAs(StaffRole.FrontDesk);

        await hotel.Get<ReservationService>().CancelAsync(reservation.Id, "Guest called", CancellationToken.None);

        var cancelled = await hotel.ReservationAsync(reservation.Id);
        Assert.Equal(ReservationStatus.Cancelled, cancelled.Status);
        Assert.Null(cancelled.RoomId);
        Assert.Equal(0, await hotel.BookedAsync(hotel.Today.AddDays(1)));
        Assert.Equal(0, await hotel.BookedAsync(hotel.Today.AddDays(2)));
        Assert.Empty(await hotel.FolioEntriesAsync(reservation.Id));
        var next = await hotel.BookAsync(hotel.Stay(fromToday: 1, nights: 2) with { RoomId = hotel.Room("101").Id });
        Assert.Equal(hotel.Room("101").Id, next.RoomId);
    }

    [Fact]
    public async Task CancelledLastRoomCanBeSoldAgain()
    {
        await using var hotel = await TestHotel.CreateAsync(roomTypes: 1, roomsPerType: 1);
        var reservation = await hotel.BookAsync(hotel.Stay());
        await Assert.ThrowsAsync<SoldOutException>(() => hotel.BookAsync(hotel.Stay()));

        await hotel.Get<ReservationService>().CancelAsync(reservation.Id, null, CancellationToken.None);

        Assert.Equal(ReservationStatus.Confirmed, (await hotel.BookAsync(hotel.Stay())).Status);
    }

    [Fact]
    public async Task CancelFailsForAGuestInHouse()
    {
        await using var hotel = await TestHotel.CreateAsync();
        var reservation = await hotel.CheckedInAsync("101");

        var refusal = await Assert.ThrowsAsync<RuleViolationException>(() => hotel.Get<ReservationService>().CancelAsync(reservation.Id, null, CancellationToken.None));

        Assert.Contains("Only a confirmed reservation can be cancelled", refusal.Message, StringComparison.Ordinal);
        Assert.Equal(1, await hotel.BookedAsync(hotel.Today));
    }

    [Fact]
    public async Task CancelFailsTwiceAndReleasesOnlyOnce()
    {
        await using var hotel = await TestHotel.CreateAsync();
        await hotel.BookAsync(hotel.Stay());
        var reservation = await hotel.BookAsync(hotel.Stay());
        await hotel.Get<ReservationService>().CancelAsync(reservation.Id, null, CancellationToken.None);

        await Assert.ThrowsAsync<RuleViolationException>(() => hotel.Get<ReservationService>().CancelAsync(reservation.Id, null, CancellationToken.None));

        Assert.Equal(1, await hotel.BookedAsync(hotel.Today));
    }

    [Fact]
    public async Task CancelFailsAfterCheckOut()
    {
        await using var hotel = await TestHotel.CreateAsync();
        var reservation = await hotel.CheckedInAsync("101", nights: 1);
        hotel.Time.Advance(TimeSpan.FromDays(1));
        await hotel.Get<ReservationService>().CheckOutAsync(reservation.Id, true, CancellationToken.None);

        await Assert.ThrowsAsync<RuleViolationException>(() => hotel.Get<ReservationService>().CancelAsync(reservation.Id, null, CancellationToken.None));
    }

    [Fact]
    public async Task HousekeepingCannotCancel()
    {
        await using var hotel = await TestHotel.CreateAsync();
        var reservation = await hotel.BookAsync(hotel.Stay());
        hotel.ActAs(StaffRole.Housekeeping);

        await Assert.ThrowsAsync<ForbiddenException>(() => hotel.Get<ReservationService>().CancelAsync(reservation.Id, null, CancellationToken.None));
    }

    [Fact]
    public async Task NoShowFailsBeforeTheArrivalDate()
    {
        await using var hotel = await TestHotel.CreateAsync();
        var reservation = await hotel.BookAsync(hotel.Stay(fromToday: 1));

        var refusal = await Assert.ThrowsAsync<RuleViolationException>(() => hotel.Get<ReservationService>().MarkNoShowAsync(reservation.Id, CancellationToken.None));

        Assert.Contains("on or after the arrival date", refusal.Message, StringComparison.Ordinal);
        Assert.Equal(ReservationStatus.Confirmed, (await hotel.ReservationAsync(reservation.Id)).Status);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(3)]
    public async Task NoShowOnOrAfterArrivalReleasesTheStay(int daysLate)
    {
        await using var hotel = await TestHotel.CreateAsync();
        var arrival = hotel.Today;
        var reservation = await hotel.BookAsync(hotel.Stay(nights: 2) with { RoomId = hotel.Room("101").Id });
        hotel.Time.Advance(TimeSpan.FromDays(daysLate));
        hotel.ActAs(StaffRole.FrontDesk);

        await hotel.Get<ReservationService>().MarkNoShowAsync(reservation.Id, CancellationToken.None);

        var noShow = await hotel.ReservationAsync(reservation.Id);
        Assert.Equal(ReservationStatus.NoShow, noShow.Status);
        Assert.Null(noShow.RoomId);
        Assert.Equal(0, await hotel.BookedAsync(arrival));
        Assert.Equal(0, await hotel.BookedAsync(arrival.AddDays(1)));
        Assert.Empty(await hotel.FolioEntriesAsync(reservation.Id));
    }

    [Fact]
    public async Task NoShowFailsForAGuestInHouse()
    {
        await using var hotel = await TestHotel.CreateAsync();
        var reservation = await hotel.CheckedInAsync("101");

        await Assert.ThrowsAsync<RuleViolationException>(() => hotel.Get<ReservationService>().MarkNoShowAsync(reservation.Id, CancellationToken.None));
        Assert.Equal(ReservationStatus.CheckedIn, (await hotel.ReservationAsync(reservation.Id)).Status);
    }

    [Fact]
    public async Task NoShowFailsForACancelledReservation()
    {
        await using var hotel = await TestHotel.CreateAsync();
        var reservation = await hotel.BookAsync(hotel.Stay());
        await hotel.Get<ReservationService>().CancelAsync(reservation.Id, null, CancellationToken.None);

        await Assert.ThrowsAsync<RuleViolationException>(() => hotel.Get<ReservationService>().MarkNoShowAsync(reservation.Id, CancellationToken.None));
    }
}
