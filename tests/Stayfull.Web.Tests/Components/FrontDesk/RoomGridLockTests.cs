using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Stayfull.Domain.SmartRooms;
using Stayfull.Domain.Tenancy;
using Stayfull.Web.Components.Pages.FrontDesk;

namespace Stayfull.Web.Tests.Components.FrontDesk;

/// <summary>Each room's lock on the room grid: its state as an icon, a battery mark when low, redrawn when a lock changes.</summary>
public sealed class RoomGridLockTests : FrontDeskTestBase
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);

    private FakeSmartRoomHub Hub => Hotel.Services.GetRequiredService<FakeSmartRoomHub>();

    [Fact]
    public async Task EachRoomWithALockShowsItsStateAndALowBattery()
    {
        Hub.Devices =
        [
            FakeSmartRoomHub.Lock("101"),
            FakeSmartRoomHub.Lock("102", locked: false, battery: 0.1),
            FakeSmartRoomHub.Lock("103", online: false),
        ];
        await ImportAsync();

        var page = Ctx.RenderWithProviders<RoomGridPage>();

        page.WaitForElement("[data-testid=grid-lock-101]", Wait);
        Assert.Equal("locked", page.Find("[data-testid=grid-lock-101]").GetAttribute("data-state"));
        Assert.Equal("ok", page.Find("[data-testid=grid-lock-101]").GetAttribute("data-battery"));
        Assert.Equal("unlocked", page.Find("[data-testid=grid-lock-102]").GetAttribute("data-state"));
        Assert.Equal("low", page.Find("[data-testid=grid-lock-102]").GetAttribute("data-battery"));
        Assert.NotNull(page.Find("[data-testid=grid-battery-102]"));
        Assert.Empty(page.FindAll("[data-testid=grid-battery-101]"));
        Assert.Equal("offline", page.Find("[data-testid=grid-lock-103]").GetAttribute("data-state"));
        Assert.NotNull(page.Find("[data-testid=grid-room-101] [data-testid=grid-lock-101]"));

        // Rooms of the second type have no lock: no icon.
        Assert.Empty(page.FindAll("[data-testid=grid-lock-201]"));
    }

    [Fact]
    public async Task AnUnlockReportedByTheHubRedrawsTheRoomsIconWhenPublished()
    {
        Hub.Devices = [FakeSmartRoomHub.Lock("101"), FakeSmartRoomHub.Lock("102")];
        await ImportAsync();
        var page = Ctx.RenderWithProviders<RoomGridPage>();
        page.WaitForAssertion(() => Assert.Equal("locked", page.Find("[data-testid=grid-lock-101]").GetAttribute("data-state")), Wait);
        var before = Hotel.Published.Changes.Count;

        await SmartRoomEvents.ApplyAsync(Hotel, "lock.unlocked", "dev_lock_101");
        Assert.Equal("locked", page.Find("[data-testid=grid-lock-101]").GetAttribute("data-state"));
        foreach (var change in Hotel.Published.Changes.Skip(before))
        {
            await Ctx.Notifier.PublishAsync(change);
        }

        page.WaitForAssertion(() => Assert.Equal("unlocked", page.Find("[data-testid=grid-lock-101]").GetAttribute("data-state")), Wait);
        Assert.Equal("locked", page.Find("[data-testid=grid-lock-102]").GetAttribute("data-state"));
        Assert.NotNull(page.Find("[data-testid=grid-room-101]"));
    }

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
