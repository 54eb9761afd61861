using Stayfull.Domain.Integrations;
using Stayfull.Domain.SmartRooms.Climate;

namespace Stayfull.Domain.Tests.SmartRooms.Climate;

public sealed class VacantSetBackTests
{
    [Fact]
    public async Task RoomsUnsoldTonightGoToEcoOnceAndOccupiedOrSoldRoomsAreNeverSetBack()
    {
        await using var hotel = await ClimateHotel.CreateAsync();
        await hotel.InHouseAsync("101");                // a guest is in
        await hotel.StayAsync("102", fromToday: 0);     // sold tonight, arriving later today
        await hotel.StayAsync("103", fromToday: 1);     // unsold tonight, sold tomorrow

        Assert.Equal(2, await hotel.SetBackAsync());
        Assert.Equal(0, await hotel.SetBackAsync());
        await hotel.DispatchAsync();

        var intents = await hotel.ClimateIntentsAsync();
        // Intents saved in the same instant have no order between them: compare them by room.
        Assert.Equal([("103", ClimateMode.Eco), ("201", ClimateMode.Eco)], intents.Select(i => (i.Room, i.Mode)).OrderBy(i => i.Room, StringComparer.Ordinal));
        Assert.All(intents, i => Assert.EndsWith("-eco-night-2026-11-24", i.Message.IdempotencyKey, StringComparison.Ordinal));
        Assert.Equal(["heat_cool dev_thermo_103 16.0 28.0", "heat_cool dev_thermo_201 16.0 28.0"], hotel.Hub().Calls.Order(StringComparer.Ordinal));
        Assert.Null(await hotel.ClimateAsync("101"));
        Assert.Null(await hotel.ClimateAsync("102"));

        // The next evening the rooms still rest in eco: nothing is sent again.
        hotel.Time.Advance(TimeSpan.FromHours(8));
        Assert.Equal(0, await hotel.SetBackAsync());
        Assert.Equal(2, hotel.Hub().Calls.Count);
    }

    [Fact]
    public async Task AGuestWhoHasNotCheckedOutOnTheirDepartureDayIsNeverSetBack()
    {
        await using var hotel = await ClimateHotel.CreateAsync();
        await hotel.InHouseAsync("101", nights: 1);
        hotel.Time.Advance(TimeSpan.FromDays(1) + TimeSpan.FromHours(6)); // 18:00 on departure day, long past check-out time

        await hotel.SetBackAsync();

        Assert.DoesNotContain(await hotel.ClimateIntentsAsync(), i => i.Room == "101");
        Assert.Equal(3, (await hotel.ClimateIntentsAsync()).Count);
    }

    [Fact]
    public async Task CheckOutSetsTheRoomBackToEcoAtOnceAndTheHourlyRunDoesNotRepeatIt()
    {
        await using var hotel = await ClimateHotel.CreateAsync();
        var stay = await hotel.InHouseAsync("101", nights: 1);
        hotel.Time.Advance(TimeSpan.FromHours(22)); // 10:00 on departure day

        await hotel.CheckOutAsync(stay);

        var intent = Assert.Single(await hotel.ClimateIntentsAsync());
        Assert.Equal(("101", ClimateMode.Eco), (intent.Room, intent.Mode));
        Assert.EndsWith($"-eco-after-{stay.Id}", intent.Message.IdempotencyKey, StringComparison.Ordinal);
        var climate = await hotel.ClimateAsync("101");
        Assert.Equal((16m, 28m), (climate!.HeatingCelsius, climate.CoolingCelsius));
        Assert.Contains(stay.ConfirmationCode, climate.Reason, StringComparison.Ordinal);

        hotel.Time.Advance(TimeSpan.FromHours(1));
        await hotel.SetBackAsync();
        Assert.Single(await hotel.ClimateIntentsAsync(), i => i.Room == "101");
    }

    [Fact]
    public async Task AComfortIntentOvertakenByASetBackIsSkippedSoOnlyTheLatestDecisionReachesTheThermostat()
    {
        await using var hotel = await ClimateHotel.CreateAsync();
        var stay = await hotel.StayAsync("101");
        hotel.Time.Advance(TimeSpan.FromHours(1)); // 13:00: two hours before check-in at 15:00
        await hotel.PreConditionAsync();
        await hotel.Get<Stayfull.Domain.Reservations.ReservationService>().CancelAsync(stay.Id, null, CancellationToken.None);
        await hotel.SetBackAsync();

        var results = await hotel.DispatchAsync();

        Assert.Equal(5, results.Count);
        Assert.Equal("superseded by a later request", Assert.IsType<DispatchResult.Success>(results[0]).Result);
        Assert.Equal(4, hotel.Hub().Calls.Count);
        Assert.Contains("heat_cool dev_thermo_101 16.0 28.0", hotel.Hub().Calls);
        Assert.DoesNotContain("heat_cool dev_thermo_101 20.0 24.0", hotel.Hub().Calls);
    }

    [Fact]
    public async Task ARefusedSetBackIsRecordedAndCountsNoEnergy()
    {
        await using var hotel = await ClimateHotel.CreateAsync();
        await hotel.StayAsync("102", fromToday: 0, nights: 1);
        await hotel.StayAsync("103", fromToday: 0, nights: 1);
        await hotel.StayAsync("201", fromToday: 0, nights: 1);
        await hotel.SetBackAsync();
        hotel.Hub().NextFailure = new Stayfull.Domain.SmartRooms.SmartRoomHubException("Thermostat does not support heat_cool.", isTransient: false, httpStatus: 400, errorType: "invalid_input");

        var result = Assert.Single(await hotel.DispatchAsync());
        hotel.Time.Advance(TimeSpan.FromHours(5));

        Assert.IsType<DispatchResult.PermanentFailure>(result);
        var climate = await hotel.ClimateAsync("101");
        Assert.Equal("Thermostat does not support heat_cool.", climate!.LastError);
        Assert.False(climate.Holds(ClimateMode.Eco));
        Assert.Equal(0, (await hotel.Get<EnergySavings>().LastDaysAsync(30, CancellationToken.None)).EcoHours);
    }
}
