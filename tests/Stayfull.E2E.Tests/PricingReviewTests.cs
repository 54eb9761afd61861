using System.Text.RegularExpressions;
using Stayfull.Domain.Demo;
using Stayfull.E2E.Tests.Harness;
using static Microsoft.Playwright.Assertions;

namespace Stayfull.E2E.Tests;

[Collection(ChromiumDefinition.Name)]
public sealed partial class PricingReviewTests(ChromiumFixture chromium)
{
    [Fact]
    public async Task AManagerRecomputesPicksADayOnTheHeatMapAndApprovesItsRecommendations()
    {
        await using var server = StayfullServer.Start();
        await using var context = await chromium.NewContextAsync(server);
        var page = await context.NewPageAsync();
        var screens = new Screenshots(nameof(AManagerRecomputesPicksADayOnTheHeatMapAndApprovesItsRecommendations));
        await page.SignInAsync(DemoHotel.ManagerEmail);

        await page.GotoAsync("manager/pricing");
        await page.WaitForCircuitAsync();
        await page.GetByTestId("recompute").ClickAsync();
        await Expect(page.GetByTestId("recommendation-total")).ToHaveTextAsync(NonZeroTotal(), new() { Timeout = 60_000 });
        await screens.TakeAsync(page, "review");

        // A day a week out: its pending recommendations, one per room type.
        var day = (await server.HotelTodayAsync()).AddDays(7);
        await page.GetByTestId($"heat-{day:yyyy-MM-dd}").ClickAsync();
        var rows = page.Locator($"[data-testid^='rec-{day:yyyy-MM-dd}-']");
        await Expect(rows.First).ToBeVisibleAsync();
        var count = await rows.CountAsync();
        Assert.InRange(count, 1, 10);
        await Expect(page.GetByTestId("recommendation-total")).ToHaveTextAsync($"{count} recommendations");
        await screens.TakeAsync(page, "one-day");

        await page.GetByTestId("approve-all-shown").ClickAsync();

        // The grid shows what is left to review for that day: nothing.
        await Expect(page.GetByTestId("recommendation-total")).ToHaveTextAsync("0 recommendations");
        await screens.TakeAsync(page, "approved");
    }

    [GeneratedRegex("^[1-9][0-9]* recommendations$")]
    private static partial Regex NonZeroTotal();
}
