using Stayfull.Domain.SmartRooms;

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
}
