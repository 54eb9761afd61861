using Stayfull.Domain.Live;
using Stayfull.Domain.SmartRooms.Climate;

namespace Stayfull.Domain.Tests.SmartRooms.Climate;

public sealed class ThermostatEventTests
{
    [Fact]
    public async Task TheRoomTemperatureIsKeptAndAnOlderOrReplayedReadingChangesNothing()
    {
        await using var hotel = await ClimateHotel.CreateAsync();
        var now = hotel.Time.GetUtcNow();

        await hotel.ThermostatEventAsync("101", "thermostat.temperature_changed", new { temperature_celsius = 21.5, temperature_fahrenheit = 70.7 }, now, "evt_1");
        var announced = hotel.Published.Changes.Count(c => c.Topic == ChangeTopic.Locks);
        await hotel.ThermostatEventAsync("101", "thermostat.temperature_changed", new { temperature_celsius = 21.5, temperature_fahrenheit = 70.7 }, now, "evt_1");
        await hotel.ThermostatEventAsync("101", "thermostat.temperature_changed", new { temperature_celsius = 18.0 }, now.AddMinutes(-10));

        var climate = await hotel.ClimateAsync("101");
        Assert.Equal(21.5, climate!.TemperatureCelsius);
        Assert.Equal(now, climate.TemperatureAt);
        Assert.Equal(announced, hotel.Published.Changes.Count(c => c.Topic == ChangeTopic.Locks));
        Assert.Contains(hotel.Published.Changes, c => c.Summary == "Room 101 thermostat: 21.5 °C");
    }

    [Fact]
    public async Task SetPointReachedAndPresetActivatedAreRecordedFromTheHub()
    {
        await using var hotel = await ClimateHotel.CreateAsync();

        await hotel.ThermostatEventAsync("102", "thermostat.temperature_reached_set_point", new { temperature_fahrenheit = 68.0, desired_temperature_celsius = 20.0 });
        hotel.Time.Advance(TimeSpan.FromMinutes(1));
        await hotel.ThermostatEventAsync("102", "thermostat.climate_preset_activated", new { climate_preset_key = "sleep", is_fallback_climate_preset = false });

        var climate = await hotel.ClimateAsync("102");
        Assert.Equal(20.0, climate!.TemperatureCelsius);
        Assert.NotNull(climate.ReachedSetPointAt);
        Assert.Equal("preset sleep", climate.ReportedMode);
        Assert.Null(climate.RequestedMode);
    }

    [Fact]
    public async Task AnAdjustmentMadeThroughTheHubIsNotTakenForAGuestsHandOnTheDial()
    {
        await using var hotel = await ClimateHotel.CreateAsync();
        await hotel.SetBackAsync();
        hotel.Time.Advance(TimeSpan.FromMinutes(1));

        await hotel.ThermostatEventAsync("101", "thermostat.manually_adjusted", new { method = "seam", hvac_mode_setting = "heat_cool", heating_set_point_celsius = 16.0, cooling_set_point_celsius = 28.0 });

        var climate = await hotel.ClimateAsync("101");
        Assert.Equal("heat_cool", climate!.ReportedMode);
        Assert.Null(climate.ManuallyAdjustedAt);
        Assert.True(climate.Holds(ClimateMode.Eco));
    }

    [Fact]
    public async Task AGuestsOwnSettingStandsForTheRestOfTheStayAndTheRoomIsSetBackOnceTheyLeave()
    {
        await using var hotel = await ClimateHotel.CreateAsync();
        var stay = await hotel.InHouseAsync("101", nights: 1);
        hotel.Time.Advance(TimeSpan.FromHours(1));
        await hotel.PreConditionAsync();
        await hotel.ThermostatEventAsync("101", "thermostat.manually_adjusted", new { method = "external", hvac_mode_setting = "cool", cooling_set_point_celsius = 19.0 });
        var adjusted = await hotel.ClimateAsync("101");
        Assert.True(adjusted!.IsManuallyOverridden);

        // Through the evening and the night, neither job touches the room.
        for (var hour = 0; hour < 12; hour++)
        {
            hotel.Time.Advance(TimeSpan.FromHours(1));
            await hotel.PreConditionAsync();
            await hotel.SetBackAsync();
        }

        Assert.DoesNotContain(await hotel.ClimateIntentsAsync(), i => i.Room == "101");

        await hotel.CheckOutAsync(stay);

        var intent = Assert.Single(await hotel.ClimateIntentsAsync(), i => i.Room == "101");
        Assert.Equal(ClimateMode.Eco, intent.Mode);
    }

    [Fact]
    public async Task EventsForAThermostatWeDoNotKnowAreIgnored()
    {
        await using var hotel = await ClimateHotel.CreateAsync();

        await hotel.ThermostatEventAsync("999", "thermostat.temperature_changed", new { temperature_celsius = 30.0 });

        await using var db = hotel.Db();
        Assert.Empty(db.RoomClimates);
    }
}
