using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Stayfull.Domain.SmartRooms;
using Stayfull.Domain.Tenancy;
using Stayfull.Web.Components.Pages.FrontDesk;
using DeskConsole = Stayfull.Web.Components.Pages.FrontDesk.Console;

namespace Stayfull.Web.Tests.Components.FrontDesk;

public sealed class LockPanelTests : FrontDeskTestBase
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);

    private FakeSmartRoomHub Hub => Hotel.Services.GetRequiredService<FakeSmartRoomHub>();

    [Fact]
    public async Task EachMappedLockShowsItsRoomStateConnectionBatteryAndMaker()
    {
        Hub.Devices =
        [
            FakeSmartRoomHub.Lock("101"),
            FakeSmartRoomHub.Lock("102", locked: false, manufacturer: "Yale"),
            FakeSmartRoomHub.Lock("103", online: false),
            FakeSmartRoomHub.Lock("999"),
        ];
        await ImportAsync();

        var panel = Ctx.Render<LockPanel>();

        panel.WaitForAssertion(() => Assert.Equal(3, panel.FindAll("[data-testid^=lock-][data-state]").Count), Wait);
        var locked = panel.Find("[data-testid=lock-101]");
        Assert.Equal("locked", locked.GetAttribute("data-state"));
        Assert.Equal("Online", locked.QuerySelector("[data-testid=lock-online]")!.TextContent.Trim());
        Assert.Equal("August", locked.QuerySelector("[data-testid=lock-manufacturer]")!.TextContent.Trim());
        Assert.Contains("80", locked.QuerySelector("[data-testid=lock-battery]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("101", locked.TextContent, StringComparison.Ordinal);
        var unlocked = panel.Find("[data-testid=lock-102]");
        Assert.Equal("unlocked", unlocked.GetAttribute("data-state"));
        Assert.Equal("Yale", unlocked.QuerySelector("[data-testid=lock-manufacturer]")!.TextContent.Trim());
        var offline = panel.Find("[data-testid=lock-103]");
        Assert.Equal("offline", offline.GetAttribute("data-state"));
        Assert.Equal("Offline", offline.QuerySelector("[data-testid=lock-online]")!.TextContent.Trim());
        Assert.Contains("offline", panel.Find("[data-testid=lock-alert-offline-103]").TextContent, StringComparison.Ordinal);
        Assert.Empty(panel.FindAll("[data-testid=lock-999]"));
    }

    [Fact]
    public async Task ALowBatteryIsAlertedAndShownInWarningColour()
    {
        Hub.Devices = [FakeSmartRoomHub.Lock("101", battery: 0.15), FakeSmartRoomHub.Lock("102", battery: 0.2)];
        await ImportAsync();

        var panel = Ctx.Render<LockPanel>();

        panel.WaitForElement("[data-testid=lock-alert-battery-101]", Wait);
        Assert.Contains("15", panel.Find("[data-testid=lock-alert-battery-101]").TextContent, StringComparison.Ordinal);
        Assert.Empty(panel.FindAll("[data-testid=lock-alert-battery-102]"));
        Assert.Empty(panel.FindAll("[data-testid^=lock-alert-offline-]"));
        Assert.Contains("mud-warning-text", panel.Find("[data-testid=lock-101] [data-testid=lock-battery]").ClassName, StringComparison.Ordinal);
        Assert.DoesNotContain("mud-warning-text", panel.Find("[data-testid=lock-102] [data-testid=lock-battery]").ClassName, StringComparison.Ordinal);
        Assert.Equal("1", panel.Find("[data-testid=lock-alert-count]").TextContent.Trim());
    }

    [Fact]
    public async Task ALockThatChangesIsRedrawnWhenTheChangeIsPublished()
    {
        Hub.Devices = [FakeSmartRoomHub.Lock("101"), FakeSmartRoomHub.Lock("102")];
        await ImportAsync();
        var page = Ctx.RenderWithProviders<DeskConsole>();
        page.WaitForAssertion(() => Assert.Equal("locked", page.Find("[data-testid=lock-101]").GetAttribute("data-state")), Wait);
        var before = Hotel.Published.Changes.Count;

        // The hub reports the door unlocked and the battery nearly flat; the import announces it.
        Hub.Devices = [FakeSmartRoomHub.Lock("101", locked: false, doorOpen: true, battery: 0.05), FakeSmartRoomHub.Lock("102")];
        await ImportAsync();
        Assert.Equal("locked", page.Find("[data-testid=lock-101]").GetAttribute("data-state"));
        foreach (var change in Hotel.Published.Changes.Skip(before))
        {
            await Ctx.Notifier.PublishAsync(change);
        }

        page.WaitForAssertion(() => Assert.Equal("unlocked", page.Find("[data-testid=lock-101]").GetAttribute("data-state")), Wait);
        Assert.Equal("open", page.Find("[data-testid=lock-101]").GetAttribute("data-door"));
        Assert.NotNull(page.Find("[data-testid=lock-alert-battery-101]"));
        Assert.Equal("locked", page.Find("[data-testid=lock-102]").GetAttribute("data-state"));
    }

    /// <summary>Imports the fake hub's devices as a manager would, then signs the desk back in.</summary>
    private async Task ImportAsync()
    {
        Hotel.ActAs(StaffRole.Manager);
        try
        {
            await Hotel.Get<SmartRoomService>().ImportDevicesAsync(CancellationToken.None);
        }
        finally
        {
            Hotel.ActAs(Role);
        }
    }
}
