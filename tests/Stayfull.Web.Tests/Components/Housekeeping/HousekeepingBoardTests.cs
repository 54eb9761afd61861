using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Stayfull.Domain.Reservations;
using Stayfull.Domain.Rooms;
using Stayfull.Domain.Tenancy;
using Stayfull.Web.Components.Pages.Housekeeping;

namespace Stayfull.Web.Tests.Components.Housekeeping;

public sealed class HousekeepingBoardTests : BackOfficeTestContext
{
    [Fact]
    public async Task ClickingDirtyMarksTheRoomDirtyInTheDatabase()
    {
        SignInAs(StaffRole.Housekeeping);
        var page = RenderPage<HousekeepingBoard>();
        page.WaitForAssertion(() => Assert.Contains("room-status-clean", page.Find("[data-testid=room-101]").ClassName, StringComparison.Ordinal));

        page.Find("[data-testid=set-dirty-101]").Click();

        page.WaitForAssertion(() => Assert.Contains("room-status-dirty", page.Find("[data-testid=room-101]").ClassName, StringComparison.Ordinal));
        await using var db = Hotel.Db();
        Assert.Equal(HousekeepingStatus.Dirty, (await db.Rooms.SingleAsync(r => r.Number == "101")).Housekeeping);
        Assert.Equal(HousekeepingStatus.Clean, (await db.Rooms.SingleAsync(r => r.Number == "102")).Housekeeping);
    }

    [Fact]
    public async Task TakingAnOccupiedRoomOutOfOrderIsRefusedWithTheReason()
    {
        var room = Hotel.Rooms.Single(r => r.Number == "101");
        var stay = await Hotel.Get<BookingService>().BookAsync(
            new BookingRequest { RoomTypeId = room.RoomTypeId, Arrival = Hotel.Today, Departure = Hotel.Today.AddDays(2), GuestName = "Alan Turing", RoomId = room.Id },
            CancellationToken.None);
        await Hotel.Get<ReservationService>().CheckInAsync(stay.Id, CancellationToken.None);
        SignInAs(StaffRole.Housekeeping);
        var page = RenderPage<HousekeepingBoard>();
        page.WaitForAssertion(() => page.Find("[data-testid=set-outoforder-101]"));

        page.Find("[data-testid=set-outoforder-101]").Click();

        var snackbar = Context.Services.GetRequiredService<ISnackbar>();
        page.WaitForAssertion(() => Assert.Contains(snackbar.ShownSnackbars, s => s.Message?.Contains("occupied", StringComparison.Ordinal) == true));
        await using var db = Hotel.Db();
        Assert.NotEqual(HousekeepingStatus.OutOfOrder, (await db.Rooms.SingleAsync(r => r.Id == room.Id)).Housekeeping);
        Assert.DoesNotContain("room-status-outoforder", page.Find("[data-testid=room-101]").ClassName, StringComparison.Ordinal);
    }

    [Fact]
    public void TheStatusFilterShowsOnlyRoomsWithThatStatus()
    {
        SignInAs(StaffRole.Housekeeping);
        var page = RenderPage<HousekeepingBoard>();
        page.WaitForAssertion(() => page.Find("[data-testid=set-dirty-201]"));
        page.Find("[data-testid=set-dirty-201]").Click();
        page.WaitForAssertion(() => Assert.Contains("room-status-dirty", page.Find("[data-testid=room-201]").ClassName, StringComparison.Ordinal));

        page.Find("[data-testid=filter-dirty]").Click();

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid^=room-]")));
        Assert.Equal("room-201", page.Find("[data-testid^=room-]").GetAttribute("data-testid"));
    }
}
