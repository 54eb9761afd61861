using Microsoft.Playwright;

namespace Stayfull.E2E.Tests.Harness;

/// <summary>
/// One headless Debian Chromium for the whole run (a browser start costs more than a test);
/// each test opens its own context, so no cookie or storage crosses from one test to another.
/// </summary>
public sealed class ChromiumFixture : IAsyncLifetime
{
    public const string ExecutablePath = "/usr/bin/chromium";

    // Without the background-networking flags Chromium keeps dialling Google's hosts, which a closed network refuses.
    private static readonly string[] Flags =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-quic",
        "--no-first-run", "--disable-component-update", "--disable-sync",
    ];

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("Chromium has not started.");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException(
                $"Chromium is not installed at {ExecutablePath}: run ./test.sh, which installs chromium (the Debian package).");
        }

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = Flags,
        });
    }

    /// <summary>A fresh browser profile (cookies, storage) pointed at <paramref name="server"/>.</summary>
    public Task<IBrowserContext> NewContextAsync(StayfullServer server) => NewContextAsync(server.BaseAddress);

    /// <summary>A fresh browser profile (cookies, storage) pointed at <paramref name="baseAddress"/>.</summary>
    /// <param name="defaultTimeoutMs">How long an action or wait may take, e.g. longer against a separate app process.</param>
    public async Task<IBrowserContext> NewContextAsync(Uri baseAddress, float defaultTimeoutMs = 20_000)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress.ToString(),
            Locale = "en-GB",
            TimezoneId = "Europe/Lisbon",
            ViewportSize = new ViewportSize { Width = 1440, Height = 900 },
        });
        context.SetDefaultTimeout(defaultTimeoutMs);
        return context;
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class ChromiumDefinition : ICollectionFixture<ChromiumFixture>
{
    public const string Name = "Chromium";
}
