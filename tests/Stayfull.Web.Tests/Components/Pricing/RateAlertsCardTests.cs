using Bunit;
using Microsoft.EntityFrameworkCore;
using Stayfull.Domain.Pricing;
using Stayfull.Domain.Tenancy;
using Stayfull.Web.Components.Pages.Manager;

namespace Stayfull.Web.Tests.Components.Pricing;

public sealed class RateAlertsCardTests : BackOfficeTestContext
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task An_undercut_alert_shows_on_the_dashboard_and_acknowledging_it_clears_it()
    {
        var alert = await UndercutAlertAsync();

        var page = RenderPage<ManagerDashboard>();
        var row = page.WaitForElement($"[data-testid=rate-alert-{alert.Id}]", Wait);
        Assert.Equal(nameof(RateAlertKind.CompetitorUndercut), row.GetAttribute("data-kind"));
        Assert.Contains(alert.RoomType, row.TextContent, StringComparison.Ordinal);
        Assert.Contains(alert.Message, row.TextContent, StringComparison.Ordinal);

        row.QuerySelector("[data-testid=acknowledge]")!.Click();

        page.WaitForAssertion(() => Assert.Empty(page.FindAll($"[data-testid=rate-alert-{alert.Id}]")), Wait);
        await using var db = Hotel.Db();
        Assert.NotNull((await db.RateAlerts.SingleAsync(a => a.Id == alert.Id)).AcknowledgedAt);
    }

    [Fact]
    public async Task An_alert_acknowledged_by_someone_else_disappears_without_reload()
    {
        var alert = await UndercutAlertAsync();
        SignInAs(StaffRole.FrontDesk);
        var card = Context.Render<RateAlertsCard>();
        card.WaitForElement($"[data-testid=rate-alert-{alert.Id}]", Wait);
        var before = Hotel.Published.Changes.Count;
        var shown = card.Find("[data-testid=rate-alert-count]").TextContent.Trim();

        // Another member acknowledges; the domain's announcement reaches this card through the notifier.
        await Hotel.Get<RateAlertService>().AcknowledgeAsync(alert.Id, CancellationToken.None);
        Assert.NotEmpty(card.FindAll($"[data-testid=rate-alert-{alert.Id}]"));
        foreach (var change in Hotel.Published.Changes.Skip(before))
        {
            await Context.Notifier.PublishAsync(change);
        }

        card.WaitForAssertion(() => Assert.Empty(card.FindAll($"[data-testid=rate-alert-{alert.Id}]")), Wait);
        Assert.Equal((int.Parse(shown, System.Globalization.CultureInfo.InvariantCulture) - 1).ToString(System.Globalization.CultureInfo.InvariantCulture), card.Find("[data-testid=rate-alert-count]").TextContent.Trim());
    }

    [Fact]
    public async Task A_new_alert_appears_live_when_a_recompute_raises_it()
    {
        var card = Context.Render<RateAlertsCard>();
        card.WaitForElement("[data-testid=rate-alerts]", Wait);
        Assert.Equal("0", card.Find("[data-testid=rate-alert-count]").TextContent.Trim());

        var alert = await UndercutAlertAsync();
        foreach (var change in Hotel.Published.Changes)
        {
            await Context.Notifier.PublishAsync(change);
        }

        card.WaitForElement($"[data-testid=rate-alert-{alert.Id}]", Wait);
    }

    /// <summary>A competitor at half our base rate on a date we have rooms: the recompute raises an undercut alert.</summary>
    private async Task<RateAlertView> UndercutAlertAsync()
    {
        var type = Hotel.RoomTypes[0];
        var date = Hotel.Today; // listed first: the card shows the nearest dates
        await PricingMarket.PriceAsync(Hotel, type.Id, type.BaseRateMinor / 2, date);
        Hotel.ActAs(StaffRole.Manager);
        await Hotel.Get<PricingService>().RecomputeAsync(CancellationToken.None);
        Hotel.ActAs(StaffRole.Owner);
        return Assert.Single(await Hotel.Get<RateAlertService>().OpenAsync(CancellationToken.None), a => a.Kind == RateAlertKind.CompetitorUndercut && a.Date == date && a.RoomTypeId == type.Id);
    }
}
