using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stayfull.Domain.Tenancy;
using Stayfull.Domain.Upsells;
using Stayfull.Web.Components.Pages.Settings;

namespace Stayfull.Web.Tests.Components.Settings;

public sealed class UpsellSettingsPageTests : BackOfficeTestContext
{
    [Fact]
    public async Task AManagerTurnsOnBothOffersWithHoursAndPrices()
    {
        Context.Services.AddSingleton(Hotel.Get<UpsellService>());
        SignInAs(StaffRole.Manager);
        var page = RenderPage<UpsellSettingsPage>();
        page.WaitForAssertion(() => page.Find("[data-testid=upsell-settings-save]"));

        Input(page, "upsell-early-enabled").Change(true);
        Input(page, "upsell-early-from").Change("09:30");
        InputLabelled<decimal>(page, "Early check-in price").Change("30");
        Input(page, "upsell-late-enabled").Change(true);
        Input(page, "upsell-late-until").Change("13:00");
        InputLabelled<decimal>(page, "Late check-out price").Change("25.5");
        await page.Find("[data-testid=upsell-settings-save]").ClickAsync(new());

        await using var db = Hotel.Db();
        await WaitUntilAsync(async () => await db.UpsellSettings.AsNoTracking().AnyAsync());
        var saved = await db.UpsellSettings.AsNoTracking().SingleAsync();
        Assert.Equal(new UpsellSettingsValues(true, new TimeOnly(9, 30), 3000, true, new TimeOnly(13, 0), 2550), saved.Values);
        Assert.Empty(page.FindAll("[data-testid=upsell-settings-error]"));
    }

    [Fact]
    public async Task AnEarlyHourAfterTheUsualCheckInIsExplainedAndNothingIsSaved()
    {
        Context.Services.AddSingleton(Hotel.Get<UpsellService>());
        SignInAs(StaffRole.Manager);
        var page = RenderPage<UpsellSettingsPage>();
        page.WaitForAssertion(() => page.Find("[data-testid=upsell-settings-save]"));

        Input(page, "upsell-early-from").Change("16:00");
        await page.Find("[data-testid=upsell-settings-save]").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Contains("before the usual check-in time", page.Find("[data-testid=upsell-settings-error]").TextContent, StringComparison.Ordinal));
        await using var db = Hotel.Db();
        Assert.False(await db.UpsellSettings.AnyAsync());
    }

    /// <summary>MudBlazor puts a field's attributes on its input, a switch's on its wrapper: either way, the input.</summary>
    private static AngleSharp.Dom.IElement Input(IRenderedComponent<Microsoft.AspNetCore.Components.IComponent> page, string testId)
    {
        var element = page.Find($"[data-testid={testId}]");
        return element.TagName == "INPUT" ? element : element.QuerySelector("input")!;
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 50 && !await condition(); i++)
        {
            await Task.Delay(50);
        }

        Assert.True(await condition());
    }
}
