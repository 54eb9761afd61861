using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Stayfull.Domain.Reservations;
using Stayfull.Web.Components.Pages.FrontDesk;

namespace Stayfull.Web.Tests.Components.FrontDesk;

public sealed class ChangeDatesDialogTests : FrontDeskTestBase
{
    protected override int RoomTypes => 1;

    protected override int RoomsPerType => 1;

    [Fact]
    public async Task ExtendingTheStaySavesTheNewDepartureAndPricesTheExtraNight()
    {
        var stay = await BookAsync("Ada Lovelace", fromToday: 1, nights: 2);
        var page = OpenDialog(stay.Id);

        page.Find("[data-testid=change-departure]").Change(Hotel.Today.AddDays(4).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        page.Find("[data-testid=confirm-change-dates]").Click();

        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-testid=confirm-change-dates]")));
        var details = await ReloadAsync(stay.Id);
        Assert.Equal(Hotel.Today.AddDays(4), details.Summary.Departure);
        Assert.Equal(3, details.Folio.Entries.Count(e => e.Kind == Stayfull.Domain.Folios.FolioEntryKind.RoomNight));
    }

    [Fact]
    public async Task ASoldOutNightIsExplainedInTheDialogAndNothingChanges()
    {
        var stay = await BookAsync("Ada Lovelace", fromToday: 1, nights: 2);
        await BookAsync("Grace Hopper", fromToday: 3, nights: 1);
        var page = OpenDialog(stay.Id);

        page.Find("[data-testid=change-departure]").Change(Hotel.Today.AddDays(4).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        page.Find("[data-testid=confirm-change-dates]").Click();

        page.WaitForAssertion(() => Assert.Contains("Sold out", page.Find("[data-testid=change-dates-error]").TextContent, StringComparison.Ordinal));
        Assert.Equal(Hotel.Today.AddDays(3), (await ReloadAsync(stay.Id)).Summary.Departure);
    }

    private IRenderedComponent<Bunit.Rendering.ContainerFragment> OpenDialog(Guid reservationId)
    {
        Ctx.Services.AddScoped(_ => Hotel.Get<StayChangeService>());
        var page = Ctx.RenderWithProviders<ReservationPage>(new Dictionary<string, object?> { [nameof(ReservationPage.Id)] = reservationId });
        page.WaitForElement("[data-testid=change-dates]").Click();
        page.WaitForElement("[data-testid=confirm-change-dates]");
        return page;
    }
}
