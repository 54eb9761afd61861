using System.Globalization;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Stayfull.Domain.Pricing;
using Stayfull.Web.Components.Pages.Settings.Pricing;

namespace Stayfull.Web.Tests.Components.Pricing;

public sealed class PricingSettingsTests : BackOfficeTestContext
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_ceiling_below_the_floor_is_explained_and_nothing_is_saved()
    {
        var page = RenderPage<GuardrailsSettings>();
        page.WaitForElement("[data-testid=ceiling-T1]", Wait).Change("10");
        page.Find("[data-testid=save-guardrails-T1]").Click();

        page.WaitForAssertion(() => Assert.Contains("The ceiling must not be below the floor.", page.Find("[data-testid=guardrails-error-T1]").TextContent, StringComparison.Ordinal), Wait);
        await using var db = Hotel.Db();
        Assert.False(await db.RoomTypePricing.AnyAsync());
    }

    [Fact]
    public async Task Good_guardrails_and_autopilot_are_saved()
    {
        var page = RenderPage<GuardrailsSettings>();
        page.WaitForElement("[data-testid=floor-T1]", Wait).Change("80");
        page.Find("[data-testid=ceiling-T1]").Change("300");
        page.Find("[data-testid=max-change-T1]").Change("20");
        page.Find("[data-testid=autopilot-change-T1]").Change("10");
        page.Find("[data-testid=save-guardrails-T1]").Click();

        await using var db = Hotel.Db();
        page.WaitForAssertion(() => Assert.True(db.RoomTypePricing.Any()), Wait);
        var saved = await db.RoomTypePricing.SingleAsync();
        Assert.Equal((Hotel.RoomTypes[0].Id, 80_00L, 300_00L, 0.2m, 0.1m), (saved.RoomTypeId, saved.FloorMinor, saved.CeilingMinor, saved.MaxDailyChange, saved.AutopilotMaxChange));
        Assert.Empty(page.FindAll("[data-testid=guardrails-error-T1]"));
    }

    [Fact]
    public async Task A_weight_out_of_range_is_explained_and_nothing_is_saved()
    {
        var page = RenderPage<WeightsSettings>();
        page.WaitForElement("[data-testid=weight-competitors]", Wait).Change("2");
        page.Find("[data-testid=save-weights]").Click();

        page.WaitForAssertion(() => Assert.Contains("The competitor weight must be between 0 and 1.", page.Find("[data-testid=weights-error]").TextContent, StringComparison.Ordinal), Wait);
        await using var db = Hotel.Db();
        Assert.False(await db.PricingSettings.AnyAsync());
    }

    [Fact]
    public async Task Good_weights_are_saved_and_reset_puts_the_defaults_back()
    {
        var page = RenderPage<WeightsSettings>();
        page.WaitForElement("[data-testid=weight-competitors]", Wait).Change("1");
        page.Find("[data-testid=threshold-undercut]").Change("20");
        page.Find("[data-testid=save-weights]").Click();

        await using var db = Hotel.Db();
        page.WaitForAssertion(() => Assert.True(db.PricingSettings.Any()), Wait);
        var saved = await db.PricingSettings.AsNoTracking().SingleAsync();
        Assert.Equal((1m, 0.2m), (saved.Weights.Competitors, saved.UndercutThreshold));

        page.Find("[data-testid=reset-weights]").Click();
        page.WaitForAssertion(() => Assert.Equal(PricingWeights.Default.Competitors.ToString(CultureInfo.CurrentCulture), page.Find("[data-testid=weight-competitors]").GetAttribute("value")), Wait);
        page.Find("[data-testid=save-weights]").Click();

        page.WaitForAssertion(() => Assert.Equal(2, db.PricingSettings.AsNoTracking().Single().Version), Wait);
        Assert.Equal(PricingWeights.Default.Competitors, (await db.PricingSettings.AsNoTracking().SingleAsync()).Weights.Competitors);
    }

    [Fact]
    public async Task An_event_that_ends_before_it_starts_is_explained_and_nothing_is_saved()
    {
        var page = RenderPage<DemandEventsSettings>();
        page.WaitForElement("[data-testid=event-name]", Wait).Input("Congress");
        page.Find("[data-testid=event-from]").Change(Day(10));
        page.Find("[data-testid=event-to]").Change(Day(8));
        page.Find("[data-testid=save-event]").Click();

        page.WaitForAssertion(() => Assert.Contains("must not end before it starts", page.Find("[data-testid=event-error]").TextContent, StringComparison.Ordinal), Wait);
        await using var db = Hotel.Db();
        Assert.False(await db.DemandEvents.AnyAsync());
    }

    [Fact]
    public async Task A_good_event_is_added_listed_and_can_be_removed()
    {
        var page = RenderPage<DemandEventsSettings>();
        page.WaitForElement("[data-testid=event-name]", Wait).Input("Jazz festival");
        page.Find("[data-testid=event-from]").Change(Day(10));
        page.Find("[data-testid=event-to]").Change(Day(12));
        page.Find("[data-testid=event-uplift]").Change("50");
        page.Find("[data-testid=save-event]").Click();

        await using var db = Hotel.Db();
        page.WaitForAssertion(() => Assert.True(db.DemandEvents.Any()), Wait);
        var saved = await db.DemandEvents.AsNoTracking().SingleAsync();
        Assert.Equal(("Jazz festival", Hotel.Today.AddDays(10), Hotel.Today.AddDays(12), 0.5m), (saved.Name, saved.From, saved.To, saved.ExpectedUplift));
        page.WaitForAssertion(() => Assert.Equal("Jazz festival", page.Find($"[data-testid=event-{saved.Id}]").TextContent.Trim()), Wait);

        page.Find($"[data-testid=remove-event-{saved.Id}]").Click();

        page.WaitForAssertion(() => Assert.Empty(page.FindAll($"[data-testid=event-{saved.Id}]")), Wait);
        Assert.False(await db.DemandEvents.AnyAsync());
    }

    private string Day(int fromToday) => Hotel.Today.AddDays(fromToday).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
