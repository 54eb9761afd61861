using Bunit;
using Stayfull.Domain.Reservations;
using Stayfull.Domain.Rooms;
using DeskConsole = Stayfull.Web.Components.Pages.FrontDesk.Console;

namespace Stayfull.Web.Tests.Components.FrontDesk;

public sealed class ConsoleTests : FrontDeskTestBase
{
    [Fact]
    public async Task ArrivalsListShowsTodaysArrivalsAndCheckInChecksTheGuestIn()
    {
        var booked = await BookAsync("Ada Lovelace", roomIndex: 0);
        await BookAsync("Next Week", fromToday: 7);

        var page = Ctx.RenderWithProviders<DeskConsole>();
        var row = page.WaitForElement($"[data-testid=arrivals-list] [data-testid=row-{booked.ConfirmationCode}]");
        Assert.Contains("Ada Lovelace", row.TextContent, StringComparison.Ordinal);
        Assert.Contains(Hotel.Rooms[0].Number, row.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Next Week", page.Find("[data-testid=arrivals-list]").TextContent, StringComparison.Ordinal);

        row.QuerySelector("[data-testid=check-in]")!.Click();

        page.WaitForAssertion(() => Assert.Contains("Ada Lovelace", page.Find("[data-testid=inhouse-list]").TextContent, StringComparison.Ordinal));
        Assert.Equal(ReservationStatus.CheckedIn, (await ReloadAsync(booked.Id)).Summary.Status);
    }

    [Fact]
    public async Task CheckInToADirtyRoomShowsWhyAndChangesNothing()
    {
        var booked = await BookAsync("Grace Hopper", roomIndex: 1);
        await Hotel.Get<RoomService>().SetHousekeepingAsync(Hotel.Rooms[1].Id, HousekeepingStatus.Dirty, CancellationToken.None);

        var page = Ctx.RenderWithProviders<DeskConsole>();
        page.WaitForElement($"[data-testid=row-{booked.ConfirmationCode}] [data-testid=check-in]").Click();

        page.WaitForAssertion(() => Assert.Contains($"Room {Hotel.Rooms[1].Number} is dirty", page.Markup, StringComparison.Ordinal));
        Assert.Equal(ReservationStatus.Confirmed, (await ReloadAsync(booked.Id)).Summary.Status);
        Assert.Empty(page.FindAll("[data-testid=inhouse-list] [data-testid^=row-]"));
    }

    [Fact]
    public async Task ArrivalWithoutARoomGetsOneFromTheAssignDialog()
    {
        var booked = await BookAsync("Alan Turing");

        var page = Ctx.RenderWithProviders<DeskConsole>();
        page.WaitForElement($"[data-testid=row-{booked.ConfirmationCode}] [data-testid=assign-room]").Click();
        page.WaitForElement("[data-testid=room-choice]").Change(Hotel.Rooms[2].Id.ToString());
        page.Find("[data-testid=confirm-assign]").Click();

        page.WaitForAssertion(() => Assert.NotNull(page.Find($"[data-testid=row-{booked.ConfirmationCode}] [data-testid=check-in]")));
        Assert.Equal(Hotel.Rooms[2].Number, (await ReloadAsync(booked.Id)).Summary.RoomNumber);
    }

    [Fact]
    public async Task AChangePublishedByAnotherUserAppearsInTheArrivalsListWithoutReload()
    {
        var page = Ctx.RenderWithProviders<DeskConsole>();
        page.WaitForElement("[data-testid=arrivals-list]");
        Assert.DoesNotContain("Katherine Johnson", page.Markup, StringComparison.Ordinal);

        // Another clerk books; the domain's announcement reaches this console through the notifier.
        var booked = await BookAsync("Katherine Johnson");
        foreach (var change in Hotel.Published.Changes)
        {
            await Ctx.Notifier.PublishAsync(change);
        }

        page.WaitForAssertion(() => Assert.Contains("Katherine Johnson", page.Find($"[data-testid=arrivals-list] [data-testid=row-{booked.ConfirmationCode}]").TextContent, StringComparison.Ordinal));
    }
}
