using Stayfull.Domain.Common;
using Stayfull.Domain.Reservations;
using Stayfull.Domain.Rooms;
using Stayfull.Domain.Tenancy;
using Stayfull.Tests.Support;

namespace Stayfull.Domain.Tests.Reservations;

public sealed class BookingRulesTests
{
    [Fact]
    public async Task BookingConfirmsAndHoldsOneRoomOnEveryNight()
    {
        await using var hotel = await TestHotel.CreateAsync();

        var reservation = await hotel.BookAsync(hotel.Stay(fromToday: 1, nights: 3) with { Adults = 2, GuestEmail = "ada@example.com" });

        Assert.Equal(ReservationStatus.Confirmed, reservation.Status);
        Assert.Matches("^[A-HJ-NP-Z2-9]{8}$", reservation.ConfirmationCode);
        var booked = await Task.WhenAll(Enumerable.Range(0, 5).Select(i => hotel.BookedAsync(hotel.Today.AddDays(i))));
        Assert.Equal([0, 1, 1, 1, 0], booked);
        Assert.Equal(3, (await hotel.FolioEntriesAsync(reservation.Id)).Count);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public async Task DepartureMustBeAfterArrival(int nights)
    {
        await using var hotel = await TestHotel.CreateAsync();

        var refusal = await Assert.ThrowsAsync<ValidationException>(() => hotel.BookAsync(hotel.Stay(nights: nights)));

        Assert.Contains("departure", refusal.Errors.Keys);
    }

    [Fact]
    public async Task StayLongerThanTheMaximumIsRefused()
    {
        await using var hotel = await TestHotel.CreateAsync();

        var refusal = await Assert.ThrowsAsync<ValidationException>(() => hotel.BookAsync(hotel.Stay(nights: StayDates.MaxNights + 1)));

        Assert.Contains($"at most {StayDates.MaxNights} nights", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StayOfExactlyTheMaximumIsAccepted()
    {
        await using var hotel = await TestHotel.CreateAsync();

        var reservation = await hotel.BookAsync(hotel.Stay(nights: StayDates.MaxNights));

        Assert.Equal(StayDates.MaxNights, reservation.Nights);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    public async Task AdultsMustFitTheRoomType(int adults)
    {
        await using var hotel = await TestHotel.CreateAsync();
        Assert.Equal(3, hotel.RoomTypes[0].Capacity);

        var refusal = await Assert.ThrowsAsync<ValidationException>(() => hotel.BookAsync(hotel.Stay() with { Adults = adults }));

        Assert.Contains("adults", refusal.Errors.Keys);
        Assert.Equal(0, await hotel.BookedAsync(hotel.Today));
    }

    [Fact]
    public async Task AdultsUpToCapacityAreAccepted()
    {
        await using var hotel = await TestHotel.CreateAsync();

        var reservation = await hotel.BookAsync(hotel.Stay() with { Adults = 3 });

        Assert.Equal(3, reservation.Adults);
    }

    [Theory]
    [InlineData(ReservationSource.FrontDesk)]
    [InlineData(ReservationSource.GuestWeb)]
    public async Task ArrivalInThePastIsRefused(ReservationSource source)
    {
        await using var hotel = await TestHotel.CreateAsync();

        var refusal = await Assert.ThrowsAsync<ValidationException>(() => hotel.BookAsync(hotel.Stay(fromToday: -1, nights: 2, source: source)));

        Assert.Contains("arrival", refusal.Errors.Keys);
    }

    [Fact]
    public async Task ChannelMayDeliverABookingWhoseArrivalHasPassed()
    {
        await using var hotel = await TestHotel.CreateAsync();

        var reservation = await hotel.BookAsync(hotel.Stay(fromToday: -1, nights: 2, source: ReservationSource.Ota));

        Assert.Equal(ReservationStatus.Confirmed, reservation.Status);
        Assert.Equal(1, await hotel.BookedAsync(hotel.Today.AddDays(-1)));
    }

    [Fact]
    public async Task UnknownRoomTypeIsNotFound()
    {
        await using var hotel = await TestHotel.CreateAsync();

        var refusal = await Assert.ThrowsAsync<NotFoundException>(() => hotel.BookAsync(hotel.Stay() with { RoomTypeId = Guid.NewGuid() }));

        Assert.Equal("Room type was not found.", refusal.Message);
    }

    [Fact]
    public async Task UnknownRatePlanIsNotFound()
    {
        await using var hotel = await TestHotel.CreateAsync();

        await Assert.ThrowsAsync<NotFoundException>(() => hotel.BookAsync(hotel.Stay() with { RatePlanId = Guid.NewGuid() }));
    }

    [Fact]
    public async Task MissingGuestNameIsRefused()
    {
        await using var hotel = await TestHotel.CreateAsync();

        var refusal = await Assert.ThrowsAsync<ValidationException>(() => hotel.BookAsync(hotel.Stay() with { GuestName = " " }));

        Assert.Contains("guestName", refusal.Errors.Keys);
    }

    [Fact]
    public async Task SoldOutMessageNamesTheFirstFullNight()
    {
        await using var hotel = await TestHotel.CreateAsync();
        var full = hotel.Today.AddDays(1);
        for (var i = 0; i < 3; i++)
        {
            await hotel.BookAsync(hotel.Stay(fromToday: 1, nights: 1));
        }

        var refusal = await Assert.ThrowsAsync<SoldOutException>(() => hotel.BookAsync(hotel.Stay(fromToday: 0, nights: 3)));

        Assert.Contains($"the night of {full:d}", refusal.Message, StringComparison.Ordinal);
        Assert.Contains(hotel.RoomTypes[0].Name, refusal.Message, StringComparison.Ordinal);
        Assert.Equal(0, await hotel.BookedAsync(hotel.Today));
    }

    [Theory]
    [InlineData(ReservationSource.FrontDesk)]
    [InlineData(ReservationSource.GuestWeb)]
    public async Task DeskAndGuestCannotOverbook(ReservationSource source)
    {
        await using var hotel = await TestHotel.CreateAsync();
        for (var i = 0; i < 3; i++)
        {
            await hotel.BookAsync(hotel.Stay(nights: 1, source: source));
        }

        await Assert.ThrowsAsync<SoldOutException>(() => hotel.BookAsync(hotel.Stay(nights: 1, source: source)));
        Assert.Equal(3, await hotel.BookedAsync(hotel.Today));
    }

    [Fact]
    public async Task OutOfOrderRoomIsNotSold()
    {
        await using var hotel = await TestHotel.CreateAsync();
        await hotel.SetHousekeepingAsync("103", HousekeepingStatus.OutOfOrder);
        await hotel.BookAsync(hotel.Stay(nights: 1));
        await hotel.BookAsync(hotel.Stay(nights: 1));

        await Assert.ThrowsAsync<SoldOutException>(() => hotel.BookAsync(hotel.Stay(nights: 1)));
    }

    [Fact]
    public async Task ChannelMayOverbook()
    {
        await using var hotel = await TestHotel.CreateAsync();
        for (var i = 0; i < 3; i++)
        {
            await hotel.BookAsync(hotel.Stay(nights: 1));
        }

        var reservation = await hotel.BookAsync(hotel.Stay(nights: 1, source: ReservationSource.Ota));

        Assert.Equal(ReservationStatus.Confirmed, reservation.Status);
        Assert.Equal(4, await hotel.BookedAsync(hotel.Today));
    }

    [Fact]
    public async Task HousekeepingCannotMakeADeskReservation()
    {
        await using var hotel = await TestHotel.CreateAsync();
        hotel.ActAs(StaffRole.Housekeeping);

        await Assert.ThrowsAsync<ForbiddenException>(() => hotel.BookAsync(hotel.Stay()));
        Assert.Equal(0, await hotel.BookedAsync(hotel.Today));
    }

    [Fact]
    public async Task BookingWithARoomAssignsIt()
    {
        await using var hotel = await TestHotel.CreateAsync();

        var reservation = await hotel.BookAsync(hotel.Stay() with { RoomId = hotel.Room("102").Id });

        Assert.Equal(hotel.Room("102").Id, (await hotel.ReservationAsync(reservation.Id)).RoomId);
    }

    [Fact]
    public async Task BookingWithARoomTakenForThoseNightsIsRefusedAndHoldsNothing()
    {
        await using var hotel = await TestHotel.CreateAsync();
        var first = await hotel.BookAsync(hotel.Stay(nights: 3) with { RoomId = hotel.Room("102").Id });

        var refusal = await Assert.ThrowsAsync<RuleViolationException>(() => hotel.BookAsync(hotel.Stay(fromToday: 2, nights: 2) with { RoomId = hotel.Room("102").Id }));

        Assert.Contains(first.ConfirmationCode, refusal.Message, StringComparison.Ordinal);
        Assert.Equal(0, await hotel.BookedAsync(hotel.Today.AddDays(3)));
    }

    [Fact]
    public async Task QuotePricesEachNightAndReportsWhatIsLeft()
    {
        await using var hotel = await TestHotel.CreateAsync();
        await hotel.SetNightsAsync(hotel.Today.AddDays(1), hotel.Today.AddDays(1), TestHotelArrangements.Change with { RateMinor = 12345 });
        await hotel.BookAsync(hotel.Stay(fromToday: 1, nights: 1));

        var quote = await hotel.Get<BookingService>().QuoteAsync(hotel.RoomTypes[0].Id, hotel.RatePlans[1].Id, hotel.Today, hotel.Today.AddDays(2), CancellationToken.None);

        Assert.Equal([9000L, 11111L], quote.Nights.Select(n => n.Price.Minor));
        Assert.Equal(new Money(20111, "EUR"), quote.Total);
        Assert.Equal(2, quote.AvailableRooms);
        Assert.Empty(quote.RestrictionViolations);
    }
}
