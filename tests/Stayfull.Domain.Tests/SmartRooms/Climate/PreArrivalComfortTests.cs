using Stayfull.Domain.Reservations;
using Stayfull.Domain.SmartRooms.Climate;
using Stayfull.Domain.Tenancy;

namespace Stayfull.Domain.Tests.SmartRooms.Climate;

public sealed class PreArrivalComfortTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task OnlyRoomsWhoseGuestArrivesWithinTheLeadTimeInTheHotelsOwnTimeZoneAreBroughtToComfort()
    {
        // 12:00 UTC on 24 November is 07:00 in New York; check-in there is 15:00, i.e. 20:00 UTC.
        await using var hotel = await ClimateHotel.CreateAsync();
        await hotel.MoveToAsync("America/New_York");
        var today = await hotel.StayAsync("101", fromToday: 0);
        var tomorrow = await hotel.StayAsync("102", fromToday: 1);
        var cancelled = await hotel.StayAsync("103", fromToday: 0);
        await hotel.Get<ReservationService>().CancelAsync(cancelled.Id, "changed plans", None);
        await hotel.Get<BookingService>().BookAsync(
            new BookingRequest { RoomTypeId = hotel.RoomTypes[1].Id, Arrival = today.Arrival, Departure = today.Departure, GuestName = "No room yet" }, None);

        // Two hours before 20:00 UTC, less a minute: nobody is due (a hotel on UTC would have started at 13:00).
        hotel.Time.SetUtcNow(new DateTimeOffset(2026, 11, 24, 17, 59, 0, TimeSpan.Zero));
        Assert.Equal(0, await hotel.PreConditionAsync());
        Assert.Empty(await hotel.ClimateIntentsAsync());

        hotel.Time.SetUtcNow(new DateTimeOffset(2026, 11, 24, 18, 0, 0, TimeSpan.Zero));
        Assert.Equal(1, await hotel.PreConditionAsync());
        var intent = Assert.Single(await hotel.ClimateIntentsAsync());
        Assert.Equal(("101", ClimateMode.Comfort), (intent.Room, intent.Mode));
        Assert.Equal($"climate-{(await hotel.ThermostatAsync("101")).Id}-comfort-stay-{today.Id}", intent.Message.IdempotencyKey);

        // Past midnight UTC it is still the 24th in New York: tomorrow's guest is not due until 18:00 UTC on the 25th.
        hotel.Time.SetUtcNow(new DateTimeOffset(2026, 11, 25, 17, 59, 0, TimeSpan.Zero));
        Assert.Equal(0, await hotel.PreConditionAsync());
        hotel.Time.SetUtcNow(new DateTimeOffset(2026, 11, 25, 18, 0, 0, TimeSpan.Zero));
        Assert.Equal(1, await hotel.PreConditionAsync());

        Assert.Equal(["101", "102"], (await hotel.ClimateIntentsAsync()).Select(i => i.Room));
        Assert.Equal(ClimateMode.Comfort, (await hotel.ClimateAsync("102"))!.RequestedMode);
        Assert.Contains(tomorrow.ConfirmationCode, (await hotel.ClimateAsync("102"))!.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ComfortIsSentOnceWithTheHotelsSetPointsHoweverOftenTheJobRuns()
    {
        await using var hotel = await ClimateHotel.CreateAsync();
        await hotel.ActAs(StaffRole.Manager).Get<ClimateSettingsService>().SaveAsync(0, new ClimateSettingsValues(21m, 23.5m, 15m, 29m, 180, 0.5m), None);
        hotel.ActAs(StaffRole.Owner);
        await hotel.StayAsync("101");

        // Lisbon is on UTC in winter: check-in 15:00, three hours ahead is 12:00, which is now.
        Assert.Equal(1, await hotel.PreConditionAsync());
        Assert.Equal(0, await hotel.PreConditionAsync());
        await hotel.DispatchAsync();
        hotel.Time.Advance(TimeSpan.FromMinutes(15));
        Assert.Equal(0, await hotel.PreConditionAsync());
        await hotel.DispatchAsync();

        Assert.Single(await hotel.ClimateIntentsAsync());
        Assert.Equal(["heat_cool dev_thermo_101 21.0 23.5"], hotel.Hub().Calls);
        var climate = await hotel.ClimateAsync("101");
        Assert.Equal("aa_climate_1", climate!.ActionAttemptId);
        Assert.True(climate.Holds(ClimateMode.Comfort));
    }

    [Fact]
    public async Task ARoomStillOccupiedByTheDepartingGuestIsLeftAloneUntilCheckOutThenGoesStraightToComfort()
    {
        await using var hotel = await ClimateHotel.CreateAsync();
        var departing = await hotel.InHouseAsync("101", nights: 1);
        hotel.Time.Advance(TimeSpan.FromDays(1) + TimeSpan.FromHours(1)); // 13:00 the next day: the next guest is due
        var arriving = await hotel.StayAsync("101", fromToday: 0);

        Assert.Equal(0, await hotel.PreConditionAsync());
        Assert.Empty(await hotel.ClimateIntentsAsync());

        await hotel.CheckOutAsync(departing);

        var intent = Assert.Single(await hotel.ClimateIntentsAsync());
        Assert.Equal(("101", ClimateMode.Comfort), (intent.Room, intent.Mode));
        Assert.EndsWith($"comfort-stay-{arriving.Id}", intent.Message.IdempotencyKey, StringComparison.Ordinal);
        Assert.Equal(0, await hotel.PreConditionAsync());
    }

    [Fact]
    public async Task AGuestCheckedInToARoomWeLeftInEcoGetsComfortUnlessTheyHaveSetItThemselves()
    {
        await using var hotel = await ClimateHotel.CreateAsync();
        await hotel.SetBackAsync(); // every room is vacant tonight
        hotel.Time.Advance(TimeSpan.FromMinutes(30));
        var walkIn = await hotel.InHouseAsync("101");
        var other = await hotel.InHouseAsync("102");
        await hotel.ThermostatEventAsync("102", "thermostat.manually_adjusted", new { method = "external", hvac_mode_setting = "heat", heating_set_point_celsius = 23.0 });

        Assert.Equal(1, await hotel.PreConditionAsync());

        var last = (await hotel.ClimateIntentsAsync())[^1];
        Assert.Equal(("101", ClimateMode.Comfort), (last.Room, last.Mode));
        Assert.EndsWith($"comfort-stay-{walkIn.Id}", last.Message.IdempotencyKey, StringComparison.Ordinal);
        Assert.Equal(ClimateMode.Eco, (await hotel.ClimateAsync("102"))!.RequestedMode);
        Assert.DoesNotContain(await hotel.ClimateIntentsAsync(), i => i.Message.IdempotencyKey.EndsWith(other.Id.ToString(), StringComparison.Ordinal));
    }
}
