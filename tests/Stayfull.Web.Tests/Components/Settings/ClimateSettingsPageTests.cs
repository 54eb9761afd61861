using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Stayfull.Domain.SmartRooms.Climate;
using Stayfull.Domain.Tenancy;
using Stayfull.Web.Components.Pages.Settings;

namespace Stayfull.Web.Tests.Components.Settings;

public sealed class ClimateSettingsPageTests : BackOfficeTestContext
{
    [Fact]
    public async Task AManagerSeesTheDefaultsAndSavesNewSetPointsLeadTimeAndPower()
    {
        Context.Services.AddSingleton(Hotel.Get<ClimateSettingsService>());
        SignInAs(StaffRole.Manager);
        var page = RenderPage<ClimateSettingsPage>();
        page.WaitForAssertion(() => page.Find("[data-testid=climate-save]"));
        Assert.Equal("20", InputLabelled<decimal>(page, "Comfort heating").GetAttribute("value"));
        Assert.Equal("2", InputLabelled<decimal>(page, "Start before arrival").GetAttribute("value"));

        InputLabelled<decimal>(page, "Comfort heating").Change("21");
        InputLabelled<decimal>(page, "Eco cooling").Change("30");
        InputLabelled<decimal>(page, "Start before arrival").Change("3");
        InputLabelled<decimal>(page, "Power saved").Change("1");
        page.Find("[data-testid=climate-save]").Click();

        await using var db = Hotel.Db();
        await WaitUntilAsync(async () => await db.ClimateSettings.AsNoTracking().AnyAsync());
        var saved = await db.ClimateSettings.AsNoTracking().SingleAsync();
        Assert.Equal(new ClimateSettingsValues(21m, 24m, 16m, 30m, 180, 1m), saved.Values);
        Assert.Empty(page.FindAll("[data-testid=climate-error]"));
    }

    [Fact]
    public async Task AnEcoBandNarrowerThanComfortIsExplainedOnTheFieldAndNothingIsSaved()
    {
        Context.Services.AddSingleton(Hotel.Get<ClimateSettingsService>());
        SignInAs(StaffRole.Manager);
        var page = RenderPage<ClimateSettingsPage>();
        page.WaitForAssertion(() => page.Find("[data-testid=climate-save]"));

        InputLabelled<decimal>(page, "Eco heating").Change("22");
        page.Find("[data-testid=climate-save]").Click();

        page.WaitForAssertion(() => Assert.Contains("Eco heating must be at or below comfort heating", page.Find("[data-testid=climate-error]").TextContent, StringComparison.Ordinal));
        var field = page.FindComponents<MudNumericField<decimal>>().Single(f => f.Instance.Label!.StartsWith("Eco heating", StringComparison.Ordinal));
        Assert.Contains("Eco heating must be at or below comfort heating", field.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain(page.FindComponents<MudNumericField<decimal>>(), f => f.Instance.Label!.StartsWith("Comfort", StringComparison.Ordinal) && f.Markup.Contains("mud-input-error", StringComparison.Ordinal));
        await using var db = Hotel.Db();
        Assert.False(await db.ClimateSettings.AnyAsync());
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
