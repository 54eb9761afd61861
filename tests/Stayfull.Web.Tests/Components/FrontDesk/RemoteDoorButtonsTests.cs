using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stayfull.Domain.SmartRooms;
using Stayfull.Domain.SmartRooms.StaffAccess;
using Stayfull.Domain.Tenancy;
using Stayfull.Web.Components.Pages.FrontDesk;

namespace Stayfull.Web.Tests.Components.FrontDesk;

public sealed class RemoteDoorButtonsTests : FrontDeskTestBase
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task TheDeskSeesLockAndUnlockOnEachLockTile()
    {
        await ImportAsync();

        var panel = Ctx.Render<LockPanel>();

        panel.WaitForElement("[data-testid=remote-unlock-101]", Wait);
        Assert.NotNull(panel.Find("[data-testid=remote-lock-101]"));
        Assert.NotNull(panel.Find("[data-testid=remote-unlock-102]"));
    }

    [Fact]
    public async Task HousekeepingDoesNotSeeTheButtons()
    {
        await ImportAsync();
        await using var housekeeping = new MudTestContext().UseHotel(Hotel, StaffRole.Housekeeping);

        var buttons = housekeeping.Render<RemoteDoorButtons>(p => p.Add(b => b.RoomId, Hotel.Rooms[0].Id).Add(b => b.RoomNumber, "101"));

        buttons.WaitForAssertion(() => Assert.Empty(buttons.FindAll("[data-testid=remote-unlock-101]")), Wait);
        Assert.Empty(buttons.FindAll("[data-testid=remote-lock-101]"));
    }

    [Fact]
    public async Task UnlockAsksForAReasonAndSendsNothingWithoutOne()
    {
        await ImportAsync();
        var page = Ctx.RenderWithProviders<RemoteDoorButtons>(new Dictionary<string, object?> { ["RoomId"] = Hotel.Rooms[0].Id, ["RoomNumber"] = "101" });
        page.WaitForElement("[data-testid=remote-unlock-101]", Wait).Click();

        page.WaitForElement("[data-testid=confirm-reason]", Wait).Click();

        page.WaitForAssertion(() => Assert.Contains("Give a reason", page.Markup, StringComparison.Ordinal), Wait);
        Assert.Empty(await CommandsAsync());

        page.Find("textarea[data-testid=reason], [data-testid=reason] textarea, input[data-testid=reason]").Change("Guest locked out");
        page.Find("[data-testid=confirm-reason]").Click();

        page.WaitForAssertion(() => Assert.Equal("pending", page.Find("[data-testid=remote-door-status-101]").GetAttribute("data-status")), Wait);
        var command = Assert.Single(await CommandsAsync());
        Assert.Equal(RemoteDoorAction.Unlock, command.Action);
        Assert.Equal("Guest locked out", command.Reason);
        Assert.True(page.Find("[data-testid=remote-unlock-101]").HasAttribute("disabled"));
    }

    [Fact]
    public async Task AFailedRequestShowsWhyOnTheTile()
    {
        await ImportAsync();
        await Hotel.Get<RemoteDoorService>().RequestAsync(Hotel.Rooms[0].Id, RemoteDoorAction.Lock, "door left open", Guid.NewGuid(), CancellationToken.None);
        await using (var db = Hotel.Db())
        {
            var stored = await db.Set<RemoteDoorCommand>().SingleAsync();
            stored.Fail("The bolt is jammed.", Hotel.Time.GetUtcNow());
            await db.SaveChangesAsync();
        }

        var buttons = Ctx.Render<RemoteDoorButtons>(p => p.Add(b => b.RoomId, Hotel.Rooms[0].Id).Add(b => b.RoomNumber, "101"));

        buttons.WaitForAssertion(() => Assert.Equal("failed", buttons.Find("[data-testid=remote-door-status-101]").GetAttribute("data-status")), Wait);
        Assert.Contains("jammed", buttons.Find("[data-testid=remote-door-status-101]").TextContent, StringComparison.Ordinal);
        Assert.False(buttons.Find("[data-testid=remote-lock-101]").HasAttribute("disabled"));
    }

    private async Task<List<RemoteDoorCommand>> CommandsAsync()
    {
        await using var db = Hotel.Db();
        return await db.Set<RemoteDoorCommand>().ToListAsync();
    }

    private async Task ImportAsync()
    {
        Hotel.Services.GetRequiredService<FakeSmartRoomHub>().Devices = [FakeSmartRoomHub.Lock("101"), FakeSmartRoomHub.Lock("102")];
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
