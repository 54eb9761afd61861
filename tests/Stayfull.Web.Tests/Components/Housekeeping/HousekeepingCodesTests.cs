using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stayfull.Domain.Data;
using Stayfull.Domain.Hotels;
using Stayfull.Domain.Live;
using Stayfull.Domain.Rooms;
using Stayfull.Domain.SmartRooms;
using Stayfull.Domain.SmartRooms.StaffAccess;
using Stayfull.Domain.Tenancy;
using Stayfull.Web.Components.Pages.Housekeeping;

namespace Stayfull.Web.Tests.Components.Housekeeping;

public sealed class HousekeepingCodesTests : BackOfficeTestContext
{
    /// <summary>The account <see cref="BackOfficeTestContext.SignInAs"/> signs in as housekeeping.</summary>
    private const string Me = "user-Housekeeping";
    private const string Colleague = "user-colleague";

    [Fact]
    public async Task TheHousekeeperSeesTheirOwnCodeAppearWhenTheLockHasItAndNobodyElses()
    {
        await ArrangeAsync();
        var mine = await StartShiftAsync(Me);
        var theirs = await StartShiftAsync(Colleague);
        SignInAs(StaffRole.Housekeeping);

        var page = RenderPage<HousekeepingBoard>();
        page.WaitForElement("[data-testid=my-shift-code-pending]");
        Assert.Single(page.FindAll("[data-testid=my-shift]"));
        Assert.Equal("requested", page.Find("[data-testid=my-room-code-101]").GetAttribute("data-status"));
        Assert.Empty(page.FindAll("[data-testid=shifts-panel]"));

        var (myCode, theirCode) = await SetAllCodesAsync(mine, theirs);
        await Context.Notifier.PublishAsync(new HotelChange(Hotel.HotelId, ChangeTopic.Locks, mine, "Housekeeping code ready for room 101"));

        page.WaitForAssertion(() => Assert.Equal(myCode, page.Find("[data-testid=my-shift-code]").TextContent.Trim()));
        Assert.Equal("ready", page.Find("[data-testid=my-room-code-101]").GetAttribute("data-status"));
        Assert.Equal("ready", page.Find("[data-testid=my-room-code-102]").GetAttribute("data-status"));
        Assert.DoesNotContain(theirCode, page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AManagerSeesTheShiftsWithoutTheirDigitsAndCanEndOneNow()
    {
        await ArrangeAsync();
        var shiftId = await StartShiftAsync(Colleague);
        var (_, code) = await SetAllCodesAsync(Guid.Empty, shiftId);
        SignInAs(StaffRole.Manager);

        var page = RenderPage<HousekeepingBoard>();
        page.WaitForElement($"[data-testid=shift-{shiftId}]");
        Assert.Equal("ready", page.Find($"[data-testid=shift-{shiftId}] [data-testid=shift-room-101]").GetAttribute("data-status"));
        Assert.DoesNotContain(code, page.Markup, StringComparison.Ordinal);

        page.Find($"[data-testid=end-shift-{shiftId}]").Click();

        page.WaitForAssertion(() => Assert.Equal("ended", page.Find($"[data-testid=shift-{shiftId}]").GetAttribute("data-status")));
        await using var db = Hotel.Db();
        Assert.Equal(ShiftStatus.Ended, (await db.Set<HousekeepingShift>().SingleAsync()).Status);
    }

    /// <summary>Locks on 101 and 102 (both dirty), and two housekeepers on the staff.</summary>
    private async Task ArrangeAsync()
    {
        await using (var platform = Hotel.Services.GetRequiredService<StayfullDb>().ForPlatform())
        {
            platform.Users.Add(new StaffUser { Id = Me, UserName = "me@test", Email = "me@test", DisplayName = "Hana Housekeeper" });
            platform.Users.Add(new StaffUser { Id = Colleague, UserName = "colleague@test", Email = "colleague@test", DisplayName = "Ivo Housekeeper" });
            await platform.SaveChangesAsync();
        }

        await using var db = Hotel.Db();
        db.Memberships.Add(new HotelMembership(Hotel.HotelId, Me, StaffRole.Housekeeping));
        db.Memberships.Add(new HotelMembership(Hotel.HotelId, Colleague, StaffRole.Housekeeping));
        foreach (var number in new[] { "101", "102" })
        {
            var room = await db.Rooms.SingleAsync(r => r.Number == number);
            room.SetHousekeeping(HousekeepingStatus.Dirty);
            var device = new RoomDevice(Hotel.HotelId, new SmartDevice($"dev_{number}", "august_lock", $"Room {number} lock", "August", "Wi-Fi", true, true, false, 0.8, [SmartDeviceCapabilities.Lock, SmartDeviceCapabilities.AccessCode], [], [6], [], []), Hotel.Time.GetUtcNow());
            device.MapTo(room.Id);
            db.RoomDevices.Add(device);
        }

        await db.SaveChangesAsync();
    }

    private async Task<Guid> StartShiftAsync(string userId)
    {
        Hotel.ActAs(StaffRole.Manager);
        var now = TimeOnly.FromDateTime(Hotel.Time.GetUtcNow().UtcDateTime);
        var shift = await Hotel.Get<HousekeepingShiftService>().StartShiftAsync(new StartShiftRequest(userId, Hotel.Today, now, now.AddHours(6)), CancellationToken.None);
        return shift.Id;
    }

    /// <summary>What the hub and its events would do: every code of the shifts accepted and set on its lock.</summary>
    private async Task<(string Mine, string Theirs)> SetAllCodesAsync(Guid mine, Guid theirs)
    {
        await using var db = Hotel.Db();
        var shifts = await db.Set<HousekeepingShift>().ToDictionaryAsync(h => h.Id);
        var sequence = 0;
        foreach (var code in await db.Set<ShiftRoomCode>().ToListAsync())
        {
            code.Accepted($"ac_{++sequence}", null, alreadySet: false, Hotel.Time.GetUtcNow());
            code.SetOnDevice(shifts[code.ShiftId].Code, Hotel.Time.GetUtcNow());
        }

        await db.SaveChangesAsync();
        return (shifts.GetValueOrDefault(mine)?.Code ?? "", shifts[theirs].Code!);
    }
}
