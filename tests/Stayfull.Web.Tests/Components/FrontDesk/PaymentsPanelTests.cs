using Bunit;
using Microsoft.EntityFrameworkCore;
using Stayfull.Domain.Payments;
using Stayfull.Web.Components.Pages.FrontDesk;

namespace Stayfull.Web.Tests.Components.FrontDesk;

public sealed class PaymentsPanelTests : FrontDeskTestBase
{
    [Fact]
    public async Task SendingAPaymentLinkShowsTheLinkAndListsThePaymentInDemoMode()
    {
        var stay = await BookAsync("Ada Lovelace", fromToday: 3);
        var page = Ctx.RenderWithProviders<ReservationPage>(new Dictionary<string, object?> { [nameof(ReservationPage.Id)] = stay.Id });
        page.WaitForElement("[data-testid=no-card-payments]");
        Assert.NotNull(page.Find("[data-testid=card-payments-demo]"));

        page.Find("[data-testid=send-payment-link]").Click();

        page.WaitForAssertion(() => Assert.Contains("/pay/cs_test_", page.Find("input[data-testid=payment-link-url]").GetAttribute("value"), StringComparison.Ordinal));
        page.WaitForAssertion(() => Assert.Equal("Payment link", page.Find("[data-testid=card-payment-kind]").TextContent));
        await using var db = Hotel.Db();
        var payment = await db.Payments.SingleAsync(p => p.ReservationId == stay.Id);
        Assert.Equal(PaymentKind.Balance, payment.Kind);
        Assert.Equal((await ReloadAsync(stay.Id)).Folio.Balance.Minor, payment.AmountMinor);
    }

    [Fact]
    public async Task FrontDeskIsNotOfferedRefundsToTheCard()
    {
        var stay = await BookAsync("Grace Hopper", fromToday: 3);
        var page = Ctx.RenderWithProviders<ReservationPage>(new Dictionary<string, object?> { [nameof(ReservationPage.Id)] = stay.Id });
        page.WaitForElement("[data-testid=card-payments]");

        Assert.Empty(page.FindAll("[data-testid=card-refund]"));
    }
}
