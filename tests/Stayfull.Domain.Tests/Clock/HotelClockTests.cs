using System.Globalization;
using Stayfull.Domain.Common;
using Stayfull.Domain.Folios;
using Stayfull.Domain.Hotels;
using Stayfull.Domain.Rates;
using Stayfull.Domain.Reservations;
using Stayfull.Domain.Rooms;
using Stayfull.Tests.Support;

namespace Stayfull.Domain.Tests.Clock;

/// <summary>"Today" is the hotel's calendar date in its own time zone, never the UTC date.</summary>
public sealed class HotelClockTests
{
    private static readonly DateOnly November24 = new(2026, 11, 24);
    private static readonly DateOnly November25 = new(2026, 11, 25);

    [Theory]
    [InlineData("Asia/Tokyo", "2026-11-24T14:59:00Z", "2026-11-24")]
    [InlineData("Asia/Tokyo", "2026-11-24T15:00:00Z", "2026-11-25")]
    [InlineData("America/New_York", "2026-11-25T04:30:00Z", "2026-11-24")]
    [InlineData("Europe/Lisbon", "2026-07-15T23:30:00Z", "2026-07-16")]
    [InlineData("Europe/Lisbon", "2026-11-24T23:30:00Z", "2026-11-24")]
    public void LocalDateFollowsTheHotelsTimeZoneAndSummerTime(string zone, string instant, string date)
    {
        var hotel = new Hotel("Clock Hotel", zone, "EUR", new TimeOnly(15, 0), new TimeOnly(11, 0), Address.Empty);

        Assert.Equal(DateOnly.Parse(date, CultureInfo.InvariantCulture), hotel.LocalDate(DateTimeOffset.Parse(instant, CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task JustBeforeMidnightUtcItIsAlreadyTomorrowEastOfUtc()
    {
        await using var hotel = await TestHotel.CreateAsync(now: new DateTimeOffset(2026, 11, 24, 23, 30, 0, TimeSpan.Zero));
        await hotel.MoveToTimeZoneAsync("Asia/Tokyo");

        var day = await hotel.Get<ReservationService>().TodayAsync(CancellationToken.None);

        Assert.Equal(November25, day.Date);
        await Assert.ThrowsAsync<ValidationException>(() => hotel.BookAsync(Request(hotel, November24, November25.AddDays(1))));
        Assert.Equal(ReservationStatus.Confirmed, (await hotel.BookAsync(Request(hotel, November25, November25.AddDays(1)))).Status);
    }

    [Fact]
    public async Task JustAfterMidnightUtcItIsStillYesterdayWestOfUtc()
    {
        await using var hotel = await TestHotel.CreateAsync(now: new DateTimeOffset(2026, 11, 25, 3, 0, 0, TimeSpan.Zero));
        await hotel.MoveToTimeZoneAsync("America/New_York");

        var reservation = await hotel.BookAsync(Request(hotel, November24, November25));

        Assert.Equal(November24, reservation.Arrival);
        Assert.Equal(November24, (await hotel.Get<ReservationService>().TodayAsync(CancellationToken.None)).Date);
    }

    [Fact]
    public async Task CheckInOpensAtTheHotelsLocalMidnightOfTheArrivalDate()
    {
        await using var hotel = await TestHotel.CreateAsync();
        await hotel.MoveToTimeZoneAsync("Asia/Tokyo");
        var arrival = new DateOnly(2026, 11, 26);
        var reservation = await hotel.BookAsync(Request(hotel, arrival, arrival.AddDays(2)) with { RoomId = hotel.Room("101").Id });

        hotel.Time.SetUtcNow(new DateTimeOffset(2026, 11, 25, 14, 59, 0, TimeSpan.Zero));
        await Assert.ThrowsAsync<RuleViolationException>(() => hotel.Get<ReservationService>().CheckInAsync(reservation.Id, CancellationToken.None));

        hotel.Time.SetUtcNow(new DateTimeOffset(2026, 11, 25, 15, 0, 0, TimeSpan.Zero));
        await hotel.Get<ReservationService>().CheckInAsync(reservation.Id, CancellationToken.None);

        Assert.Equal(ReservationStatus.CheckedIn, (await hotel.ReservationAsync(reservation.Id)).Status);
    }

    [Fact]
    public async Task NoShowIsAllowedFromTheHotelsLocalArrivalDate()
    {
        await using var hotel = await TestHotel.CreateAsync();
        await hotel.MoveToTimeZoneAsync("Asia/Tokyo");
        var reservation = await hotel.BookAsync(Request(hotel, November25, November25.AddDays(1)));

        hotel.Time.SetUtcNow(new DateTimeOffset(2026, 11, 24, 14, 59, 0, TimeSpan.Zero));
        await Assert.ThrowsAsync<RuleViolationException>(() => hotel.Get<ReservationService>().MarkNoShowAsync(reservation.Id, CancellationToken.None));

        hotel.Time.SetUtcNow(new DateTimeOffset(2026, 11, 24, 15, 0, 0, TimeSpan.Zero));
        await hotel.Get<ReservationService>().MarkNoShowAsync(reservation.Id, CancellationToken.None);

        Assert.Equal(ReservationStatus.NoShow, (await hotel.ReservationAsync(reservation.Id)).Status);
    }

    [Fact]
    public async Task OutOfOrderCountsFromTheHotelsTodayNotTheUtcDate()
    {
        await using var hotel = await TestHotel.CreateAsync(now: new DateTimeOffset(2026, 11, 24, 23, 30, 0, TimeSpan.Zero));
        await hotel.MoveToTimeZoneAsync("Asia/Tokyo");
        await hotel.SetHousekeepingAsync("101", HousekeepingStatus.OutOfOrder);

        var days = (await hotel.Get<AvailabilityService>().GetAsync(November24, November25.AddDays(1), CancellationToken.None))
            .Single(t => t.RoomTypeId == hotel.RoomTypes[0].Id).Days;

        Assert.Equal([0, 1], days.Select(d => d.OutOfOrder));
    }

    [Fact]
    public async Task FolioPostingIsDatedWithTheHotelsLocalDate()
    {
        await using var hotel = await TestHotel.CreateAsync(now: new DateTimeOffset(2026, 11, 24, 23, 30, 0, TimeSpan.Zero));
        await hotel.MoveToTimeZoneAsync("Asia/Tokyo");
        var reservation = await hotel.BookAsync(Request(hotel, November25, November25.AddDays(1)));

        var entry = await hotel.Get<FolioService>().AddChargeAsync(reservation.Id, "Late snack", 900, CancellationToken.None);

        Assert.Equal(November25, entry.ServiceDate);
    }

    private static BookingRequest Request(TestHotel hotel, DateOnly arrival, DateOnly departure) => new()
    {
        RoomTypeId = hotel.RoomTypes[0].Id,
        Arrival = arrival,
        Departure = departure,
        GuestName = TestHotelArrangements.GuestName,
    };
}
