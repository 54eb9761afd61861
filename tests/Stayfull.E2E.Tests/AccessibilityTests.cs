using Stayfull.Domain.Demo;
using Stayfull.E2E.Tests.Harness;
using static Microsoft.Playwright.Assertions;

namespace Stayfull.E2E.Tests;

[Collection(ChromiumDefinition.Name)]
public sealed class AccessibilityTests(ChromiumFixture chromium)
{
    [Fact]
    public async Task TheSignInPageAndTheFrontDeskConsoleHaveNoSeriousAccessibilityIssues()
    {
        await using var server = StayfullServer.Start();
        await using var context = await chromium.NewContextAsync(server);
        var page = await context.NewPageAsync();
        var screens = new Screenshots(nameof(TheSignInPageAndTheFrontDeskConsoleHaveNoSeriousAccessibilityIssues));

        await page.GotoAsync("account/login");
        await Expect(page.Locator("#sign-in")).ToBeVisibleAsync();
        await screens.TakeAsync(page, "sign-in");
        await page.AssertNoSeriousIssuesAsync("the sign-in page");

        await page.SignInAsync(DemoHotel.FrontDeskEmail);
        await Expect(page.GetByTestId("signed-in-user")).ToContainTextAsync(DemoHotel.FrontDeskEmail);
        await screens.TakeAsync(page, "console");
        await page.AssertNoSeriousIssuesAsync("the front-desk console");
    }

    [Fact]
    public async Task TheSignInPageOnAPhoneHasNoSeriousAccessibilityIssues()
    {
        await using var server = StayfullServer.Start();
        await using var context = await chromium.NewPhoneContextAsync(server);
        var page = await context.NewPageAsync();
        var screens = new Screenshots(nameof(TheSignInPageOnAPhoneHasNoSeriousAccessibilityIssues));

        await page.GotoAsync("account/login");
        await Expect(page.Locator("#sign-in")).ToBeVisibleAsync();
        Assert.Equal(PhonePage.Width, await page.EvaluateAsync<int>("() => window.innerWidth"));
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "The sign-in page scrolls sideways on a phone.");
        await screens.TakeAsync(page, "sign-in-phone");
        await page.AssertNoSeriousIssuesAsync("the sign-in page on a phone");
    }

    [Fact]
    public async Task TheInboxTheChannelsPageAndTheKnowledgeBaseHaveNoSeriousAccessibilityIssues()
    {
        await using var server = StayfullServer.Start();
        await using var context = await chromium.NewContextAsync(server);
        var page = await context.NewPageAsync();
        var screens = new Screenshots(nameof(TheInboxTheChannelsPageAndTheKnowledgeBaseHaveNoSeriousAccessibilityIssues));
        await page.SignInAsync(DemoHotel.ManagerEmail);

        foreach (var (path, testId, name) in new[]
        {
            ("inbox", "inbox-page", "the guest inbox"),
            ("settings/channels", "channels-page", "the channels page"),
            ("settings/knowledge-base", "kb-page", "the knowledge base"),
        })
        {
            await page.GotoAsync(path);
            await page.WaitForCircuitAsync();
            await Expect(page.GetByTestId(testId)).ToBeVisibleAsync();
            await screens.TakeAsync(page, testId);
            await page.AssertNoSeriousIssuesAsync(name);
        }
    }
}
