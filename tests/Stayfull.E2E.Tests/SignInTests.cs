using Stayfull.Domain.Demo;
using Stayfull.E2E.Tests.Harness;
using static Microsoft.Playwright.Assertions;

namespace Stayfull.E2E.Tests;

[Collection(ChromiumDefinition.Name)]
public sealed class SignInTests(ChromiumFixture chromium)
{
    private const string MudBlazorStylesApplied =
        "() => [...document.styleSheets].some(s => (s.href ?? '').includes('MudBlazor') && s.cssRules.length > 0)"
        + " && getComputedStyle(document.querySelector('.mud-appbar')).position === 'fixed'";

    [Fact]
    public async Task FrontDeskSignsInLandsOnTheConsoleAndSignsOut()
    {
        await using var server = StayfullServer.Start();
        await using var context = await chromium.NewContextAsync(server);
        var page = await context.NewPageAsync();
        var screens = new Screenshots(nameof(FrontDeskSignsInLandsOnTheConsoleAndSignsOut));

        await page.GotoAsync("account/login");
        Assert.True(await page.EvaluateAsync<bool>("() => window.Blazor !== undefined"), "_framework/blazor.web.js was not served");
        await screens.TakeAsync(page, "sign-in");

        await page.SignInAsync(DemoHotel.FrontDeskEmail);
        Assert.Equal("/", new Uri(page.Url).AbsolutePath);
        await Expect(page.GetByTestId("signed-in-user")).ToContainTextAsync(DemoHotel.FrontDeskEmail);
        Assert.True(await page.EvaluateAsync<bool>(MudBlazorStylesApplied), "_content/MudBlazor/MudBlazor.min.css was not served or not applied");
        await screens.TakeAsync(page, "console");

        await page.SignOutAsync();
        await page.GotoAsync("");
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/account/login");
        await Expect(page.Locator("#sign-in")).ToBeVisibleAsync();
        await screens.TakeAsync(page, "signed-out");
    }
}
