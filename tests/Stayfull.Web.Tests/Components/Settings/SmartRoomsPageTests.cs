using System.Reflection;
using Bunit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stayfull.Domain.SmartRooms;
using Stayfull.Domain.Tenancy;
using Stayfull.Web.Auth;
using Stayfull.Web.Components.Pages.Settings.SmartRooms;
using Stayfull.Web.Tests.Components.FrontDesk;

namespace Stayfull.Web.Tests.Components.Settings;

public sealed class SmartRoomsPageTests : FrontDeskTestBase
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);

    protected override StaffRole Role => StaffRole.Manager;

    private FakeSmartRoomHub Hub => Hotel.Services.GetRequiredService<FakeSmartRoomHub>();

    [Fact]
    public void ImportingShowsWhatCameInAndEachDeviceWithItsStateAndRoom()
    {
        UseDevices();
        var page = Ctx.RenderWithProviders<SmartRoomsPage>();
        page.WaitForElement("[data-testid=no-devices]", Wait);
        Assert.Equal("Demo workspace", page.Find("[data-testid=demo-workspace]").TextContent.Trim());

        page.Find("[data-testid=import-devices]").Click();

        page.WaitForAssertion(() => Assert.Contains("3 devices added, 0 updated, 2 mapped to rooms by name", page.Find("[data-testid=import-result]").TextContent, StringComparison.Ordinal), Wait);
        var mapped = page.Find("[data-testid=device-dev_lock_101]");
        Assert.Equal("101", mapped.GetAttribute("data-room"));
        Assert.Equal("August", mapped.QuerySelector("[data-testid=device-brand]")!.TextContent.Trim());
        Assert.Equal("Online", mapped.QuerySelector("[data-testid=device-online]")!.TextContent.Trim());
        Assert.Equal("Locked", mapped.QuerySelector("[data-testid=device-lock]")!.TextContent.Trim());
        Assert.Contains("80", mapped.QuerySelector("[data-testid=device-battery]")!.TextContent, StringComparison.Ordinal);
        var offline = page.Find("[data-testid=device-dev_lock_103]");
        Assert.Equal("Offline", offline.QuerySelector("[data-testid=device-online]")!.TextContent.Trim());
        Assert.Equal("Yale", offline.QuerySelector("[data-testid=device-brand]")!.TextContent.Trim());
        var spare = page.Find("[data-testid=device-dev_spare]");
        Assert.Equal("", spare.GetAttribute("data-room"));
        Assert.Contains("room 202", page.Find("[data-testid=suggestion-dev_spare]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PickingARoomMapsTheDeviceAndRoomsWithALockAreNotOffered()
    {
        UseDevices();
        await ImportAsync();
        var page = Ctx.RenderWithProviders<SmartRoomsPage>();
        var picker = page.WaitForElement("select[data-testid=device-room-dev_spare]", Wait);
        var room101 = Hotel.Rooms.Single(r => r.Number == "101").Id.ToString();
        Assert.True(picker.QuerySelector($"option[value='{room101}']")!.HasAttribute("disabled"), "room 101 already has a lock");

        var room201 = Hotel.Rooms.Single(r => r.Number == "201").Id;
        picker.Change(room201.ToString());

        page.WaitForAssertion(() => Assert.Equal("201", page.Find("[data-testid=device-dev_spare]").GetAttribute("data-room")), Wait);
        Assert.Contains("mapped to room 201", page.Find("[data-testid=import-result]").TextContent, StringComparison.Ordinal);
        await using var db = Hotel.Db();
        Assert.Equal(room201, (await db.RoomDevices.SingleAsync(d => d.SeamDeviceId == "dev_spare")).RoomId);
    }

    [Fact]
    public async Task ApplyingSuggestionsMapsTheSuggestedDevices()
    {
        UseDevices();
        await ImportAsync();
        var page = Ctx.RenderWithProviders<SmartRoomsPage>();
        page.WaitForElement("[data-testid=suggestion-dev_spare]", Wait);

        page.Find("[data-testid=apply-suggestions]").Click();

        page.WaitForAssertion(() => Assert.Equal("202", page.Find("[data-testid=device-dev_spare]").GetAttribute("data-room")), Wait);
        Assert.Contains("1 device mapped", page.Find("[data-testid=import-result]").TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("[data-testid^=suggestion-]"));
        Assert.True(page.Find("[data-testid=apply-suggestions]").HasAttribute("disabled"));
    }

    [Fact]
    public void TheMappingPageIsForManagers()
    {
        var policy = typeof(SmartRoomsPage).GetCustomAttribute<AuthorizeAttribute>()?.Policy;

        Assert.Equal(StaffPolicies.Manager, policy);
    }

    private void UseDevices() => Hub.Devices =
    [
        FakeSmartRoomHub.Lock("101"),
        FakeSmartRoomHub.Lock("103", online: false, manufacturer: "Yale"),
        FakeSmartRoomHub.Lock("999") with { Id = "dev_spare", DisplayName = "Rm202 side door" },
    ];

    private Task<DeviceImport> ImportAsync() => Hotel.Get<SmartRoomService>().ImportDevicesAsync(CancellationToken.None);
}

/// <summary>A front-desk member who opens the page is told why, and nothing is imported.</summary>
public sealed class SmartRoomsPageFrontDeskTests : FrontDeskTestBase
{
    [Fact]
    public async Task AFrontDeskMemberIsToldOnlyAManagerMapsDevicesAndNothingIsImported()
    {
        Hotel.Services.GetRequiredService<FakeSmartRoomHub>().Devices = [FakeSmartRoomHub.Lock("101")];
        var page = Ctx.RenderWithProviders<SmartRoomsPage>();
        page.WaitForElement("[data-testid=smart-rooms-error]", TimeSpan.FromSeconds(5));

        page.Find("[data-testid=import-devices]").Click();

        page.WaitForAssertion(() => Assert.Contains("Manager", page.Find("[data-testid=smart-rooms-error]").TextContent, StringComparison.Ordinal), TimeSpan.FromSeconds(5));
        await using var db = Hotel.Db();
        Assert.Empty(await db.RoomDevices.ToListAsync());
    }
}
