using Stayfull.Domain.Live;
using Stayfull.Domain.SmartRooms;
using Stayfull.Tests.Support;

namespace Stayfull.Domain.Tests.SmartRooms;

/// <summary>Every lock and device event the hub sends: the state it leaves, the alerts it raises, and replays or late events that change nothing.</summary>
public sealed class DeviceEventTests
{
    private const string Lock101 = "dev_lock_101";

    [Fact]
    public async Task LockedAndUnlockedSetTheLockStateAndAReplayAnnouncesNothing()
    {
        await using var hotel = await ImportedAsync();
        var before = hotel.Published.Changes.Count;

        await hotel.SeamEventAsync("lock.unlocked", new { device_id = Lock101, method = "keycode" });
        var unlocked = await hotel.DeviceAsync(Lock101);
        await hotel.SeamEventAsync("lock.unlocked", new { device_id = Lock101, method = "keycode" });

        var replayed = await hotel.DeviceAsync(Lock101);
        Assert.False(replayed.Locked);
        Assert.Equal(unlocked.Version, replayed.Version);
        var change = Assert.Single(hotel.Published.Changes.Skip(before));
        Assert.Equal(ChangeTopic.Locks, change.Topic);
        Assert.Equal(replayed.Id, change.EntityId);
        Assert.Contains("unlocked", change.Summary, StringComparison.Ordinal);

        hotel.Time.Advance(TimeSpan.FromMinutes(1));
        await hotel.SeamEventAsync("lock.locked", new { device_id = Lock101, method = "automatic" });
        Assert.True((await hotel.DeviceAsync(Lock101)).Locked);
    }

    [Fact]
    public async Task AnUnlockThatHappenedBeforeTheLastLockDoesNotUndoIt()
    {
        await using var hotel = await ImportedAsync();
        var now = hotel.Time.GetUtcNow();

        await hotel.SeamEventAsync("lock.unlocked", new { device_id = Lock101, occurred_at = At(now.AddMinutes(2)) });
        await hotel.SeamEventAsync("lock.locked", new { device_id = Lock101, occurred_at = At(now.AddMinutes(5)) });
        await hotel.SeamEventAsync("lock.unlocked", new { device_id = Lock101, occurred_at = At(now.AddMinutes(3)) });

        var device = await hotel.DeviceAsync(Lock101);
        Assert.True(device.Locked);
        Assert.Equal(now.AddMinutes(5), device.LockReportedAt);
    }

    [Fact]
    public async Task AnEventOlderThanTheLastImportChangesNothing()
    {
        await using var hotel = await ImportedAsync();

        await hotel.SeamEventAsync("lock.unlocked", new { device_id = Lock101, occurred_at = At(hotel.Time.GetUtcNow().AddMinutes(-1)) });
        await hotel.SeamEventAsync("device.disconnected", new { device_id = Lock101, occurred_at = At(hotel.Time.GetUtcNow().AddMinutes(-1)) });

        var device = await hotel.DeviceAsync(Lock101);
        Assert.True(device.Locked);
        Assert.True(device.Online);
        Assert.Empty(await hotel.AlertsAsync());
    }

    [Fact]
    public async Task ALockEventThatReportsTheDoorOpenIsShownAsOpen()
    {
        await using var hotel = await ImportedAsync();

        await hotel.SeamEventAsync("lock.unlocked", new { device_id = Lock101, door_open = true });

        var device = await hotel.DeviceAsync(Lock101);
        Assert.True(device.DoorOpen);
        Assert.False(device.Locked);
    }

    [Fact]
    public async Task ADisconnectionAddsTheOfflineErrorAndAnAlertThatReconnectingResolves()
    {
        await using var hotel = await ImportedAsync();
        var before = hotel.Published.Changes.Count;

        await hotel.SeamEventAsync("device.disconnected", new { device_id = Lock101, error_code = "hub_disconnected" });
        await hotel.SeamEventAsync("device.disconnected", new { device_id = Lock101, error_code = "hub_disconnected" });

        var offline = await hotel.DeviceAsync(Lock101);
        Assert.False(offline.Online);
        Assert.Equal(["device_offline", "hub_disconnected"], offline.Errors.Select(e => e.Code));
        var alert = Assert.Single(await hotel.AlertsAsync());
        Assert.Equal(SmartRoomAlertKind.Offline, alert.Kind);
        Assert.True(alert.IsOpen);
        Assert.Single(hotel.Published.Changes.Skip(before));

        hotel.Time.Advance(TimeSpan.FromMinutes(20));
        await hotel.SeamEventAsync("device.connected", new { device_id = Lock101 });

        var online = await hotel.DeviceAsync(Lock101);
        Assert.True(online.Online);
        Assert.Empty(online.Errors);
        var resolved = Assert.Single(await hotel.AlertsAsync());
        Assert.Equal(hotel.Time.GetUtcNow(), resolved.ResolvedAt);
        Assert.True(resolved.NeedsAttention);
    }

    [Fact]
    public async Task AFlakyConnectionIsAWarningThatStabilisingClears()
    {
        await using var hotel = await ImportedAsync();

        await hotel.SeamEventAsync("device.connection_became_flaky", new { device_id = Lock101 });
        Assert.Equal([RoomDevice.FlakyConnectionWarning], (await hotel.DeviceAsync(Lock101)).Warnings.Select(w => w.Code));

        hotel.Time.Advance(TimeSpan.FromMinutes(5));
        await hotel.SeamEventAsync("device.connection_stabilized", new { device_id = Lock101 });
        Assert.Empty((await hotel.DeviceAsync(Lock101)).Warnings);
        Assert.Empty(await hotel.AlertsAsync());
    }

    [Fact]
    public async Task ALowBatteryRaisesOneAlertThatANewBatteryResolves()
    {
        await using var hotel = await ImportedAsync();

        await hotel.SeamEventAsync("device.low_battery", new { device_id = Lock101, battery_level = 0.12 });
        await hotel.SeamEventAsync("device.low_battery", new { device_id = Lock101, battery_level = 0.12 });

        var low = await hotel.DeviceAsync(Lock101);
        Assert.Equal(0.12, low.BatteryLevel);
        Assert.True(low.IsBatteryLow);
        var alert = Assert.Single(await hotel.AlertsAsync());
        Assert.Equal(SmartRoomAlertKind.LowBattery, alert.Kind);
        Assert.Contains("12%", alert.Message, StringComparison.Ordinal);

        hotel.Time.Advance(TimeSpan.FromHours(1));
        await hotel.SeamEventAsync("device.battery_status_changed", new { device_id = Lock101, battery_status = "full", battery_level = 1.0 });

        var replaced = await hotel.DeviceAsync(Lock101);
        Assert.Equal(1.0, replaced.BatteryLevel);
        Assert.Equal("full", replaced.BatteryStatus);
        Assert.False(replaced.IsBatteryLow);
        Assert.False(Assert.Single(await hotel.AlertsAsync()).IsOpen);
    }

    [Fact]
    public async Task ABatteryStatusOfCriticalWithoutALevelIsLowBattery()
    {
        await using var hotel = await ImportedAsync();

        await hotel.SeamEventAsync("device.battery_status_changed", new { device_id = Lock101, battery_status = "critical" });

        var device = await hotel.DeviceAsync(Lock101);
        Assert.Equal(0.8, device.BatteryLevel);
        Assert.True(device.IsBatteryLow);
        Assert.Equal(SmartRoomAlertKind.LowBattery, Assert.Single(await hotel.AlertsAsync()).Kind);
    }

    [Fact]
    public async Task ATamperReportRaisesAnAlertThatCountsRepeatsButNotReplays()
    {
        await using var hotel = await ImportedAsync();
        var first = At(hotel.Time.GetUtcNow());

        await hotel.SeamEventAsync("device.tampered", new { device_id = Lock101, occurred_at = first });
        await hotel.SeamEventAsync("device.tampered", new { device_id = Lock101, occurred_at = first });
        await hotel.SeamEventAsync("device.tampered", new { device_id = Lock101, occurred_at = At(hotel.Time.GetUtcNow().AddMinutes(3)) });

        var alert = Assert.Single(await hotel.AlertsAsync());
        Assert.Equal(SmartRoomAlertKind.Tampered, alert.Kind);
        Assert.Equal(2, alert.Occurrences);
    }

    [Fact]
    public async Task OneRefusedCodeIsNoAlertButAThirdWithinTenMinutesIs()
    {
        await using var hotel = await ImportedAsync();
        var now = hotel.Time.GetUtcNow();

        await hotel.SeamEventAsync("lock.access_denied", new { device_id = Lock101, occurred_at = At(now) });
        await hotel.SeamEventAsync("lock.access_denied", new { device_id = Lock101, occurred_at = At(now.AddMinutes(2)) });
        await hotel.SeamEventAsync("lock.access_denied", new { device_id = Lock101, occurred_at = At(now.AddMinutes(2)) });
        Assert.Empty(await hotel.AlertsAsync());
        Assert.Equal(2, (await hotel.DeviceAsync(Lock101)).DenialStreak);

        await hotel.SeamEventAsync("lock.access_denied", new { device_id = Lock101, occurred_at = At(now.AddMinutes(4)) });

        var alert = Assert.Single(await hotel.AlertsAsync());
        Assert.Equal(SmartRoomAlertKind.AccessDenied, alert.Kind);
        Assert.Contains("3 refused attempts", alert.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RefusalsFarApartNeverMakeAnAlert()
    {
        await using var hotel = await ImportedAsync();
        var now = hotel.Time.GetUtcNow();

        foreach (var minutes in new[] { 0, 15, 30, 45 })
        {
            await hotel.SeamEventAsync("lock.access_denied", new { device_id = Lock101, occurred_at = At(now.AddMinutes(minutes)) });
        }

        Assert.Empty(await hotel.AlertsAsync());
        Assert.Equal(1, (await hotel.DeviceAsync(Lock101)).DenialStreak);
    }

    [Fact]
    public async Task ImportTakesTheHubsErrorsAndWarningsAndAlertsOfflineAndLowBatteryDevices()
    {
        await using var hotel = await SmartRoomsHotel.CreateAsync();
        hotel.Hub().Devices =
        [
            RecordingHub.Lock(Lock101, "Room 101 lock", [6]) with { Online = false, Errors = [new DeviceIssue("device_offline", "Device is offline")] },
            RecordingHub.Lock("dev_lock_102", "Room 102 lock", [6]) with { BatteryLevel = 0.1, Warnings = [new DeviceIssue(RoomDevice.FlakyConnectionWarning, "Flaky")] },
        ];

        await hotel.ImportAsync();
        await hotel.ImportAsync();

        var offline = await hotel.DeviceAsync(Lock101);
        Assert.Equal([new DeviceIssue("device_offline", "Device is offline")], offline.Errors);
        Assert.Equal([RoomDevice.FlakyConnectionWarning], (await hotel.DeviceAsync("dev_lock_102")).Warnings.Select(w => w.Code));
        var alerts = await hotel.AlertsAsync();
        Assert.Equal(2, alerts.Count);
        Assert.Equal(SmartRoomAlertKind.Offline, Assert.Single(alerts, a => a.RoomDeviceId == offline.Id).Kind);
        Assert.Equal(SmartRoomAlertKind.LowBattery, Assert.Single(alerts, a => a.RoomDeviceId != offline.Id).Kind);

        // The hub reports both healthy again: the next import resolves both alerts.
        hotel.Hub().Devices = [RecordingHub.Lock(Lock101, "Room 101 lock", [6]), RecordingHub.Lock("dev_lock_102", "Room 102 lock", [6])];
        await hotel.ImportAsync();
        Assert.All(await hotel.AlertsAsync(), a => Assert.False(a.IsOpen));
        Assert.Empty((await hotel.DeviceAsync(Lock101)).Errors);
    }

    [Fact]
    public async Task EventsForADeviceWeDoNotKnowChangeNothing()
    {
        await using var hotel = await ImportedAsync();
        var before = hotel.Published.Changes.Count;

        foreach (var type in new[] { "lock.unlocked", "lock.access_denied", "device.disconnected", "device.low_battery", "device.tampered", "device.connection_became_flaky" })
        {
            await hotel.SeamEventAsync(type, new { device_id = "dev_not_ours", battery_level = 0.05 });
        }

        Assert.Equal(before, hotel.Published.Changes.Count);
        Assert.Empty(await hotel.AlertsAsync());
    }

    private static async Task<TestHotel> ImportedAsync()
    {
        var hotel = await SmartRoomsHotel.CreateAsync();
        await hotel.ImportAsync();
        return hotel;
    }

    private static string At(DateTimeOffset at) => at.ToString("O");
}
