using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using Microsoft.Playwright;
using Stayfull.Domain.Demo;

namespace Stayfull.Bench.Live;

/// <summary>
/// Memory per console circuit: the app in its own process (<see cref="CircuitHost"/>, server GC as the web
/// project runs), then 0, 12, 24, 36 console tabs open in headless Chromium (one signed-in browser profile, each
/// tab its own circuit, waited for until the circuit is up and the lock panel rendered). At each step: the app's
/// managed heap after a full collection and its working set; the slope of a least-squares line is the memory per
/// circuit. Chromium's memory is its own and not counted.
/// </summary>
public static class CircuitMemoryRunner
{
    public static async Task<int> RunAsync(string[] args)
    {
        var steps = Option(args, "--tabs", "12,24,36").Split(',').Select(t => int.Parse(t, CultureInfo.InvariantCulture)).ToArray();
        var budgetGb = double.Parse(Option(args, "--budget-gb", "4"), CultureInfo.InvariantCulture);
        var settle = TimeSpan.FromSeconds(int.Parse(Option(args, "--settle", "5"), CultureInfo.InvariantCulture));
        using var host = StartHost(BenchDatabase.KindFrom(args));
        try
        {
            var baseAddress = await ReadyAsync(host);
            using var http = new HttpClient { BaseAddress = baseAddress };
            Console.WriteLine($"App process {host.Id} at {baseAddress}; tabs {string.Join(", ", steps)}; load {Stats.LoadAverage()}");

            // The app's own start-up work (first requests, JIT of the console) happens once before the baseline.
            using var playwright = await Playwright.CreateAsync();
            await using var browser = await Chromium.LaunchAsync(playwright);
            await using var context = await Chromium.NewContextAsync(browser, baseAddress);
            var warm = await context.NewPageAsync();
            await warm.SignInAsync(DemoHotel.FrontDeskEmail, DemoHotel.Password);
            await warm.GetByTestId("lock-panel").Or(warm.Locator("[data-testid^='lock-']").First).First.WaitForAsync();
            await warm.CloseAsync();
            await Task.Delay(settle);

            var readings = new List<(int Tabs, MemoryReading Reading)> { (0, await ReadAsync(http)) };
            Console.WriteLine(Describe(0, readings[0].Reading, $"idle app CPU with none open {await IdleCpuAsync(http):0.0} % of one core (10 s window)"));
            var pages = new List<IPage>();
            foreach (var target in steps)
            {
                var before = await ReadAsync(http);
                var opening = Stopwatch.StartNew();
                while (pages.Count < target)
                {
                    var page = await context.NewPageAsync();
                    await page.GotoAsync("");
                    await page.WaitForCircuitAsync();
                    await page.Locator("[data-testid^='lock-']").First.WaitForAsync();
                    pages.Add(page);
                }

                var opened = opening.Elapsed;
                await Task.Delay(settle);
                var reading = await ReadAsync(http);
                var added = target - readings[^1].Tabs;
                var idle = await IdleCpuAsync(http);
                readings.Add((target, reading));
                var cpu = string.Create(
                    CultureInfo.InvariantCulture,
                    $"opening {added} tabs took {opened.TotalSeconds:0.0}s and {(reading.CpuMs - before.CpuMs) / added:0} ms of app CPU per tab; idle app CPU with {target} open {idle:0.0} % of one core (10 s window)");
                Console.WriteLine(Describe(target, reading, cpu) + $"; load {Stats.LoadAverage()}");
            }

            await FanOutAsync(http, pages, int.Parse(Option(args, "--toggles", "20"), CultureInfo.InvariantCulture));

            var managedSlope = Slope(readings.Select(r => ((double)r.Tabs, (double)r.Reading.ManagedBytes)).ToList());
            var workingSetSlope = Slope(readings.Select(r => ((double)r.Tabs, (double)r.Reading.WorkingSetBytes)).ToList());
            var baseline = readings[0].Reading;
            var budget = budgetGb * 1024 * 1024 * 1024;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Per circuit (least squares over {readings.Count} points): managed heap {managedSlope / 1024:0} KB, working set {workingSetSlope / 1024:0} KB"));
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"Implied capacity in {budgetGb:0.#} GB: ({budgetGb:0.#} GB − {baseline.WorkingSetBytes / 1048576.0:0} MB baseline working set) / {workingSetSlope / 1024:0} KB ≈ {(budget - baseline.WorkingSetBytes) / workingSetSlope:0} circuits by working set; by managed heap alone ≈ {(budget - baseline.ManagedBytes) / managedSlope:0}"));
            Console.WriteLine($"Load average at the end: {Stats.LoadAverage()}");
            return 0;
        }
        finally
        {
            // Closing its input lets the host stop the app (and its database) itself; the kill is the fallback.
            host.StandardInput.Close();
            if (!host.WaitForExit(TimeSpan.FromSeconds(30)))
            {
                host.Kill();
            }
        }
    }

    private static Process StartHost(string database)
    {
        var self = Environment.ProcessPath ?? throw new InvalidOperationException("No process path.");
        var start = new ProcessStartInfo(self)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            start.ArgumentList.Add(typeof(CircuitMemoryRunner).Assembly.Location);
        }

        foreach (var argument in new[] { "circuit-host", "--database", database })
        {
            start.ArgumentList.Add(argument);
        }

        // The web project runs with server GC (the Web SDK's default); the host runs as it would.
        start.Environment["DOTNET_gcServer"] = "1";
        return Process.Start(start) ?? throw new InvalidOperationException("The app process did not start.");
    }

    private static async Task<Uri> ReadyAsync(Process host)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        while (await host.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            Console.WriteLine("  app: " + line);
            if (line.StartsWith(CircuitHost.Ready, StringComparison.Ordinal))
            {
                // Keep draining its output so the host never blocks on a full pipe.
                _ = Task.Run(async () =>
                {
                    while (await host.StandardOutput.ReadLineAsync() is { } more)
                    {
                        Console.WriteLine("  app: " + more);
                    }
                });
                return new Uri(line[CircuitHost.Ready.Length..]);
            }
        }

        throw new InvalidOperationException("The app process ended before it listened.");
    }

    private static async Task<MemoryReading> ReadAsync(HttpClient http, bool collect = true) =>
        await http.GetFromJsonAsync<MemoryReading>(new Uri(collect ? "bench/memory" : "bench/memory?collect=false", UriKind.Relative)) ?? throw new InvalidOperationException("No reading.");

    /// <summary>
    /// With every tab open: signed lock events one at a time, each timed from its 200 to the lock tile changing in
    /// every tab (a MutationObserver per page, wall clock <c>Date.now()</c> on both sides, so millisecond resolution).
    /// </summary>
    private static async Task FanOutAsync(HttpClient http, List<IPage> pages, int toggles)
    {
        if (pages.Count == 0 || toggles < 1)
        {
            return;
        }

        var room = (await http.GetFromJsonAsync<ToggleResult>(new Uri("bench/lock", UriKind.Relative)))!.Room;
        const string observer = """
            (testId) => {
                window.stayfullLockChanges = [];
                const read = () => document.querySelector(`[data-testid='${testId}']`)?.getAttribute('data-state');
                let last = read();
                new MutationObserver(() => {
                    const now = read();
                    if (now !== last) { last = now; window.stayfullLockChanges.push(Date.now()); }
                }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-state'] });
            }
            """;
        foreach (var page in pages)
        {
            await page.EvaluateAsync(observer, $"lock-{room}");
        }

        var all = new List<double>();
        var slowest = new List<double>();
        for (var toggle = 1; toggle <= toggles; toggle++)
        {
            using var response = await http.PostAsync(new Uri("bench/toggle", UriKind.Relative), null);
            var accepted = (await response.Content.ReadFromJsonAsync<ToggleResult>())!.AcceptedUnixMs;
            var waited = Stopwatch.StartNew();
            var times = new double[pages.Count];
            for (var i = 0; i < pages.Count && waited.Elapsed < TimeSpan.FromSeconds(60); i++)
            {
                var at = await pages[i].EvaluateAsync<double?>("(n) => window.stayfullLockChanges[n - 1] ?? null", toggle);
                if (at is null)
                {
                    await Task.Delay(20);
                    i--;
                    continue;
                }

                times[i] = at.Value - accepted;
            }

            all.AddRange(times);
            slowest.Add(times.Max());
            await Task.Delay(200);
        }

        all.Sort();
        slowest.Sort();
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"Lock change to {pages.Count} open consoles, {toggles} webhooks one at a time: 200 → tile changed p50 {Stats.Percentile(all, 0.5):0} ms, p99 {Stats.Percentile(all, 0.99):0} ms over {all.Count} tab updates; the last tab of each webhook p50 {Stats.Percentile(slowest, 0.5):0} ms, max {slowest[^1]:0} ms; load {Stats.LoadAverage()}"));
    }

    /// <summary>The app's CPU over 10 s with nothing asked of it, in % of one core (background jobs and open circuits).</summary>
    private static async Task<double> IdleCpuAsync(HttpClient http)
    {
        var from = await ReadAsync(http, collect: false);
        await Task.Delay(TimeSpan.FromSeconds(10));
        var to = await ReadAsync(http, collect: false);
        return (to.CpuMs - from.CpuMs) / 100;
    }

    private static double Slope(IReadOnlyList<(double X, double Y)> points)
    {
        var meanX = points.Average(p => p.X);
        var meanY = points.Average(p => p.Y);
        return points.Sum(p => (p.X - meanX) * (p.Y - meanY)) / points.Sum(p => (p.X - meanX) * (p.X - meanX));
    }

    private static string Describe(int tabs, MemoryReading r, string? cpu) => string.Create(
        CultureInfo.InvariantCulture,
        $"{tabs,3} tabs: managed {r.ManagedBytes / 1048576.0:0.0} MB (heap {r.HeapSizeBytes / 1048576.0:0.0} MB, committed {r.CommittedBytes / 1048576.0:0.0} MB), working set {r.WorkingSetBytes / 1048576.0:0.0} MB, private {r.PrivateBytes / 1048576.0:0.0} MB, {r.Threads} threads{(cpu is null ? "" : "; " + cpu)}");

    private static string Option(string[] args, string name, string fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : fallback;
    }
}
