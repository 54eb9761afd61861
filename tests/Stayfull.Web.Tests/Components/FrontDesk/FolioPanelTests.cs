using System.Globalization;
using Bunit;
using Stayfull.Domain.Common;
using Stayfull.Domain.Folios;
using Stayfull.Web.Components.Pages.FrontDesk;

namespace Stayfull.Web.Tests.Components.FrontDesk;

public sealed class FolioPanelTests : FrontDeskTestBase
{
    [Fact]
    public async Task AddingAChargeAndRecordingAPaymentUpdateTheBalance()
    {
        var stay = await BookAsync("Ada Lovelace", nights: 2);
        var roomCharges = (await ReloadAsync(stay.Id)).Folio.Balance;
        var page = Ctx.RenderWithProviders<ReservationPage>(new Dictionary<string, object?> { [nameof(ReservationPage.Id)] = stay.Id });
        page.WaitForAssertion(() => Assert.Equal(Shown(roomCharges), Balance(page)));

        page.Find("[data-testid=charge-description]").Input("Minibar");
        page.Find("[data-testid=charge-amount]").Input("12.50");
        page.Find("[data-testid=add-charge]").Click();
        var withCharge = roomCharges + Money.FromMajor(12.50m, roomCharges.Currency);
        page.WaitForAssertion(() => Assert.Equal(Shown(withCharge), Balance(page)));

        page.Find("[data-testid=payment-amount]").Input("100");
        page.Find("[data-testid=record-payment]").Click();
        var afterPayment = withCharge - Money.FromMajor(100m, roomCharges.Currency);
        page.WaitForAssertion(() => Assert.Equal(Shown(afterPayment), Balance(page)));

        var folio = (await ReloadAsync(stay.Id)).Folio;
        Assert.Equal(afterPayment, folio.Balance);
        Assert.Contains(folio.Entries, e => e.Kind == FolioEntryKind.Charge && e.Description == "Minibar" && e.AmountMinor == 1250);
    }

    [Fact]
    public async Task AZeroPaymentIsRefusedWithAMessageAndPostsNothing()
    {
        var stay = await BookAsync("Grace Hopper");
        var page = Ctx.RenderWithProviders<ReservationPage>(new Dictionary<string, object?> { [nameof(ReservationPage.Id)] = stay.Id });
        page.WaitForElement("[data-testid=record-payment]");

        page.Find("[data-testid=payment-amount]").Input("0");
        page.Find("[data-testid=record-payment]").Click();

        page.WaitForAssertion(() => Assert.Contains("The amount must be above zero.", page.Markup, StringComparison.Ordinal));
        Assert.DoesNotContain((await ReloadAsync(stay.Id)).Folio.Entries, e => e.Kind == FolioEntryKind.Payment);
    }

    [Fact]
    public async Task FrontDeskIsNotOfferedRefunds()
    {
        var stay = await BookAsync("Alan Turing");
        var page = Ctx.RenderWithProviders<ReservationPage>(new Dictionary<string, object?> { [nameof(ReservationPage.Id)] = stay.Id });
        page.WaitForElement("[data-testid=record-payment]");

        Assert.Empty(page.FindAll("[data-testid=refund]"));
        Assert.Equal("Confirmed", page.Find("[data-testid=reservation-status]").TextContent);
    }

    private static string Shown(Money money) => money.Format(CultureInfo.CurrentCulture);

    private static string Balance(Bunit.IRenderedComponent<Bunit.Rendering.ContainerFragment> page) =>
        page.Find("[data-testid=folio-balance]").TextContent.Trim();
}
