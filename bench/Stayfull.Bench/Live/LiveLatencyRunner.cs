using System.Diagnostics;
using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Playwright;
using Stayfull.Domain.Demo;
using Stayfull.Domain.Live;
using Stayfull.Web.Live;

namespace Stayfull.Bench.Live;

/// <summary>
/// Live update latency: the real app on Kestrel in this process with the demo hotel, N signed-in SignalR clients on
/// <c>/hubs/live</c> and one signed-in console page in headless Chromium. Signed Seam lock events, one at a time,
/// toggle one room's lock; each is timed from the 200 to every hub client's receipt of the lock's change and to
/// the console's lock tile changing its <c>data-state</c> (a MutationObserver in the page). N grows 1 → 100 → 1,000.
/// </summary>
public static class LiveLatencyRunner
{
    private const string ObserverScript = """
        (testId) => {
            window.stayfullLockChanges = [];
            const read = () => document.querySelector(`[data-testid='${testId}']`)?.getAttribute('data-state');
            let last = read();
            new MutationObserver(() => {
                const now = read();
                if (now !== last) {
                    last = now;
                    window.stayfullLockChanges.push({ state: now, at: performance.timeOrigin + performance.now() });
                }
            }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-state'] });
            return last;
        }
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        var counts = Option(args, "--clients", "1,100,1000").Split(',').Select(c => int.Parse(c, CultureInfo.InvariantCulture)).ToArray();
        var samples = int.Parse(Option(args, "--samples", "100"), CultureInfo.InvariantCulture);
        var settle = TimeSpan.FromSeconds(int.Parse(Option(args, "--settle", "60"), CultureInfo.InvariantCulture));
        if (counts.Length == 0 || counts.Any(c => c < 1) || samples < 1)
        {
            throw new ArgumentException("--clients takes counts of at least 1 (e.g. 1,100,1000) and --samples at least 1.", nameof(args));
        }

        await using var database = await BenchDatabase.CreateAsync(BenchDatabase.KindFrom(args));
        Console.WriteLine($"Live latency: hub clients {string.Join(", ", counts)}, {samples} webhooks each, one at a time, after {settle.TotalSeconds:0}s of warm-up webhooks; database {database.Description}; load {Stats.LoadAverage()}");

        await using var app = await ConsoleApp.StartAsync(database.Provider, database.ConnectionString);
        var baseAddress = app.BaseAddress();
        var locks = await SeamLocks.ConnectAsync(app);
        var cookies = await StaffSignIn.SignInAsync(baseAddress, DemoHotel.FrontDeskEmail, DemoHotel.Password);
        Console.WriteLine($"App at {baseAddress}; toggling the lock of room {locks.Room}");

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        await using var context = await Chromium.NewContextAsync(browser, baseAddress);
        var page = await context.NewPageAsync();
        await page.SignInAsync(DemoHotel.FrontDeskEmail, DemoHotel.Password);
        // The lock panel loads after the circuit is up; the observer starts once the tile shows the lock locked.
        await page.Locator($"[data-testid='lock-{locks.Room}'][data-state='locked']").WaitForAsync();
        var shown = await page.EvaluateAsync<string?>(ObserverScript, $"lock-{locks.Room}");
        if (shown != "locked")
        {
            throw new InvalidOperationException($"The console shows the lock of room {locks.Room} as '{shown}', not 'locked'.");
        }

        var clients = new List<HubConnection>();
        var window = new Window(0);
        var browserChanges = 0;
        using var http = new HttpClient { BaseAddress = baseAddress };
        try
        {
            foreach (var n in counts)
            {
                var connectTime = Stopwatch.StartNew();
                // Counts may go down too (e.g. 1000,100,1), to tell the effect of N from the effect of the run's age.
                var extra = clients.Skip(n).ToList();
                clients.RemoveRange(Math.Min(n, clients.Count), extra.Count);
                await Task.WhenAll(extra.Select(c => c.DisposeAsync().AsTask()));
                await ConnectAsync(clients, n, baseAddress, cookies, locks.DeviceId, () => window);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"N = {n}: {clients.Count} hub clients connected ({connectTime.Elapsed.TotalSeconds:0.0}s); load {Stats.LoadAverage()}"));

                var hub = new List<double>();
                var console = new List<double>();
                var missedHub = 0;
                var missedConsole = 0;
                // The first webhooks of each N are warm-up (JIT, first render paths, the new clients' first message);
                // for the first N they go on for --settle seconds, past the app's start-up work (first job runs,
                // the demo arrivals' door codes retried against the absent Seam, tiered JIT).
                var warmUntil = n == counts[0] ? Stopwatch.GetTimestamp() + (long)(settle.TotalSeconds * Stopwatch.Frequency) : 0;
                for (var sample = n == counts[0] ? -10 : -3; sample < samples; sample++)
                {
                    if (sample == -1 && Stopwatch.GetTimestamp() < warmUntil)
                    {
                        sample = -2;
                    }

                    var offsetMs = await BrowserClockOffsetAsync(page);
                    window = new Window(clients.Count);
                    using var request = locks.NextToggle();
                    using var response = await http.SendAsync(request);
                    var accepted = Stopwatch.GetTimestamp();
                    if (response.StatusCode != HttpStatusCode.OK)
                    {
                        throw new InvalidOperationException($"The webhook was refused: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                    }

                    var acceptedMs = LocalMs(accepted);
                    if (!await window.AllArrived.WaitAsync(TimeSpan.FromSeconds(30)).ContinueWith(t => t.IsCompletedSuccessfully, TaskScheduler.Default))
                    {
                        missedHub += sample >= 0 ? window.Missing : 0;
                    }

                    if (sample >= 0)
                    {
                        hub.AddRange(window.Receipts.Where(r => r != 0).Select(r => (r - accepted) * 1000.0 / Stopwatch.Frequency));
                    }

                    browserChanges++;
                    var at = await ConsoleChangeAsync(page, browserChanges, locks.ExpectedState);
                    if (at is { } changedAt && sample >= 0)
                    {
                        console.Add(changedAt - offsetMs - acceptedMs);
                    }
                    else if (at is null)
                    {
                        missedConsole++;
                        browserChanges = await page.EvaluateAsync<int>("() => window.stayfullLockChanges.length");
                    }

                    // Let the circuit finish the render batch and the hub clients go quiet before the next event.
                    await Task.Delay(50);
                }

                hub.Sort();
                console.Sort();
                Console.WriteLine($"N = {n}: 200 → SignalR client: {Stats.Describe(hub)}; missed {missedHub}");
                Console.WriteLine($"N = {n}: 200 → console DOM (Chromium): {Stats.Describe(console)}; missed {missedConsole}; load {Stats.LoadAverage()}");
            }
        }
        finally
        {
            await Task.WhenAll(clients.Select(c => c.DisposeAsync().AsTask()));
        }

        return 0;
    }

    /// <summary>Adds hub clients until there are <paramref name="target"/>, a few at a time.</summary>
    private static async Task ConnectAsync(List<HubConnection> clients, int target, Uri baseAddress, CookieContainer cookies, Guid deviceId, Func<Window> current)
    {
        using var gate = new SemaphoreSlim(16);
        var added = Enumerable.Range(clients.Count, target - clients.Count).Select(async index =>
        {
            await gate.WaitAsync();
            try
            {
                var connection = new HubConnectionBuilder()
                    .WithUrl(new Uri(baseAddress, LiveHub.Path.TrimStart('/')), options =>
                    {
                        options.Cookies = cookies;
                        options.Transports = HttpTransportType.WebSockets;
                        options.SkipNegotiation = true;
                    })
                    .Build();
                connection.ServerTimeout = TimeSpan.FromMinutes(2);
                connection.On<HotelChange>(nameof(ILiveClient.Changed), change =>
                {
                    var now = Stopwatch.GetTimestamp();
                    if (change.Topic == ChangeTopic.Locks && change.EntityId == deviceId)
                    {
                        current().Arrived(index, now);
                    }
                });
                await connection.StartAsync();
                return connection;
            }
            finally
            {
                gate.Release();
            }
        }).ToList();
        clients.AddRange(await Task.WhenAll(added));
    }

    /// <summary>
    /// The page's clock (performance.timeOrigin + now) minus this process's, read between two local timestamps so the
    /// browser and the bench compare on one time line whatever the two clocks' origins.
    /// </summary>
    private static async Task<double> BrowserClockOffsetAsync(IPage page)
    {
        var before = Stopwatch.GetTimestamp();
        var browser = await page.EvaluateAsync<double>("() => performance.timeOrigin + performance.now()");
        var after = Stopwatch.GetTimestamp();
        return browser - LocalMs((before + after) / 2);
    }

    private static readonly long OriginTimestamp = Stopwatch.GetTimestamp();

    /// <summary>A local timestamp on this process's monotonic line, in ms; only differences and the offset above matter.</summary>
    private static double LocalMs(long timestamp) => (timestamp - OriginTimestamp) * 1000.0 / Stopwatch.Frequency;

    /// <summary>When the console's tile reached the expected state (the page's clock), or null after 30 s.</summary>
    private static async Task<double?> ConsoleChangeAsync(IPage page, int expectedChanges, string expectedState)
    {
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(30))
        {
            var change = await page.EvaluateAsync<Change?>("(n) => window.stayfullLockChanges[n - 1] ?? null", expectedChanges);
            if (change is not null && change.State == expectedState)
            {
                return change.At;
            }

            await Task.Delay(10);
        }

        return null;
    }

    private static string Option(string[] args, string name, string fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : fallback;
    }

    private sealed class Change
    {
        public string State { get; set; } = "";

        public double At { get; set; }
    }

    /// <summary>The receipts of one webhook's change, one slot per hub client.</summary>
    private sealed class Window(int clients)
    {
        private int _remaining = clients;
        private readonly TaskCompletionSource _all = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public long[] Receipts { get; } = new long[clients];

        public Task AllArrived => Receipts.Length == 0 ? Task.CompletedTask : _all.Task;

        public int Missing => Volatile.Read(ref _remaining);

        public void Arrived(int client, long at)
        {
            if (client < Receipts.Length && Interlocked.CompareExchange(ref Receipts[client], at, 0) == 0 && Interlocked.Decrement(ref _remaining) == 0)
            {
                _all.TrySetResult();
            }
        }
    }
}
