using System.Security.Cryptography;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Playwright;
using Stayfull.Domain.Demo;
using Stayfull.Domain.Live;
using Stayfull.E2E.Tests.Harness;
using Stayfull.Tests.Support.Servers;
using static Microsoft.Playwright.Assertions;

namespace Stayfull.E2E.Tests.ScaleOut;

/// <summary>
/// Two web processes, A and B, on one PostgreSQL database and one Redis, as a load balancer would run them:
/// Data Protection keys in the database, the SignalR backplane and the live-change channel on Redis, and Quartz
/// clustered on the database. A signed Seam webhook posted to A shows live on a hub client and a console open
/// on B; a sign-in made on A is honoured by B; the scheduler's heartbeat fires once per time across both, and
/// keeps firing on B after A is killed.
/// <para>
/// A starts first and migrates and seeds the fresh database; B starts once A is healthy, so two processes never
/// migrate the same empty database at once.
/// </para>
/// </summary>
[Collection(ChromiumDefinition.Name)]
public sealed class ScaleOutTests(ChromiumFixture chromium)
{
    private static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    /// <summary>Two web processes, PostgreSQL, Redis and Chromium share a small machine: UI steps get longer than the usual 5 s.</summary>
    private const float SlowStepMs = 30_000;

    [Fact]
    public async Task TwoInstancesShareLiveChangesSignInsAndOneScheduleThatSurvivesLosingAnInstance()
    {
        await using var postgres = await PostgresServer.StartAsync();
        await using var redis = await RedisServer.StartAsync();
        var connectionString = await postgres.CreateDatabaseAsync();
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            ["Database:ConnectionString"] = connectionString,
            ["DataProtection:KeyStore"] = "Database",
            ["Redis:ConnectionString"] = redis.ConnectionString,
            ["Scheduler:Clustered"] = "true",
            ["Scheduler:HeartbeatInterval"] = Heartbeat.ToString(),
            ["Scheduler:CheckinInterval"] = "00:00:02",
            ["Integrations:Seam:BaseUrl"] = "http://127.0.0.1:9",
            ["Integrations:Seam:Demo:EventsEnabled"] = "false",
            ["Integrations:Channex:Demo:EventsEnabled"] = "false",
        };
        await using var a = await StayfullProcess.StartAsync(settings, "A");
        await using var b = await StayfullProcess.StartAsync(settings, "B");
        var database = new SharedDatabase(connectionString);
        var hotelId = await database.DemoHotelIdAsync();
        var screens = new Screenshots(nameof(TwoInstancesShareLiveChangesSignInsAndOneScheduleThatSurvivesLosingAnInstance));

        try
        {
            // On A, a manager imports the demo hotel's locks and connects Seam with a webhook secret made up here.
            await using var managerContext = await NewContextAsync(a);
            var manager = await managerContext.NewPageAsync();
            var webhookSecret = SignedSeamWebhook.NewSecret();
            await ImportLocksThenConnectSeamAsync(manager, webhookSecret);
            var (room, deviceId) = await database.LockedRoomAsync(hotelId);

            // A sign-in made on A is honoured by B: the manager's browser, signed in on A only, opens B's settings.
            await manager.GotoAsync(new Uri(b.BaseAddress, "settings/integrations").ToString());
            await manager.WaitForCircuitAsync();
            Assert.Equal("/settings/integrations", new Uri(manager.Url).AbsolutePath);
            await Expect(manager.GetByTestId("vendor-Seam").GetByTestId("state")).ToHaveTextAsync("Live", new() { Timeout = SlowStepMs });
            await screens.TakeAsync(manager, "b-accepts-a-sign-in");

            // On B, the desk's console and a hub client, both signed in on B.
            await using var deskContext = await NewContextAsync(b);
            var desk = await deskContext.NewPageAsync();
            await desk.SignInAsync(DemoHotel.FrontDeskEmail);
            await Expect(desk.GetByTestId($"lock-{room}")).ToHaveAttributeAsync("data-state", "locked", new() { Timeout = SlowStepMs });
            await desk.EvaluateAsync("() => { window.stayfullNotReloaded = true; }");
            await screens.TakeAsync(desk, "b-console-locked");

            var deskCookies = await CookieHeaderAsync(deskContext, b);
            var lockChanges = new TaskCompletionSource<HotelChange>(TaskCreationOptions.RunContinuationsAsynchronously);
            await using var hub = new HubConnectionBuilder()
                .WithUrl(new Uri(b.BaseAddress, "hubs/live"), o => o.Headers.Add("Cookie", deskCookies))
                .Build();
            hub.On<HotelChange>("Changed", change =>
            {
                if (change.Topic == ChangeTopic.Locks)
                {
                    lockChanges.TrySetResult(change);
                }
            });
            await hub.StartAsync();

            // The hotel's lock reports an unlock to A.
            using (var http = new HttpClient { BaseAddress = a.BaseAddress })
            {
                await SignedSeamWebhook.PostAsync(http, hotelId, webhookSecret, "lock.unlocked", deviceId);
            }

            var change = await lockChanges.Task.WaitAsync(Patience);
            Assert.Equal(hotelId, change.HotelId);
            await Expect(desk.GetByTestId($"lock-{room}")).ToHaveAttributeAsync("data-state", "unlocked", new() { Timeout = SlowStepMs });
            await screens.TakeAsync(desk, "b-console-unlocked-live");
            Assert.True(await desk.EvaluateAsync<bool>("() => window.stayfullNotReloaded === true"), "B's console was reloaded: the change did not arrive live.");

            // One schedule for both: two instances checked in, and each heartbeat time ran once.
            Assert.Equal(2L, await database.ClusterMembersAsync());
            var bothRunning = await WaitForRunsAsync(database, after: DateTimeOffset.UtcNow, count: 5);
            AssertOncePerTime(bothRunning);
            AssertOneSchedule(bothRunning);

            // A dies mid-flight; B alone keeps the heartbeat, once per time.
            a.Kill();
            var killedAt = DateTimeOffset.UtcNow;
            var bAlone = await WaitForRunsAsync(database, after: killedAt, count: 5, onInstanceOf: b);
            Assert.All(bAlone, run => Assert.Contains(InstanceMarker(b), run.Instance, StringComparison.Ordinal));
            AssertOncePerTime(await database.RunsAsync(SharedDatabase.HeartbeatJob));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new InvalidOperationException($"{ex.Message}\n--- A ---\n{a.OutputTail}\n--- B ---\n{b.OutputTail}", ex);
        }
    }

    /// <summary>Settings → Smart rooms (import, auto-mapped by room name), then Settings → Integrations → Seam.</summary>
    private static async Task ImportLocksThenConnectSeamAsync(IPage page, string webhookSecret)
    {
        await page.SignInAsync(DemoHotel.ManagerEmail);
        await page.GotoAsync("settings/smart-rooms");
        await page.WaitForCircuitAsync();
        await page.GetByTestId("import-devices").ClickAsync();
        await Expect(page.GetByTestId("import-result")).ToBeVisibleAsync(new() { Timeout = SlowStepMs });

        await page.GotoAsync("settings/integrations");
        await page.WaitForCircuitAsync();
        var seam = page.GetByTestId("vendor-Seam");
        await seam.GetByTestId("connect").ClickAsync();
        await page.Input("field-ApiKey").FillAsync("seam_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12)));
        await page.Input("field-WebhookSecret").FillAsync(webhookSecret);
        await page.GetByTestId("save").ClickAsync();
        await Expect(seam.GetByTestId("state")).ToHaveTextAsync("Live", new() { Timeout = SlowStepMs });
    }

    private Task<IBrowserContext> NewContextAsync(StayfullProcess web) => chromium.NewContextAsync(web.BaseAddress, defaultTimeoutMs: 30_000);

    private static async Task<string> CookieHeaderAsync(IBrowserContext context, StayfullProcess web) =>
        string.Join("; ", (await context.CookiesAsync([web.BaseAddress.ToString()])).Select(c => $"{c.Name}={c.Value}"));

    /// <summary>The instance id holds the process id: "{machine}-{pid}-{random}".</summary>
    private static string InstanceMarker(StayfullProcess web) => $"-{web.ProcessId}-";

    /// <summary>Polls the shared database until <paramref name="count"/> heartbeats due after <paramref name="after"/> were recorded.</summary>
    private static async Task<IReadOnlyList<(DateTimeOffset Scheduled, string Instance)>> WaitForRunsAsync(
        SharedDatabase database, DateTimeOffset after, int count, StayfullProcess? onInstanceOf = null)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var runs = (await database.RunsAsync(SharedDatabase.HeartbeatJob))
                .Where(r => r.Scheduled > after && (onInstanceOf is null || r.Instance.Contains(InstanceMarker(onInstanceOf), StringComparison.Ordinal)))
                .ToList();
            if (runs.Select(r => r.Scheduled).Distinct().Count() >= count)
            {
                return runs;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Only {runs.Count} heartbeat runs after {after:O} were recorded.");
            }

            await Task.Delay(Heartbeat);
        }
    }

    /// <summary>
    /// Two schedulers each running their own copy would fire at interleaved times, each time once; one shared
    /// schedule fires at times a whole interval apart.
    /// </summary>
    private static void AssertOneSchedule(IReadOnlyList<(DateTimeOffset Scheduled, string Instance)> runs)
    {
        var times = runs.Select(r => r.Scheduled).Distinct().Order().ToList();
        var close = times.Zip(times.Skip(1)).Where(p => p.Second - p.First < Heartbeat).Select(p => $"{p.First:O} and {p.Second:O}").ToList();
        Assert.True(close.Count == 0, "Heartbeats closer than their interval, as from two schedules:\n" + string.Join('\n', close));
    }

    private static void AssertOncePerTime(IReadOnlyList<(DateTimeOffset Scheduled, string Instance)> runs)
    {
        var twice = runs.GroupBy(r => r.Scheduled).Where(g => g.Count() > 1).Select(g => $"{g.Key:O} on {string.Join(", ", g.Select(r => r.Instance))}").ToList();
        Assert.True(twice.Count == 0, "A heartbeat ran more than once for the same time:\n" + string.Join('\n', twice));
    }
}
