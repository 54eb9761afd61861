using Microsoft.Playwright;

namespace Stayfull.E2E.Tests.Harness;

/// <summary>A guest's phone: a 375 × 812 touch screen (the narrowest width the guest pages must work at).</summary>
public static class PhonePage
{
    public const int Width = 375;

    public const int Height = 812;

    /// <summary>A fresh browser profile with a phone's screen, touch and user agent, pointed at <paramref name="server"/>.</summary>
    public static async Task<IBrowserContext> NewPhoneContextAsync(this ChromiumFixture chromium, StayfullServer server)
    {
        var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = server.BaseAddress.ToString(),
            Locale = "en-GB",
            TimezoneId = "Europe/Lisbon",
            ViewportSize = new ViewportSize { Width = Width, Height = Height },
            ScreenSize = new ScreenSize { Width = Width, Height = Height },
            DeviceScaleFactor = 3,
            IsMobile = true,
            HasTouch = true,
            UserAgent = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1",
        });
        context.SetDefaultTimeout(20_000);
        return context;
    }
}
