using Bunit;
using Stayfull.Domain.Live;
using Stayfull.Domain.SmartRooms;
using Stayfull.Domain.SmartRooms.Climate;
using Stayfull.Web.Components.Pages.Manager;

namespace Stayfull.Web.Tests.Components.Manager;

public sealed class EnergySavedCardTests : BackOfficeTestContext
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task TheCardShowsTheLastThirtyDaysOfEcoHoursTimesTheKilowattFigureAndRefreshesOnAThermostatChange()
    {
        var now = Hotel.Time.GetUtcNow();
        var thermostat = await ThermostatAsync("101");
        // 40 days ago for 24 h (outside), 31 days ago for 48 h (24 h inside), 10 h ending yesterday: 34 h × 0.5 kW.
        await EcoAsync(thermostat, now.AddDays(-40), now.AddDays(-39));
        await EcoAsync(thermostat, now.AddDays(-31), now.AddDays(-29));
        await EcoAsync(thermostat, now.AddDays(-1).AddHours(-10), now.AddDays(-1));

        var card = Context.Render<EnergySavedCard>();

        card.WaitForAssertion(() => Assert.Equal("17", card.Find("[data-testid=energy-saved-kwh]").TextContent), Wait);
        Assert.Contains("Energy saved: 17 kWh in the last 30 days", Normalize(card.Find("[data-testid=energy-saved]").TextContent), StringComparison.Ordinal);

        // A room rests in eco for 100 more hours; the set-back is announced on the locks topic.
        await EcoAsync(thermostat, now.AddHours(-100), now);
        await Context.Notifier.PublishAsync(new HotelChange(Hotel.HotelId, ChangeTopic.Locks, thermostat.Id, "Room 101 thermostat set to eco"));

        card.WaitForAssertion(() => Assert.Equal("67", card.Find("[data-testid=energy-saved-kwh]").TextContent), Wait);
    }

    [Fact]
    public void TheDashboardPlacesTheCard()
    {
        var page = RenderPage<ManagerDashboard>();

        page.WaitForAssertion(() => Assert.Contains("Energy saved: 0 kWh", Normalize(page.Find("[data-testid=energy-saved]").TextContent), StringComparison.Ordinal), Wait);
    }

    private static string Normalize(string text) => string.Join(' ', text.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));

    private async Task<RoomDevice> ThermostatAsync(string roomNumber)
    {
        var device = new RoomDevice(Hotel.HotelId, new SmartDevice($"dev_thermo_{roomNumber}", "ecobee_thermostat", $"Room {roomNumber} thermostat", "Ecobee", null, true, null, null, null, [SmartDeviceCapabilities.Thermostat], [], [], [], []), Hotel.Time.GetUtcNow());
        device.MapTo(Hotel.Rooms.Single(r => r.Number == roomNumber).Id);
        await using var db = Hotel.Db();
        db.RoomDevices.Add(device);
        await db.SaveChangesAsync();
        return device;
    }

    private async Task EcoAsync(RoomDevice thermostat, DateTimeOffset from, DateTimeOffset to)
    {
        var period = new EcoPeriod(Hotel.HotelId, thermostat.Id, from);
        period.End(to);
        await using var db = Hotel.Db();
        db.EcoPeriods.Add(period);
        await db.SaveChangesAsync();
    }
}
