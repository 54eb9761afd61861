using Stayfull.Domain.SmartRooms;

namespace Stayfull.Integrations.Tests.Seam;

public sealed class DemoAccessCodeChangeTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task TheSimulatedWorkspaceMovesACodesWindowAndHandsOutABackupCodeThatWorksAtOnce()
    {
        await using var harness = await SeamHarness.CreateAsync();
        var lockDevice = (await harness.Hub.ListDevicesAsync(harness.HotelId, None)).First(d => d.IsLock && d.Online);
        var now = harness.Hotel.Time.GetUtcNow();
        var created = await harness.Hub.CreateAccessCodeAsync(harness.HotelId, new AccessCodeRequest(lockDevice.Id, "Stay ABC123", now.AddHours(2), now.AddDays(2)), None);

        var attempt = await harness.Hub.UpdateAccessCodeAsync(harness.HotelId, created.AccessCode.Id, now.AddHours(2), now.AddDays(4), None);
        harness.Hotel.Time.Advance(TimeSpan.FromSeconds(10));

        var moved = await harness.Hub.GetAccessCodeAsync(harness.HotelId, created.AccessCode.Id, None);
        Assert.Equal((created.AccessCode.Code, now.AddDays(4), AccessCodeStatus.Set), (moved.Code, moved.EndsAt, moved.Status));
        Assert.Equal(ActionAttemptStatus.Success, (await harness.Hub.GetActionAttemptAsync(harness.HotelId, attempt.Id, None)).Status);

        var backup = await harness.Hub.PullBackupAccessCodeAsync(harness.HotelId, created.AccessCode.Id, None);
        Assert.Equal(AccessCodeStatus.Set, backup.Status);
        Assert.NotEqual(created.AccessCode.Id, backup.Id);
        Assert.Equal(now.AddDays(4), backup.EndsAt);
        Assert.Empty(harness.Server.LogEntries);
        Assert.Contains(await harness.LogAsync(), e => e.Operation == "access_codes/pull_backup_access_code" && e.IsDemo);
    }
}
