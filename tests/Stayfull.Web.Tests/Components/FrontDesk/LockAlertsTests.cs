using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stayfull.Domain.SmartRooms;
using Stayfull.Domain.Tenancy;
using Stayfull.Web.Components.Pages.FrontDesk;

namespace Stayfull.Web.Tests.Components.FrontDesk;

/// <summary>The lock panel's alerts and details: acknowledged by the desk, resolved ones kept until seen, everything live.</summary>
public sealed class LockAlertsTests : FrontDeskTestBase
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);

    private FakeSmartRoomHub Hub => Hotel.Services.GetRequiredService<FakeSmartRoomHub>();

    [Fact]
    public async Task AcknowledgingAnAlertRemovesItFromEveryOpenConsole()
    {
        Hub.Devices = [FakeSmartRoomHub.Lock("101", online: false), FakeSmartRoomHub.Lock("102")];
        await ImportAsync();
        var mine = Ctx.Render<LockPanel>();
        var colleagues = Ctx.Render<LockPanel>();
        mine.WaitForElement("[data-testid=lock-alert-offline-101]", Wait);
        colleagues.WaitForElement("[data-testid=lock-alert-offline-101]", Wait);
        Assert.Equal("1", mine.Find("[data-testid=lock-alert-count]").TextContent.Trim());
        var before = Hotel.Published.Changes.Count;

        mine.Find("[data-testid=lock-alert-offline-101] [data-testid=acknowledge]").Click();

        mine.WaitForAssertion(() => Assert.Empty(mine.FindAll("[data-testid=lock-alert-offline-101]")), Wait);
        Assert.Equal("0", mine.Find("[data-testid=lock-alert-count]").TextContent.Trim());
        Assert.NotEmpty(colleagues.FindAll("[data-testid=lock-alert-offline-101]"));
        foreach (var change in Hotel.Published.Changes.Skip(before))
        {
            await Ctx.Notifier.PublishAsync(change);
        }

        colleagues.WaitForAssertion(() => Assert.Empty(colleagues.FindAll("[data-testid=lock-alert-offline-101]")), Wait);
        await using var db = Hotel.Db();
        var alert = await db.SmartRoomAlerts.SingleAsync();
        Assert.Equal(Hotel.Staff.Current!.UserName, alert.AcknowledgedBy);
        Assert.Single(await db.AuditEntries.Where(a => a.EntityId == alert.Id && a.Action == "Acknowledged").ToListAsync());

        // The lock itself still shows offline: acknowledging an alert does not pretend the lock is back.
        Assert.Equal("offline", mine.Find("[data-testid=lock-101]").GetAttribute("data-state"));
    }

    [Fact]
    public async Task ALockBackOnlineKeepsItsAlertShownAsResolvedUntilAcknowledged()
    {
        Hub.Devices = [FakeSmartRoomHub.Lock("101", online: false)];
        await ImportAsync();
        Hub.Devices = [FakeSmartRoomHub.Lock("101")];
        await ImportAsync();

        var panel = Ctx.Render<LockPanel>();

        panel.WaitForElement("[data-testid=lock-alert-offline-101]", Wait);
        var alert = panel.Find("[data-testid=lock-alert-offline-101]");
        Assert.Equal("true", alert.GetAttribute("data-resolved"));
        Assert.NotNull(alert.QuerySelector("[data-testid=alert-resolved]"));
        Assert.Equal("locked", panel.Find("[data-testid=lock-101]").GetAttribute("data-state"));
    }

    [Fact]
    public async Task HousekeepingIsToldInWordsThatItCannotAcknowledge()
    {
        Hub.Devices = [FakeSmartRoomHub.Lock("101", battery: 0.05)];
        await ImportAsync();
        Hotel.ActAs(StaffRole.Housekeeping);

        var panel = Ctx.Render<LockPanel>();
        panel.WaitForElement("[data-testid=lock-alert-battery-101]", Wait).QuerySelector("[data-testid=acknowledge]")!.Click();

        panel.WaitForAssertion(() => Assert.Contains("acknowledge", panel.Find("[data-testid=acknowledge-error]").TextContent, StringComparison.Ordinal), Wait);
        Assert.NotEmpty(panel.FindAll("[data-testid=lock-alert-battery-101]"));
    }

    [Fact]
    public async Task ATileShowsTheModelTheDoorAndTheHubsErrorsAndWarnings()
    {
        Hub.Devices =
        [
            FakeSmartRoomHub.Lock("101", doorOpen: true, locked: false) with
            {
                Model = "Assure Lock 2",
                Warnings = [new DeviceIssue(RoomDevice.FlakyConnectionWarning, "Reconnecting often")],
            },
            FakeSmartRoomHub.Lock("102", online: false, doorOpen: null) with { Errors = [new DeviceIssue("hub_disconnected", "The hub is offline")] },
        ];
        await ImportAsync();

        var panel = Ctx.Render<LockPanel>();

        panel.WaitForElement("[data-testid=lock-101]", Wait);
        var open = panel.Find("[data-testid=lock-101]");
        Assert.Equal("open", open.GetAttribute("data-door"));
        Assert.Equal("Door open", open.QuerySelector("[data-testid=lock-door]")!.TextContent.Trim());
        Assert.Equal("Assure Lock 2", open.QuerySelector("[data-testid=lock-model]")!.TextContent.Trim());
        Assert.Equal("Reconnecting often", open.QuerySelector($"[data-testid=lock-issue-{RoomDevice.FlakyConnectionWarning}]")!.GetAttribute("title"));
        var offline = panel.Find("[data-testid=lock-102]");
        Assert.Equal("unknown", offline.GetAttribute("data-door"));
        Assert.NotNull(offline.QuerySelector("[data-testid=lock-issue-hub_disconnected]"));
    }

    [Fact]
    public async Task ATamperReportFromTheHubAppearsLiveWithItsAcknowledgeButton()
    {
        Hub.Devices = [FakeSmartRoomHub.Lock("101")];
        await ImportAsync();
        var panel = Ctx.Render<LockPanel>();
        panel.WaitForElement("[data-testid=lock-101]", Wait);
        var before = Hotel.Published.Changes.Count;

        await ApplySeamEventAsync("device.tampered", "dev_lock_101");
        Assert.Empty(panel.FindAll("[data-testid=lock-alert-tampered-101]"));
        foreach (var change in Hotel.Published.Changes.Skip(before))
        {
            await Ctx.Notifier.PublishAsync(change);
        }

        var alert = panel.WaitForElement("[data-testid=lock-alert-tampered-101]", Wait);
        Assert.Contains("Tampering", alert.TextContent, StringComparison.Ordinal);
        Assert.NotNull(alert.QuerySelector("[data-testid=acknowledge]"));
    }

    private Task ApplySeamEventAsync(string type, string deviceId) => SmartRoomEvents.ApplyAsync(Hotel, type, deviceId);

    private async Task ImportAsync()
    {
        var role = Hotel.Staff.Current!.Role;
        Hotel.ActAs(StaffRole.Manager);
        try
        {
            await Hotel.Get<SmartRoomService>().ImportDevicesAsync(CancellationToken.None);
        }
        finally
        {
            Hotel.ActAs(role);
        }
    }
}
