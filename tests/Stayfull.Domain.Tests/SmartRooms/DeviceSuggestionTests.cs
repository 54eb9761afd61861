using Stayfull.Domain.Common;
using Stayfull.Domain.SmartRooms;
using Stayfull.Domain.Tenancy;

namespace Stayfull.Domain.Tests.SmartRooms;

public sealed class DeviceSuggestionTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Theory]
    [InlineData("Room 101 lock", "101", 1.0)]
    [InlineData("Rm101 thermostat", "101", 0.9)]
    [InlineData("Door 0101", "101", 0.9)]
    [InlineData("Suite A-12 lock", "A12", 0.85)]
    [InlineData("Room 1O1 lock", "101", 0.8)]
    [InlineData("Lock A13", "A12", 0.0)]
    [InlineData("Lock AI2", "A12", 0.8)]
    [InlineData("Room 102 lock", "101", 0.0)]
    [InlineData("Room 1012 lock", "101", 0.0)]
    [InlineData("Lobby thermostat", "101", 0.0)]
    public void ANameMatchesARoomByItsNumberItsDigitsOrAnAlmostSpelling(string name, string room, double expected)
    {
        var (score, _) = SmartRoomService.NameMatch(name, room);

        Assert.Equal(expected, score, 2);
    }

    [Fact]
    public async Task EachUnmappedDeviceIsSuggestedItsBestRoomNeverOneThatHasADeviceOfThatKind()
    {
        await using var hotel = await SmartRoomsHotel.CreateAsync();
        hotel.Hub().Devices =
        [
            RecordingHub.Lock("dev_a", "Rm101 back door", []),
            RecordingHub.Lock("dev_b", "Room 102 lock", []),
            RecordingHub.Lock("dev_c", "Lock 1O3", []),
            RecordingHub.Lock("dev_d", "Garage", []),
            Thermostat("dev_t", "Room 101 thermostat"),
        ];
        await hotel.ImportAsync();
        var service = hotel.Get<SmartRoomService>();
        var devices = await service.DevicesAsync(None);

        // Import maps exact names itself (102 lock, 101 thermostat); what is left gets suggestions.
        Assert.Equal("102", devices.Single(d => d.SeamDeviceId == "dev_b").RoomNumber);
        var suggestions = await service.SuggestionsAsync(None);

        Assert.Equal(["dev_c", "dev_a"], suggestions.Select(s => s.SeamDeviceId));
        Assert.Equal("101", suggestions.Single(s => s.SeamDeviceId == "dev_a").RoomNumber);
        Assert.Equal("103", suggestions.Single(s => s.SeamDeviceId == "dev_c").RoomNumber);
        Assert.DoesNotContain(suggestions, s => s.SeamDeviceId is "dev_d" or "dev_b" or "dev_t");
    }

    [Fact]
    public async Task TwoDevicesPointingToOneRoomLeaveItToTheSurerMatch()
    {
        await using var hotel = await SmartRoomsHotel.CreateAsync();
        hotel.Hub().Devices = [RecordingHub.Lock("dev_a", "Rm101 front", []), RecordingHub.Lock("dev_b", "Lock 1O1", [])];
        await hotel.ImportAsync();

        var suggestion = Assert.Single(await hotel.Get<SmartRoomService>().SuggestionsAsync(None));

        Assert.Equal("dev_a", suggestion.SeamDeviceId);
    }

    [Fact]
    public async Task ApplyingSuggestionsMapsTheDevicesAndAuditsEachOne()
    {
        await using var hotel = await SmartRoomsHotel.CreateAsync();
        hotel.Hub().Devices = [RecordingHub.Lock("dev_a", "Rm101", []), RecordingHub.Lock("dev_c", "Rm 2O1", [])];
        await hotel.ImportAsync();
        var service = hotel.ActAs(StaffRole.Manager).Get<SmartRoomService>();

        Assert.Equal(2, await service.ApplySuggestionsAsync(None));

        Assert.Equal(hotel.Rooms.Single(r => r.Number == "101").Id, (await hotel.DeviceAsync("dev_a")).RoomId);
        Assert.Equal(hotel.Rooms.Single(r => r.Number == "201").Id, (await hotel.DeviceAsync("dev_c")).RoomId);
        Assert.Empty(await service.SuggestionsAsync(None));
        await using var db = hotel.Db();
        Assert.Equal(2, db.AuditEntries.Count(a => a.Action == "Mapped"));
    }

    [Fact]
    public async Task OnlyAManagerSeesOrAppliesSuggestions()
    {
        await using var hotel = await SmartRoomsHotel.CreateAsync();
        await hotel.ImportAsync();
        var service = hotel.ActAs(StaffRole.FrontDesk).Get<SmartRoomService>();

        await Assert.ThrowsAsync<ForbiddenException>(() => service.SuggestionsAsync(None));
        await Assert.ThrowsAsync<ForbiddenException>(() => service.ApplySuggestionsAsync(None));
    }

    [Fact]
    public async Task ARoomTakesOneLockSoMappingASecondIsRefusedWithAReason()
    {
        await using var hotel = await SmartRoomsHotel.CreateAsync();
        hotel.Hub().Devices = [RecordingHub.Lock("dev_a", "Room 101 lock", []), RecordingHub.Lock("dev_b", "Spare lock", []), Thermostat("dev_t", "Spare thermostat")];
        await hotel.ImportAsync();
        var service = hotel.ActAs(StaffRole.Manager).Get<SmartRoomService>();
        var room = hotel.Rooms.Single(r => r.Number == "101").Id;
        var spare = await hotel.DeviceAsync("dev_b");

        var refused = await Assert.ThrowsAsync<RuleViolationException>(() => service.MapAsync(spare.Id, room, None));
        await service.MapAsync((await hotel.DeviceAsync("dev_t")).Id, room, None);

        Assert.Contains("already has a lock (Room 101 lock)", refused.Message, StringComparison.Ordinal);
        Assert.Null((await hotel.DeviceAsync("dev_b")).RoomId);
        Assert.Equal(room, (await hotel.DeviceAsync("dev_t")).RoomId);
    }

    [Fact]
    public async Task AHotelWithoutSeamCredentialsIsInDemoMode()
    {
        await using var hotel = await SmartRoomsHotel.CreateAsync();

        Assert.True(await hotel.Get<SmartRoomService>().IsDemoAsync(None));
    }

    private static SmartDevice Thermostat(string id, string name) =>
        new(id, "ecobee_thermostat", name, "Ecobee", "SmartThermostat", true, null, null, null, [SmartDeviceCapabilities.Thermostat], [], [], [], []);
}
