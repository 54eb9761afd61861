using Stayfull.Domain.SmartRooms.Climate;
using Stayfull.Domain.Tenancy;

namespace Stayfull.Domain.Tests.SmartRooms.Climate;

public sealed class EnergySavedTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task EcoHoursAreCountedOnlyWithinThePeriodAskedForAndEndWhenSomeoneTakesOver()
    {
        await using var hotel = await ClimateHotel.CreateAsync();
        var t0 = hotel.Time.GetUtcNow();

        await hotel.SetBackAsync();                                               // four rooms in eco from t0
        hotel.Time.Advance(TimeSpan.FromHours(5));
        await hotel.ThermostatEventAsync("101", "thermostat.manually_adjusted", new { method = "external", hvac_mode_setting = "heat", heating_set_point_celsius = 22.0 });
        await hotel.ThermostatEventAsync("101", "thermostat.manually_adjusted", new { method = "external", hvac_mode_setting = "heat", heating_set_point_celsius = 22.0 }, t0.AddHours(5));
        hotel.Time.Advance(TimeSpan.FromHours(19));
        Assert.Equal(1, await hotel.SetBackAsync());                             // the next night 101 is set back again at t0+24h
        hotel.Time.Advance(TimeSpan.FromHours(6));                                // now t0+30h

        var window = await hotel.Get<EnergySavings>().BetweenAsync(t0.AddHours(2), t0.AddHours(26), None);
        var month = await hotel.Get<EnergySavings>().LastDaysAsync(30, None);

        // 101: 3 h (t0+2..5) + 2 h (t0+24..26); the other three: 24 h each.
        Assert.Equal(77, window.EcoHours, 6);
        Assert.Equal(38.5, window.KilowattHours, 6);
        // 101: 5 h + 6 h (still open); the other three: 30 h each.
        Assert.Equal(101, month.EcoHours, 6);
        Assert.Equal(50.5, month.KilowattHours, 6);
    }

    [Fact]
    public async Task ComfortForAnArrivalEndsTheEcoPeriodAndTheHotelsKilowattFigureIsUsed()
    {
        await using var hotel = await ClimateHotel.CreateAsync();
        await hotel.ActAs(StaffRole.Manager).Get<ClimateSettingsService>().SaveAsync(0, new ClimateSettingsValues(20m, 24m, 16m, 28m, 120, 1.5m), None);
        hotel.ActAs(StaffRole.Owner);
        await hotel.StayAsync("102", fromToday: 0);
        await hotel.StayAsync("103", fromToday: 0);
        await hotel.StayAsync("201", fromToday: 0);
        var t0 = hotel.Time.GetUtcNow();
        await hotel.SetBackAsync();                                               // only 101 is unsold tonight
        hotel.Time.Advance(TimeSpan.FromDays(1));
        await hotel.StayAsync("101", fromToday: 0);
        hotel.Time.Advance(TimeSpan.FromHours(1));                                // 13:00: its guest is due
        await hotel.PreConditionAsync();
        hotel.Time.Advance(TimeSpan.FromHours(10));

        var saved = await hotel.Get<EnergySavings>().BetweenAsync(t0.AddDays(-1), t0.AddDays(2), None);

        Assert.Equal(25, saved.EcoHours, 6);
        Assert.Equal(37.5, saved.KilowattHours, 6);
        Assert.Equal(1.5m, saved.KilowattsPerRoom);
    }

    [Fact]
    public void APeriodCountsOnlyItsOverlapWithTheRangeAndAnOpenOneRunsUntilNow()
    {
        var t0 = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
        var closed = new EcoPeriod(Guid.NewGuid(), Guid.NewGuid(), t0);
        closed.End(t0.AddHours(10));
        var open = new EcoPeriod(Guid.NewGuid(), Guid.NewGuid(), t0.AddHours(20));

        Assert.Equal(4, closed.HoursWithin(t0.AddHours(6), t0.AddHours(30), t0.AddHours(24)));
        Assert.Equal(0, closed.HoursWithin(t0.AddHours(10), t0.AddHours(30), t0.AddHours(24)));
        Assert.Equal(4, open.HoursWithin(t0.AddHours(6), t0.AddHours(30), t0.AddHours(24)));
        Assert.Equal(2, open.HoursWithin(t0.AddHours(6), t0.AddHours(22), t0.AddHours(24)));
        Assert.False(closed.End(t0.AddHours(12)));
    }
}
