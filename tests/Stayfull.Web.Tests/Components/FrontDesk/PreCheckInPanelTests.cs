using Bunit;
using Stayfull.Domain.CheckIn;
using Stayfull.Web.Components.Pages.FrontDesk;
using DeskConsole = Stayfull.Web.Components.Pages.FrontDesk.Console;

namespace Stayfull.Web.Tests.Components.FrontDesk;

public sealed class PreCheckInPanelTests : FrontDeskTestBase
{
    [Fact]
    public async Task TheDeskCompletesAStepTheGuestSkippedAndSeesItsNameOnIt()
    {
        var stay = await BookAsync("Ada Lovelace", fromToday: 1);
        var page = Ctx.RenderWithProviders<ReservationPage>(new Dictionary<string, object?> { [nameof(ReservationPage.Id)] = stay.Id });

        page.WaitForElement("[data-testid=precheckin-complete-2]").Click();

        page.WaitForAssertion(() => Assert.Contains("FrontDesk tester (desk)", page.Find("[data-testid=precheckin-step-2]").TextContent, StringComparison.Ordinal));
        Assert.Contains("/checkin/", page.Find("input[data-testid=precheckin-link]").GetAttribute("value"), StringComparison.Ordinal);
        Assert.True((await Hotel.Get<GuestCheckInService>().PreCheckInStatusAsync(stay.Id, CancellationToken.None)).Steps.Single(s => s.Step == CheckInStep.Details).Done);
    }

    [Fact]
    public async Task AGuestWhoFinishedOnlineIsMarkedOnTheArrivalsList()
    {
        var online = await BookAsync("Ada Lovelace");
        await BookAsync("Grace Hopper");
        foreach (var step in Enum.GetValues<CheckInStep>())
        {
            await Hotel.Get<GuestCheckInService>().StaffCompleteStepAsync(online.Id, step, CancellationToken.None);
        }

        var page = Ctx.RenderWithProviders<DeskConsole>();

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=arrivals-list] [data-testid=arrival-prechecked-in]")));
        Assert.NotNull(page.Find($"[data-testid=arrivals-list] [data-testid=row-{online.ConfirmationCode}] [data-testid=arrival-prechecked-in]"));
    }
}
