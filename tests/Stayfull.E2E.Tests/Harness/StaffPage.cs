using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Stayfull.Domain.Demo;

namespace Stayfull.E2E.Tests.Harness;

/// <summary>What a member of staff does in the browser, in the app's own words.</summary>
public static class StaffPage
{
    /// <summary>
    /// Waits until the Blazor circuit has rendered the page. Until then the page is prerendered HTML and a
    /// click goes nowhere. Routes.razor renders <c>[data-blazor-ready]</c> only when
    /// <c>RendererInfo.IsInteractive</c>, i.e. in the circuit's first render batch, which is also the batch
    /// that attaches every event handler; a full page load starts without it, so each load waits anew.
    /// </summary>
    public static async Task WaitForCircuitAsync(this IPage page) =>
        await page.WaitForFunctionAsync("() => window.Blazor !== undefined && document.querySelector('[data-blazor-ready]') !== null");

    /// <summary>Signs in through the real form with the demo password and waits for the landing page's circuit.</summary>
    public static async Task SignInAsync(this IPage page, string email)
    {
        await page.GotoAsync("account/login");
        await page.Locator("#email").FillAsync(email);
        await page.Locator("#password").FillAsync(DemoHotel.Password);
        await page.Locator("#sign-in").ClickAsync();
        await page.WaitForURLAsync(url => !new Uri(url).AbsolutePath.StartsWith("/account/login", StringComparison.Ordinal));
        await page.WaitForCircuitAsync();
    }

    public static async Task SignOutAsync(this IPage page)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/account/login");
    }

    /// <summary>The input behind a test id, whether the id sits on the input or on the component around it.</summary>
    public static ILocator Input(this IPage page, string testId) =>
        page.Locator($"input[data-testid='{testId}'], textarea[data-testid='{testId}'], [data-testid='{testId}'] input:not([type=hidden]), [data-testid='{testId}'] textarea").First;

    /// <summary>Types a value and leaves the field, so a field bound on change sees it.</summary>
    public static async Task EnterAsync(this IPage page, string testId, string value)
    {
        var input = page.Input(testId);
        await input.FillAsync(value);
        await input.PressAsync("Tab");
    }

    /// <summary>A date typed as ISO year-month-day, which both a native date input and the console's date fields take.</summary>
    public static Task EnterDateAsync(this IPage page, string testId, DateOnly date) =>
        page.EnterAsync(testId, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    /// <summary>Picks the first option whose text matches, from a native select or a MudSelect.</summary>
    public static async Task ChooseAsync(this IPage page, string testId, Regex optionText)
    {
        // Counting does not wait, so first wait for the field itself (a dialog may still be opening).
        var field = page.GetByTestId(testId).First;
        await field.WaitForAsync();
        var native = page.Locator($"select[data-testid='{testId}'], [data-testid='{testId}'] select");
        if (await native.CountAsync() > 0)
        {
            var option = native.First.Locator("option").Filter(new() { HasTextRegex = optionText }).First;
            var value = await option.GetAttributeAsync("value")
                ?? throw new InvalidOperationException($"No option of '{testId}' matches {optionText}.");
            await native.First.SelectOptionAsync(value);
            return;
        }

        await field.ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item:not(.mud-list-item-disabled)").Filter(new() { HasTextRegex = optionText }).First.ClickAsync();
        await Microsoft.Playwright.Assertions.Expect(page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);
    }

    /// <summary>An amount shown as money (e.g. "€121.50"), as the digits a person would type into an amount field.</summary>
    public static string AmountTyped(string shownMoney)
    {
        var digits = new string(shownMoney.Where(c => char.IsAsciiDigit(c) || c is '.' or '-').ToArray());
        return decimal.Parse(digits, NumberStyles.Number | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture).ToString("0.00", CultureInfo.InvariantCulture);
    }
}
