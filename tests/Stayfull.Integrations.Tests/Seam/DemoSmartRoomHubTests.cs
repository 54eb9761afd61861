using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Stayfull.Domain.SmartRooms;
using Stayfull.Integrations.Seam;

namespace Stayfull.Integrations.Tests.Seam;

public sealed class DemoSmartRoomHubTests
{
    [Fact]
    public async Task AHotelWithoutSeamGetsALockAndAThermostatPerRoomAcrossFiveBrands()
    {
        await using var harness = await SeamHarness.CreateAsync();

        var devices = await harness.Hub.ListDevicesAsync(harness.HotelId, CancellationToken.None);

        var rooms = harness.Hotel.Rooms.Select(r => r.Number).ToList();
        Assert.Equal(rooms.Count, devices.Count(d => d.IsLock));
        Assert.Equal(rooms.Count, devices.Count(d => d.IsThermostat));
        Assert.All(rooms, number => Assert.Contains(devices, d => d.DisplayName == $"Room {number} lock"));
        var lockBrands = devices.Where(d => d.IsLock).Select(d => d.Manufacturer).Distinct().ToList();
        Assert.True(lockBrands.Count >= 5, $"Only {string.Join(", ", lockBrands)}");
        Assert.True(devices.Select(d => d.Manufacturer).Distinct().Count() >= 7);
        Assert.All(devices.Where(d => d.IsLock), d => Assert.InRange(d.BatteryLevel!.Value, 0.05, 1.0));
        Assert.Empty(harness.Server.LogEntries);
        var log = await harness.LogAsync();
        Assert.All(log, e => Assert.True(e.IsDemo));
        Assert.Contains(log, e => e.Operation == "devices/list" && e.Summary.StartsWith("Demo:", StringComparison.Ordinal));

        // The same hotel always gets the same workspace.
        var again = await harness.Hub.ListDevicesAsync(harness.HotelId, CancellationToken.None);
        Assert.Equal(devices.Select(d => (d.Id, d.Manufacturer)), again.Select(d => (d.Id, d.Manufacturer)));
    }

    [Fact]
    public async Task ACodeIsSettingThenSetOnceTheLockHasHadItsMoment()
    {
        await using var harness = await SeamHarness.CreateAsync();
        var lockDevice = (await harness.Hub.ListDevicesAsync(harness.HotelId, CancellationToken.None)).First(d => d.IsLock && d.Online);
        var now = harness.Hotel.Time.GetUtcNow();

        var created = await harness.Hub.CreateAccessCodeAsync(harness.HotelId, new AccessCodeRequest(lockDevice.Id, "Stay ABC123", now.AddHours(2), now.AddDays(2)), CancellationToken.None);

        Assert.Equal(AccessCodeStatus.Setting, created.AccessCode.Status);
        Assert.Contains(created.AccessCode.Code!.Length, lockDevice.SupportedCodeLengths);
        Assert.Equal(ActionAttemptStatus.Pending, created.ActionAttempt.Status);
        Assert.Equal(AccessCodeStatus.Setting, (await harness.Hub.GetAccessCodeAsync(harness.HotelId, created.AccessCode.Id, CancellationToken.None)).Status);

        harness.Hotel.Time.Advance(TimeSpan.FromSeconds(10));

        Assert.Equal(AccessCodeStatus.Set, (await harness.Hub.GetAccessCodeAsync(harness.HotelId, created.AccessCode.Id, CancellationToken.None)).Status);
        Assert.Equal(ActionAttemptStatus.Success, (await harness.Hub.GetActionAttemptAsync(harness.HotelId, created.ActionAttempt.Id, CancellationToken.None)).Status);
        Assert.Equal(created.AccessCode.Id, Assert.Single(await harness.Hub.ListAccessCodesAsync(harness.HotelId, lockDevice.Id, CancellationToken.None)).Id);

        await harness.Hub.DeleteAccessCodeAsync(harness.HotelId, lockDevice.Id, created.AccessCode.Id, CancellationToken.None);
        harness.Hotel.Time.Advance(TimeSpan.FromSeconds(10));
        Assert.Empty(await harness.Hub.ListAccessCodesAsync(harness.HotelId, lockDevice.Id, CancellationToken.None));
    }

    [Fact]
    public async Task UnlockingChangesTheLockAndBatteriesDrainOverDays()
    {
        await using var harness = await SeamHarness.CreateAsync();
        var lockDevice = (await harness.Hub.ListDevicesAsync(harness.HotelId, CancellationToken.None)).First(d => d.IsLock && d.Online);

        var attempt = await harness.Hub.UnlockDoorAsync(harness.HotelId, lockDevice.Id, CancellationToken.None);
        harness.Hotel.Time.Advance(TimeSpan.FromDays(10));

        Assert.Equal(ActionAttemptStatus.Success, (await harness.Hub.GetActionAttemptAsync(harness.HotelId, attempt.Id, CancellationToken.None)).Status);
        var later = await harness.Hub.GetDeviceAsync(harness.HotelId, lockDevice.Id, CancellationToken.None);
        Assert.False(later.Locked);
        Assert.True(later.BatteryLevel < lockDevice.BatteryLevel, $"{later.BatteryLevel} is not below {lockDevice.BatteryLevel}");
    }

    [Fact]
    public async Task AnUnknownDeviceIsAPermanentNotFound()
    {
        await using var harness = await SeamHarness.CreateAsync();

        var ex = await Assert.ThrowsAsync<SmartRoomHubException>(() => harness.Hub.LockDoorAsync(harness.HotelId, "nope", CancellationToken.None));

        Assert.False(ex.IsTransient);
        Assert.Equal("device_not_found", ex.ErrorType);
    }

    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task ACodeTellsItIsSetOnTheLockWithItsDigitsOnlyOnceTheDelayHasPassed()
    {
        await using var harness = await DemoWorkspaceHarness.CreateAsync();
        var lockDevice = await OnlineLockAsync(harness);
        var now = harness.Hotel.Time.GetUtcNow();
        var created = await harness.Hub.CreateAccessCodeAsync(harness.HotelId, new AccessCodeRequest(lockDevice.Id, "Stay ABC123", now.AddHours(2), now.AddDays(2)), None);

        Assert.DoesNotContain(await harness.TickAsync(), e => e.Type == "access_code.set_on_device");
        harness.Hotel.Time.Advance(TimeSpan.FromSeconds(5));
        var told = await harness.TickAsync();

        var set = Assert.Single(told, e => e.Type == "access_code.set_on_device");
        var body = DemoWorkspaceHarness.Body(set);
        Assert.Equal(set.Id, body.GetProperty("event_id").GetString());
        Assert.True(Guid.TryParse(set.Id, out _), "Seam's event ids are UUIDs");
        Assert.Equal("access_code.set_on_device", body.GetProperty("event_type").GetString());
        Assert.Equal(created.AccessCode.Id, body.GetProperty("access_code_id").GetString());
        Assert.Equal(created.AccessCode.Code, body.GetProperty("code").GetString());
        Assert.Equal(lockDevice.Id, body.GetProperty("device_id").GetString());
        Assert.True(Guid.TryParse(body.GetProperty("workspace_id").GetString(), out _));
        Assert.True(Guid.TryParse(body.GetProperty("connected_account_id").GetString(), out _));
        Assert.Equal(now.AddSeconds(5), DateTimeOffset.Parse(body.GetProperty("occurred_at").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(JsonValueKind.String, body.GetProperty("created_at").ValueKind);

        harness.Hotel.Time.Advance(TimeSpan.FromMinutes(1));
        Assert.DoesNotContain(await harness.TickAsync(), e => e.Type == "access_code.set_on_device");
    }

    [Fact]
    public async Task DeletingACodeTellsItWasRemovedFromTheLockAfterTheDelay()
    {
        await using var harness = await DemoWorkspaceHarness.CreateAsync();
        var lockDevice = await OnlineLockAsync(harness);
        var now = harness.Hotel.Time.GetUtcNow();
        var created = await harness.Hub.CreateAccessCodeAsync(harness.HotelId, new AccessCodeRequest(lockDevice.Id, "Stay DEL1", now, now.AddDays(1)), None);
        harness.Hotel.Time.Advance(TimeSpan.FromSeconds(5));
        await harness.TickAsync();

        await harness.Hub.DeleteAccessCodeAsync(harness.HotelId, lockDevice.Id, created.AccessCode.Id, None);
        Assert.Empty(await harness.TickAsync());
        harness.Hotel.Time.Advance(TimeSpan.FromSeconds(5));

        var removed = Assert.Single(await harness.TickAsync());
        Assert.Equal("access_code.removed_from_device", removed.Type);
        Assert.Equal(created.AccessCode.Id, DemoWorkspaceHarness.Body(removed).GetProperty("access_code_id").GetString());
    }

    [Fact]
    public async Task LockActionsTellTheSucceededAttemptAndTheNewLockStateOnceDone()
    {
        await using var harness = await DemoWorkspaceHarness.CreateAsync();
        var lockDevice = await OnlineLockAsync(harness);

        var unlock = await harness.Hub.UnlockDoorAsync(harness.HotelId, lockDevice.Id, None);
        Assert.True((await harness.Hub.GetDeviceAsync(harness.HotelId, lockDevice.Id, None)).Locked, "still locked while the attempt is pending");
        Assert.Empty(await harness.TickAsync());
        harness.Hotel.Time.Advance(TimeSpan.FromSeconds(5));
        var told = await harness.TickAsync();

        Assert.Equal(["action_attempt.unlock_door.succeeded", "lock.unlocked"], told.Select(e => e.Type));
        Assert.Equal(unlock.Id, DemoWorkspaceHarness.Body(told[0]).GetProperty("action_attempt_id").GetString());
        Assert.Equal("UNLOCK_DOOR", DemoWorkspaceHarness.Body(told[0]).GetProperty("action_type").GetString());
        var unlocked = DemoWorkspaceHarness.Body(told[1]);
        Assert.Equal("seamapi", unlocked.GetProperty("method").GetString());
        Assert.Equal(unlock.Id, unlocked.GetProperty("action_attempt_id").GetString());
        Assert.False((await harness.Hub.GetDeviceAsync(harness.HotelId, lockDevice.Id, None)).Locked);

        await harness.Hub.LockDoorAsync(harness.HotelId, lockDevice.Id, None);
        harness.Hotel.Time.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(["action_attempt.lock_door.succeeded", "lock.locked"], (await harness.TickAsync()).Select(e => e.Type));
    }

    [Fact]
    public async Task ADrainingBatteryTellsItsLevelAndThatItIsLowOnce()
    {
        await using var harness = await DemoWorkspaceHarness.CreateAsync();
        var locks = (await harness.Hub.ListDevicesAsync(harness.HotelId, None)).Where(d => d.IsLock).ToList();

        // Long enough at the daily drain for even a full battery to fall under 20 %.
        harness.Hotel.Time.Advance(TimeSpan.FromDays(250));
        var told = await harness.TickAsync();
        harness.Hotel.Time.Advance(TimeSpan.FromDays(5));
        told = [.. told, .. await harness.TickAsync()];

        Assert.All(locks, l =>
        {
            var low = Assert.Single(told, e => e.Type == "device.low_battery" && DemoWorkspaceHarness.Body(e).GetProperty("device_id").GetString() == l.Id);
            Assert.InRange(DemoWorkspaceHarness.Body(low).GetProperty("battery_level").GetDouble(), 0.05, 0.2);
            Assert.Contains(told, e => e.Type == "device.battery_status_changed" && DemoWorkspaceHarness.Body(e).GetProperty("device_id").GetString() == l.Id);
        });
        Assert.DoesNotContain(told, e => e.Type == "device.low_battery" && locks.All(l => l.Id != DemoWorkspaceHarness.Body(e).GetProperty("device_id").GetString()));
    }

    [Fact]
    public async Task ALockThatDropsOffTheNetworkComesBackAndSetsTheCodesAskedMeanwhile()
    {
        await using var harness = await DemoWorkspaceHarness.CreateAsync(o => o.DisconnectChance = 1);
        await harness.Hub.ListDevicesAsync(harness.HotelId, None);

        var dropped = Assert.Single(await harness.TickAsync());
        harness.Options.DisconnectChance = 0;
        Assert.Equal("device.disconnected", dropped.Type);
        var deviceId = DemoWorkspaceHarness.Body(dropped).GetProperty("device_id").GetString()!;
        Assert.False((await harness.Hub.GetDeviceAsync(harness.HotelId, deviceId, None)).Online);
        var now = harness.Hotel.Time.GetUtcNow();
        var code = await harness.Hub.CreateAccessCodeAsync(harness.HotelId, new AccessCodeRequest(deviceId, "Stay OFF1", now, now.AddDays(1)), None);
        harness.Hotel.Time.Advance(TimeSpan.FromSeconds(30));
        Assert.Empty(await harness.TickAsync());

        harness.Hotel.Time.Advance(TimeSpan.FromMinutes(10));
        var told = await harness.TickAsync();

        Assert.Equal(["device.connected", "access_code.set_on_device"], told.Select(e => e.Type));
        Assert.Equal(deviceId, DemoWorkspaceHarness.Body(told[0]).GetProperty("device_id").GetString());
        Assert.Equal(code.AccessCode.Id, DemoWorkspaceHarness.Body(told[1]).GetProperty("access_code_id").GetString());
        Assert.True((await harness.Hub.GetDeviceAsync(harness.HotelId, deviceId, None)).Online);
    }

    [Fact]
    public async Task AGuestOpensAnOccupiedRoomWithTheirCodeAndTheDoorRelocksItself()
    {
        await using var harness = await DemoWorkspaceHarness.CreateAsync(o => o.GuestActivityChance = 1);
        var lockDevice = await OnlineLockAsync(harness);
        Assert.Empty(await harness.TickAsync()); // no room is occupied yet
        var now = harness.Hotel.Time.GetUtcNow();
        var code = await harness.Hub.CreateAccessCodeAsync(harness.HotelId, new AccessCodeRequest(lockDevice.Id, "Stay GUEST", now, now.AddDays(1)), None);
        harness.Hotel.Time.Advance(TimeSpan.FromSeconds(5));

        var told = await harness.TickAsync();
        harness.Options.GuestActivityChance = 0;

        Assert.Equal(["access_code.set_on_device", "lock.unlocked"], told.Select(e => e.Type));
        var opened = DemoWorkspaceHarness.Body(told[1]);
        Assert.Equal("keycode", opened.GetProperty("method").GetString());
        Assert.Equal(code.AccessCode.Id, opened.GetProperty("access_code_id").GetString());
        Assert.Equal(lockDevice.Id, opened.GetProperty("device_id").GetString());

        harness.Hotel.Time.Advance(TimeSpan.FromMinutes(2));
        var relocked = Assert.Single(await harness.TickAsync());
        Assert.Equal("lock.locked", relocked.Type);
        Assert.Equal("automatic", DemoWorkspaceHarness.Body(relocked).GetProperty("method").GetString());
    }

    [Fact]
    public async Task ARoomDriftsTowardItsNewSetPointAndStopsThere()
    {
        await using var harness = await DemoWorkspaceHarness.CreateAsync(o => o.ThermostatStepsPerTick = 1);
        var thermostat = (await harness.Hub.ListDevicesAsync(harness.HotelId, None)).First(d => d.IsThermostat);
        Assert.Empty(await harness.TickAsync()); // inside the eco band: nothing to do

        await harness.Hub.SetHeatCoolAsync(harness.HotelId, thermostat.Id, 24m, 26m, None);
        harness.Hotel.Time.Advance(TimeSpan.FromSeconds(5));
        var readings = new List<double>();
        for (var tick = 0; tick < 20; tick++)
        {
            harness.Hotel.Time.Advance(TimeSpan.FromSeconds(5));
            readings.AddRange((await harness.TickAsync())
                .Where(e => e.Type == "thermostat.temperature_changed")
                .Select(e => DemoWorkspaceHarness.Body(e).GetProperty("temperature_celsius").GetDouble()));
        }

        Assert.NotEmpty(readings);
        Assert.Equal(readings.Order(), readings);
        Assert.Equal(24.0, readings[^1]);
        Assert.Equal(24.0, (await harness.Hub.GetDeviceAsync(harness.HotelId, thermostat.Id, None)).TemperatureCelsius);
    }

    [Fact]
    public async Task TheSameSeedAndTicksTellTheSameStory()
    {
        static void Lively(SeamDemoOptions o)
        {
            o.GuestActivityChance = 0.5;
            o.BatteryDrainChance = 0.5;
            o.DisconnectChance = 0.2;
            o.ThermostatStepsPerTick = 2;
        }

        await using var harness = await DemoWorkspaceHarness.CreateAsync(Lively);
        var twin = new DemoSmartRoomHub(
            harness.Services.GetRequiredService<Stayfull.Domain.Data.StayfullDb>(),
            harness.Services.GetRequiredService<Stayfull.Domain.Integrations.IntegrationLogWriter>(),
            harness.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<SeamOptions>>(),
            Microsoft.Extensions.Options.Options.Create(harness.Options),
            harness.Hotel.Time);
        var first = new List<string>();
        var second = new List<string>();
        for (var tick = 0; tick < 60; tick++)
        {
            first.AddRange((await harness.Hub.TickAsync(harness.HotelId, None)).Skip(first.Count).Select(e => e.Payload));
            second.AddRange((await twin.TickAsync(harness.HotelId, None)).Skip(second.Count).Select(e => e.Payload));
            harness.Hotel.Time.Advance(TimeSpan.FromSeconds(5));
        }

        Assert.NotEmpty(first);
        Assert.Equal(first, second);
    }

    private static async Task<SmartDevice> OnlineLockAsync(DemoWorkspaceHarness harness) =>
        (await harness.Hub.ListDevicesAsync(harness.HotelId, None)).First(d => d.IsLock && d.Online);
}
