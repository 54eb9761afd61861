using Microsoft.EntityFrameworkCore;
using Stayfull.Domain.Common;
using Stayfull.Domain.Live;
using Stayfull.Domain.Reservations;
using Stayfull.Domain.Tenancy;
using Stayfull.Domain.Upsells;
using Stayfull.Tests.Support;

namespace Stayfull.Domain.Tests.Upsells;

public sealed class UpsellServiceTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task NothingIsOfferedUntilTheHotelTurnsTheOffersOn()
    {
        await using var hotel = await TestHotel.CreateAsync();
        var stay = await hotel.ArrangeBookingAsync(hotel.Stay(fromToday: 1));

        Assert.Empty(await hotel.Get<UpsellService>().OffersAsync(stay.Id, None));
        await Assert.ThrowsAsync<RuleViolationException>(() => hotel.Get<UpsellService>().AcceptAsync(stay.Id, UpsellKind.EarlyCheckIn, None));

        await hotel.OfferBothAsync();
        var offers = await hotel.Get<UpsellService>().OffersAsync(stay.Id, None);
        Assert.Equal([UpsellKind.EarlyCheckIn, UpsellKind.LateCheckOut], offers.Select(o => o.Kind));
        Assert.All(offers, o => Assert.True(o.CanAccept));
        Assert.Equal(new Money(UpsellsHotel.EarlyPrice, "EUR"), offers[0].Price);
        Assert.Equal(UpsellsHotel.EarlyFrom, offers[0].Time);
    }

    [Fact]
    public async Task OnlyAManagerChangesTheOffersAndNonsenseHoursAreRefused()
    {
        await using var hotel = await TestHotel.CreateAsync();

        await Assert.ThrowsAsync<ForbiddenException>(() => hotel.ActAs(StaffRole.FrontDesk).Get<UpsellService>().SaveSettingsAsync(UpsellsHotel.BothOffered, None));
        var bad = UpsellsHotel.BothOffered with { EarlyCheckInFrom = new TimeOnly(16, 0), LateCheckOutUntil = new TimeOnly(10, 0), LateCheckOutPriceMinor = 0 };
        var refused = await Assert.ThrowsAsync<ValidationException>(() => hotel.ActAs(StaffRole.Manager).Get<UpsellService>().SaveSettingsAsync(bad, None));
        Assert.Equal(3, refused.Errors.Count);

        await hotel.ActAs(StaffRole.Manager).Get<UpsellService>().SaveSettingsAsync(UpsellsHotel.BothOffered, None);
        Assert.Equal(UpsellsHotel.BothOffered, (await hotel.Get<UpsellService>().SettingsAsync(None)).Values);
    }

    [Fact]
    public async Task EarlyCheckInIsBlockedWhileTheAssignedRoomsGuestIsStillInItThatMorning()
    {
        await using var hotel = await TestHotel.CreateAsync();
        await hotel.OfferBothAsync();
        await hotel.CheckedInAsync("101", nights: 2);
        var room = hotel.Room("101").Id;
        var afterThem = await hotel.ArrangeBookingAsync(hotel.Stay(fromToday: 2) with { RoomId = room });
        var dayLater = await hotel.ArrangeBookingAsync(hotel.Stay(fromToday: 5) with { RoomId = room });

        Assert.Equal(UpsellRules.RoomNeeded, (await hotel.OfferAsync(afterThem.Id, UpsellKind.EarlyCheckIn)).Blocked);
        Assert.True((await hotel.OfferAsync(dayLater.Id, UpsellKind.EarlyCheckIn)).CanAccept);
        await Assert.ThrowsAsync<RuleViolationException>(() => hotel.Get<UpsellService>().AcceptAsync(afterThem.Id, UpsellKind.EarlyCheckIn, None));
        Assert.Empty(await hotel.ChargesAsync(afterThem.Id));
    }

    [Fact]
    public async Task EarlyCheckInWithoutARoomIsBlockedWhenEveryRoomOfTheTypeIsTakenTheNightBefore()
    {
        await using var hotel = await TestHotel.CreateAsync(roomsPerType: 1);
        await hotel.OfferBothAsync();
        await hotel.ArrangeBookingAsync(hotel.Stay(fromToday: 1, nights: 2));
        var departureDay = await hotel.ArrangeBookingAsync(hotel.Stay(fromToday: 3));
        var dayLater = await hotel.ArrangeBookingAsync(hotel.Stay(fromToday: 6));

        Assert.Equal(UpsellRules.RoomNeeded, (await hotel.OfferAsync(departureDay.Id, UpsellKind.EarlyCheckIn)).Blocked);
        Assert.True((await hotel.OfferAsync(dayLater.Id, UpsellKind.EarlyCheckIn)).CanAccept);
    }

    [Fact]
    public async Task LateCheckOutIsBlockedWhenAnArrivalThatDayNeedsTheAssignedRoom()
    {
        await using var hotel = await TestHotel.CreateAsync();
        await hotel.OfferBothAsync();
        var room = hotel.Room("101").Id;
        var stay = await hotel.ArrangeBookingAsync(hotel.Stay(fromToday: 1) with { RoomId = room });
        Assert.True((await hotel.OfferAsync(stay.Id, UpsellKind.LateCheckOut)).CanAccept);

        await hotel.ArrangeBookingAsync(hotel.Stay(fromToday: 3) with { RoomId = room });

        Assert.Equal(UpsellRules.RoomNeeded, (await hotel.OfferAsync(stay.Id, UpsellKind.LateCheckOut)).Blocked);
        await Assert.ThrowsAsync<RuleViolationException>(() => hotel.Get<UpsellService>().AcceptAsync(stay.Id, UpsellKind.LateCheckOut, None));
    }

    [Fact]
    public async Task LateCheckOutWithoutARoomIsBlockedWhenTheTypeIsFullWithArrivalsThatDay()
    {
        await using var hotel = await TestHotel.CreateAsync(roomsPerType: 1);
        await hotel.OfferBothAsync();
        var stay = await hotel.ArrangeBookingAsync(hotel.Stay(fromToday: 1));
        Assert.True((await hotel.OfferAsync(stay.Id, UpsellKind.LateCheckOut)).CanAccept);

        await hotel.ArrangeBookingAsync(hotel.Stay(fromToday: 3));

        Assert.Equal(UpsellRules.RoomNeeded, (await hotel.OfferAsync(stay.Id, UpsellKind.LateCheckOut)).Blocked);
    }

    [Fact]
    public async Task AcceptingPostsThePriceToTheFolioOnceEvenWhenAcceptedTwice()
    {
        await using var hotel = await TestHotel.CreateAsync();
        await hotel.OfferBothAsync();
        var stay = await hotel.ArrangeBookingAsync(hotel.Stay(fromToday: 1));

        var first = await hotel.ActAs(StaffRole.FrontDesk).Get<UpsellService>().AcceptAsync(stay.Id, UpsellKind.LateCheckOut, None);
        var second = await hotel.Get<UpsellService>().AcceptAsync(stay.Id, UpsellKind.LateCheckOut, None);

        Assert.True(first.Accepted);
        Assert.Equal(first, second);
        var charge = Assert.Single(await hotel.ChargesAsync(stay.Id));
        Assert.Equal(UpsellsHotel.LatePrice, charge.AmountMinor);
        Assert.Equal(stay.Departure, charge.ServiceDate);
        Assert.Contains("Late check-out", charge.Description, StringComparison.Ordinal);
        Assert.True((await hotel.OfferAsync(stay.Id, UpsellKind.LateCheckOut)).Accepted);
        Assert.Contains(hotel.Published.Changes, c => c.Topic == ChangeTopic.Folio && c.EntityId == stay.Id);
        await using var db = hotel.Db();
        Assert.Single(await db.AuditEntries.Where(a => a.EntityId == stay.Id && a.Action == "Accepted").ToListAsync());
    }

    [Fact]
    public async Task TwoAcceptsAtTheSameMomentChargeOnce()
    {
        await using var hotel = await TestHotel.CreateAsync();
        await hotel.OfferBothAsync();
        var stay = await hotel.ArrangeBookingAsync(hotel.Stay(fromToday: 1));

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => hotel.Get<UpsellService>().AcceptAsync(stay.Id, UpsellKind.EarlyCheckIn, None)));

        Assert.Single(await hotel.ChargesAsync(stay.Id));
    }

    [Fact]
    public async Task StaffSellOnlyFromTheFrontDeskUpWhileTheGuestPathHasNoStaffRole()
    {
        await using var hotel = await TestHotel.CreateAsync();
        await hotel.OfferBothAsync();
        var stay = await hotel.ArrangeBookingAsync(hotel.Stay(fromToday: 1));
        var service = hotel.ActAs(StaffRole.Housekeeping).Get<UpsellService>();

        await Assert.ThrowsAsync<ForbiddenException>(() => service.AcceptAsync(stay.Id, UpsellKind.EarlyCheckIn, None));
        var bought = await service.AcceptForGuestAsync(stay.Id, UpsellKind.EarlyCheckIn, None);

        Assert.True(bought.Accepted);
        Assert.Single(await hotel.ChargesAsync(stay.Id));
    }

    [Fact]
    public async Task AnotherHotelsReservationIsNotFound()
    {
        await using var hotel = await TestHotel.CreateAsync();
        await using var neighbour = await hotel.CreateNeighbourAsync();
        await neighbour.OfferBothAsync();
        await hotel.OfferBothAsync();
        var theirs = await neighbour.ArrangeBookingAsync(neighbour.Stay(fromToday: 1));

        await Assert.ThrowsAsync<NotFoundException>(() => hotel.Get<UpsellService>().OffersAsync(theirs.Id, None));
        await Assert.ThrowsAsync<NotFoundException>(() => hotel.Get<UpsellService>().AcceptAsync(theirs.Id, UpsellKind.EarlyCheckIn, None));
        await Assert.ThrowsAsync<NotFoundException>(() => hotel.Get<UpsellService>().AcceptForGuestAsync(theirs.Id, UpsellKind.LateCheckOut, None));
        Assert.Empty(await neighbour.ChargesAsync(theirs.Id));
    }

    [Fact]
    public async Task ACheckedOutStayIsOfferedNothingToBuy()
    {
        await using var hotel = await TestHotel.CreateAsync();
        await hotel.OfferBothAsync();
        var stay = await hotel.CheckedInAsync("101", nights: 1);
        await hotel.AsOwnerAsync(() => hotel.Get<ReservationService>().CheckOutAsync(stay.Id, managerOverride: true, None));

        Assert.All(await hotel.Get<UpsellService>().OffersAsync(stay.Id, None), o => Assert.False(o.CanAccept));
    }
}
