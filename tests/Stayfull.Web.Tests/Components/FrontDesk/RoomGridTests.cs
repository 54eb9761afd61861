using Bunit;
using Stayfull.Web.Components.Pages.FrontDesk;

namespace Stayfull.Web.Tests.Components.FrontDesk;

public sealed class RoomGridTests : FrontDeskTestBase
{
    [Fact]
    public async Task RoomGridShowsEveryRoomForFourteenDaysWithABarOverABookingsNights()
    {
        var assigned = await BookAsync("Ada Lovelace", fromToday: 2, nights: 3, roomIndex: 1);
        var waiting = await BookAsync("Grace Hopper", fromToday: 1, nights: 1);

        var page = Ctx.RenderWithProviders<RoomGridPage>();

        page.WaitForAssertion(() => Assert.Equal(Hotel.Rooms.Count, page.FindAll("[data-testid^=grid-room-]").Count));
        Assert.Equal(14, page.FindAll("[data-testid^=grid-date-]").Count);
        Assert.NotNull(page.Find($"[data-testid=grid-date-{Hotel.Today:yyyy-MM-dd}]"));

        var row = page.Find($"[data-testid=grid-room-{Hotel.Rooms[1].Number}]");
        var bar = row.QuerySelector($"[data-testid=bar-{assigned.ConfirmationCode}]");
        Assert.NotNull(bar);
        Assert.Equal("Ada Lovelace", bar.TextContent.Trim());
        Assert.Equal($"reservations/{assigned.Id}", bar.GetAttribute("href"));
        Assert.Equal("3", bar.ParentElement!.GetAttribute("colspan"));

        // One room column, then two free nights before the bar starts.
        Assert.Equal(1 + 2 + 1 + (14 - 2 - 3), row.Children.Length);
        Assert.Contains("Grace Hopper", page.Find("[data-testid=grid-unassigned]").TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(waiting.ConfirmationCode, row.InnerHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MovingTheGridAWeekAheadClipsAStayThatStartedBefore()
    {
        var stay = await BookAsync("Long Stay", fromToday: 5, nights: 4, roomIndex: 0);

        var page = Ctx.RenderWithProviders<RoomGridPage>();
        page.WaitForElement($"[data-testid=bar-{stay.ConfirmationCode}]");
        page.Find("[data-testid=grid-next]").Click();

        page.WaitForAssertion(() => Assert.NotNull(page.Find($"[data-testid=grid-date-{Hotel.Today.AddDays(7):yyyy-MM-dd}]")));
        var bar = page.Find($"[data-testid=bar-{stay.ConfirmationCode}]");
        Assert.Equal("2", bar.ParentElement!.GetAttribute("colspan"));
        Assert.Contains("before", bar.ClassList);
    }
}
