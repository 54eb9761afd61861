using Microsoft.Playwright;

namespace Stayfull.Bench.Live;

/// <summary>Headless Debian Chromium as the browser tests start it, and the console's sign-in and circuit wait.</summary>
public static class Chromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private static readonly string[] Flags =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-quic",
        "--no-first-run", "--disable-component-update", "--disable-sync",
    ];

    public static async Task<IBrowser> LaunchAsync(IPlaywright playwright) =>
        await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = ExecutablePath, Headless = true, Args = Flags });

    public static async Task<IBrowserContext> NewContextAsync(IBrowser browser, Uri baseAddress)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress.ToString(),
            Locale = "en-GB",
            TimezoneId = "Europe/Lisbon",
            ViewportSize = new ViewportSize { Width = 1440, Height = 900 },
        });
        context.SetDefaultTimeout(60_000);
        return context;
    }

    /// <summary>Routes.razor renders <c>[data-blazor-ready]</c> in the circuit's first render batch.</summary>
    public static async Task WaitForCircuitAsync(this IPage page) =>
        await page.WaitForFunctionAsync("() => window.Blazor !== undefined && document.querySelector('[data-blazor-ready]') !== null");

    public static async Task SignInAsync(this IPage page, string email, string password)
    {
        await page.GotoAsync("account/login");
        await page.Locator("#email").FillAsync(email);
        await page.Locator("#password").FillAsync(password);
        await page.Locator("#sign-in").ClickAsync();
        await page.WaitForURLAsync(url => !new Uri(url).AbsolutePath.StartsWith("/account/login", StringComparison.Ordinal));
        await page.WaitForCircuitAsync();
    }
}
