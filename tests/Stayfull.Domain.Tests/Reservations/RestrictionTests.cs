using System.Text.Json;
using Stayfull.Domain.Common;
using Stayfull.Domain.Reservations;
using Stayfull.Domain.Tenancy;
using Stayfull.Tests.Support;

namespace Stayfull.Domain.Tests.Reservations;

public sealed class RestrictionTests
{
    public static TheoryData<ReservationSource> GuestAndChannel => [ReservationSource.GuestWeb, ReservationSource.Ota];

    [Theory]
    [MemberData(nameof(GuestAndChannel))]
    public async Task MinimumStayIsEnforced(ReservationSource source)
    {
        await using var hotel = await TestHotel.CreateAsync();
        await hotel.SetNightsAsync(hotel.Today, hotel.Today, TestHotelArrangements.Change with { MinStay = 3 });

        var refusal = await Assert.ThrowsAsync<RuleViolationException>(() => hotel.BookAsync(hotel.Stay(nights: 2, source: source)));

        Assert.Contains("Minimum stay", refusal.Message, StringComparison.Ordinal);
        Assert.Equal(0, await hotel.BookedAsync(hotel.Today));
    }

    [Theory]
    [MemberData(nameof(GuestAndChannel))]
    public async Task MinimumStayIsMetByALongEnoughStay(ReservationSource source)
    {
        await using var hotel = await TestHotel.CreateAsync();
        await hotel.SetNightsAsync(hotel.Today, hotel.Today, TestHotelArrangements.Change with { MinStay = 3 });

        var reservation = await hotel.BookAsync(hotel.Stay(nights: 3, source: source));

        Assert.Equal(ReservationStatus.Confirmed, reservation.Status);
    }

    [Theory]
    [MemberData(nameof(GuestAndChannel))]
    public async Task MinimumStayOfANightAfterArrivalDoesNotApply(ReservationSource source)
    {
        await using var hotel = await TestHotel.CreateAsync();
        await hotel.SetNightsAsync(hotel.Today.AddDays(1), hotel.Today.AddDays(1), TestHotelArrangements.Change with { MinStay = 5 });

        var reservation = await hotel.BookAsync(hotel.Stay(nights: 2, source: source));

        Assert.Equal(ReservationStatus.Confirmed, reservation.Status);
    }

    [Theory]
    [MemberData(nameof(GuestAndChannel))]
    public async Task ClosedToArrivalIsEnforced(ReservationSource source)
    {
        await using var hotel = await TestHotel.CreateAsync();
        await hotel.SetNightsAsync(hotel.Today.AddDays(1), hotel.Today.AddDays(1), TestHotelArrangements.Change with { ClosedToArrival = true });

        var refusal = await Assert.ThrowsAsync<RuleViolationException>(() => hotel.BookAsync(hotel.Stay(fromToday: 1, source: source)));

        Assert.Contains("Closed to arrival", refusal.Message, StringComparison.Ordinal);
        Assert.Equal(ReservationStatus.Confirmed, (await hotel.BookAsync(hotel.Stay(fromToday: 0, nights: 3, source: source))).Status);
    }

    [Theory]
    [MemberData(nameof(GuestAndChannel))]
    public async Task ClosedToDepartureIsEnforcedOnTheDepartureDate(ReservationSource source)
    {
        await using var hotel = await TestHotel.CreateAsync();
        await hotel.SetNightsAsync(hotel.Today.AddDays(2), hotel.Today.AddDays(2), TestHotelArrangements.Change with { ClosedToDeparture = true });

        var refusal = await Assert.ThrowsAsync<RuleViolationException>(() => hotel.BookAsync(hotel.Stay(nights: 2, source: source)));

        Assert.Contains("Closed to departure", refusal.Message, StringComparison.Ordinal);
        Assert.Equal(ReservationStatus.Confirmed, (await hotel.BookAsync(hotel.Stay(nights: 3, source: source))).Status);
    }

    [Theory]
    [MemberData(nameof(GuestAndChannel))]
    public async Task StopSellOnAnyNightOfTheStayIsEnforced(ReservationSource source)
    {
        await using var hotel = await TestHotel.CreateAsync();
        await hotel.SetNightsAsync(hotel.Today.AddDays(2), hotel.Today.AddDays(2), TestHotelArrangements.Change with { StopSell = true });

        var refusal = await Assert.ThrowsAsync<RuleViolationException>(() => hotel.BookAsync(hotel.Stay(nights: 4, source: source)));

        Assert.Contains("Stop sell", refusal.Message, StringComparison.Ordinal);
        Assert.Equal(ReservationStatus.Confirmed, (await hotel.BookAsync(hotel.Stay(nights: 2, source: source))).Status);
    }

    [Fact]
    public async Task RestrictionOfOneRoomTypeDoesNotTouchAnother()
    {
        await using var hotel = await TestHotel.CreateAsync();
        await hotel.SetNightsAsync(hotel.Today, hotel.Today.AddDays(5), TestHotelArrangements.Change with { StopSell = true }, type: 0);

        var reservation = await hotel.BookAsync(hotel.Stay(type: 1, source: ReservationSource.GuestWeb));

        Assert.Equal(ReservationStatus.Confirmed, reservation.Status);
    }

    [Fact]
    public async Task GuestCannotOverrideARestrictionEvenWithAReason()
    {
        await using var hotel = await TestHotel.CreateAsync();
        await hotel.SetNightsAsync(hotel.Today, hotel.Today, TestHotelArrangements.Change with { StopSell = true });

        await Assert.ThrowsAsync<RuleViolationException>(() => hotel.BookAsync(hotel.Stay(source: ReservationSource.GuestWeb) with { OverrideReason = "Please" }));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public async Task FrontDeskIsRefusedWithoutAReason(string? reason)
    {
        await using var hotel = await TestHotel.CreateAsync();
        await hotel.SetNightsAsync(hotel.Today, hotel.Today, TestHotelArrangements.Change with { MinStay = 3, StopSell = true });
        hotel.ActAs(StaffRole.FrontDesk);

        var refusal = await Assert.ThrowsAsync<RuleViolationException>(() => hotel.BookAsync(hotel.Stay(nights: 1) with { OverrideReason = reason }));

        Assert.Contains("Minimum stay", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("Stop sell", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("Give a reason to override", refusal.Message, StringComparison.Ordinal);
        Assert.Equal(0, await hotel.BookedAsync(hotel.Today));
    }

    [Fact]
    public async Task FrontDeskMayOverrideWithAReasonRecordedOnTheReservationAndInTheAuditLog()
    {
        await using var hotel = await TestHotel.CreateAsync();
        await hotel.SetNightsAsync(hotel.Today, hotel.Today, TestHotelArrangements.Change with { ClosedToArrival = true });
        hotel.ActAs(StaffRole.FrontDesk);

        var reservation = await hotel.BookAsync(hotel.Stay(nights: 1) with { OverrideReason = "  Regular guest, GM approved  " });

        Assert.Equal("Regular guest, GM approved", (await hotel.ReservationAsync(reservation.Id)).OverrideReason);
        var created = Assert.Single(await hotel.AuditOfAsync(reservation.Id), a => a.Action == "Created");
        Assert.Equal("FrontDesk tester", created.UserName);
        using var details = JsonDocument.Parse(created.Details);
        Assert.Equal("Regular guest, GM approved", details.RootElement.GetProperty("OverrideReason").GetString());
        Assert.Equal(1, await hotel.BookedAsync(hotel.Today));
    }

    [Theory]
    [InlineData(ReservationSource.FrontDesk)]
    [InlineData(ReservationSource.GuestWeb)]
    [InlineData(ReservationSource.Ota)]
    public async Task ReasonIsNotRecordedWhenNoRestrictionWasOverridden(ReservationSource source)
    {
        await using var hotel = await TestHotel.CreateAsync();

        var reservation = await hotel.BookAsync(hotel.Stay(nights: 1, source: source) with { OverrideReason = "Approved by the manager" });

        Assert.Null((await hotel.ReservationAsync(reservation.Id)).OverrideReason);
        var created = Assert.Single(await hotel.AuditOfAsync(reservation.Id), a => a.Action == "Created");
        using var details = JsonDocument.Parse(created.Details);
        Assert.Equal(JsonValueKind.Null, details.RootElement.GetProperty("OverrideReason").ValueKind);
    }

    [Fact]
    public async Task QuoteListsTheRestrictionsAStayBreaks()
    {
        await using var hotel = await TestHotel.CreateAsync();
        await hotel.SetNightsAsync(hotel.Today, hotel.Today, TestHotelArrangements.Change with { MinStay = 2, ClosedToArrival = true });

        var quote = await hotel.Get<BookingService>().QuoteAsync(hotel.RoomTypes[0].Id, null, hotel.Today, hotel.Today.AddDays(1), CancellationToken.None);

        Assert.Equal(2, quote.RestrictionViolations.Count);
        Assert.True(quote.IsAvailable);
    }
}
