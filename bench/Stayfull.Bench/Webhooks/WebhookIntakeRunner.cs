using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Stayfull.Domain;
using Stayfull.Domain.Data;
using Stayfull.Domain.Hotels;
using Stayfull.Domain.Integrations;
using Stayfull.Integrations;
using Stayfull.Web;
using Stayfull.Web.Live;
using Stayfull.Web.Startup;

namespace Stayfull.Bench.Webhooks;

/// <summary>
/// Webhook intake under load: the real app (signature check, durable inbox insert, integration log line,
/// background processing that ends in a live update) next to a bare minimal API answering 200, both on
/// Kestrel in this process, driven in turn by the same concurrent clients for the same time. The app's database is a
/// fresh SQLite file, or with <c>--database postgres</c> a throwaway PostgreSQL server.
/// </summary>
public static class WebhookIntakeRunner
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = RunOptions.Parse(args);
        var secret = "whsec_" + Convert.ToHexString(RandomNumberGenerator.GetBytes(24));
        await using var database = await BenchDatabase.CreateAsync(BenchDatabase.KindFrom(args));
        Console.WriteLine($"Webhook intake: {options.Clients} clients, {options.Warmup.TotalSeconds:0}s warm-up + {options.Duration.TotalSeconds:0}s measured per target; database {database.Description}");

        await using var bare = await StartBareAsync();
        var stayfull = await StartStayfullAsync(database, secret);
        try
        {
            var arrivals = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);
            var waiters = new ConcurrentDictionary<string, TaskCompletionSource<long>>(StringComparer.Ordinal);
            using var subscription = stayfull.Notifier.Subscribe(stayfull.HotelId, change =>
            {
                var now = Stopwatch.GetTimestamp();
                arrivals[change.Summary] = now;
                if (waiters.TryRemove(change.Summary, out var waiter))
                {
                    waiter.TrySetResult(now);
                }

                return Task.CompletedTask;
            });

            var bareResult = await DriveAsync(new Uri(bare.Urls.First()), stayfull.HotelId, secret, "bare", options);
            Console.WriteLine(bareResult.Describe("Bare minimal API"));
            var realResult = await DriveAsync(new Uri(stayfull.App.Urls.First()), stayfull.HotelId, secret, "real", options);
            Console.WriteLine(realResult.Describe("Stayfull intake"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Ratio (Stayfull / bare): {realResult.RequestsPerSecond / bareResult.RequestsPerSecond:P1} of the bare endpoint's throughput"));

            // Under load: the backlog the processor works through after the clients stop is part of the figure.
            var drained = Stopwatch.StartNew();
            while (realResult.Acks.Keys.Any(id => !arrivals.ContainsKey(id)) && drained.Elapsed < TimeSpan.FromMinutes(3))
            {
                await Task.Delay(100);
            }

            var underLoad = LiveLatency.From(realResult.Sends, realResult.Acks, arrivals);
            Console.WriteLine(underLoad.Describe($"Accepted → live, under the load above ({underLoad.Delivered} of {realResult.Acks.Count} delivered, drained {drained.Elapsed.TotalSeconds:0.0}s after the clients stopped)"));

            var steady = await SequentialLiveAsync(new Uri(stayfull.App.Urls.First()), stayfull.HotelId, secret, options.LiveSamples, waiters);
            Console.WriteLine(steady.Describe($"Accepted → live, one webhook at a time ({steady.Delivered} samples)"));
            Console.WriteLine(Machine());
            return 0;
        }
        finally
        {
            await stayfull.App.DisposeAsync();
        }
    }

    private sealed record Stayfull(WebApplication App, Guid HotelId, HotelChangeNotifier Notifier);

    /// <summary>The app as Program.cs composes it, with a Stripe-shaped verifier and an applier that announces each event.</summary>
    private static async Task<Stayfull> StartStayfullAsync(BenchDatabase database, string secret)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(WebApplicationBuilderExtensions).Assembly.GetName().Name,
            EnvironmentName = Environments.Production,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = database.Provider,
            ["Database:ConnectionString"] = database.ConnectionString,
            ["Database:MigrateOnStart"] = "true",
            ["Database:SeedDemoData"] = "false",
        });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders().AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddStayfullDomain(builder.Configuration);
        builder.Services.AddStayfullIntegrations(builder.Configuration);
        builder.AddStayfullWeb();
        builder.Services.RemoveAll<IWebhookVerifier>();
        builder.Services.AddSingleton<IWebhookVerifier>(sp => new StripeShapedVerifier(secret, sp.GetRequiredService<TimeProvider>()));
        builder.Services.RemoveAll<IWebhookApplier>();
        builder.Services.AddScoped<IWebhookApplier, LiveAnnouncingApplier>();

        var app = builder.Build();
        app.UseStayfullPipeline();
        app.MapStayfullEndpoints();
        await app.InitializeStayfullAsync();
        await app.StartAsync();

        var ownerId = "bench-owner-" + Guid.NewGuid().ToString("N");
        await using (var platform = app.Services.GetRequiredService<StayfullDb>().ForPlatform())
        {
            platform.Users.Add(new StaffUser { Id = ownerId, UserName = ownerId + "@bench", Email = ownerId + "@bench", DisplayName = "Bench Owner" });
            await platform.SaveChangesAsync();
        }

        var hotel = await app.Services.GetRequiredService<HotelOnboarding>().CreateAsync(
            ownerId,
            new OnboardingRequest("Bench Hotel", "Europe/Lisbon", "EUR", new TimeOnly(15, 0), new TimeOnly(11, 0), Address.Empty, [new RoomTypeSpec("DBL", "Double", 2, 12000, "101-110")]),
            CancellationToken.None);
        return new Stayfull(app, hotel.Id, app.Services.GetRequiredService<HotelChangeNotifier>());
    }

    private static async Task<WebApplication> StartBareAsync()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production, ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapPost("/webhooks/{vendor}/{hotelId:guid}", async (HttpRequest request) =>
        {
            await request.Body.CopyToAsync(Stream.Null);
            return TypedResults.Ok();
        });
        await app.StartAsync();
        return app;
    }

    private static async Task<LoadResult> DriveAsync(Uri baseUri, Guid hotelId, string secret, string label, RunOptions options)
    {
        var sends = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);
        var acks = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);
        var latencies = new ConcurrentBag<double>();
        var failures = 0;
        var start = Stopwatch.GetTimestamp();
        var measureFrom = start + (long)(options.Warmup.TotalSeconds * Stopwatch.Frequency);
        var stopAt = measureFrom + (long)(options.Duration.TotalSeconds * Stopwatch.Frequency);
        var path = new Uri(baseUri, $"/webhooks/stripe/{hotelId}");

        var workers = Enumerable.Range(0, options.Clients).Select(worker => Task.Run(async () =>
        {
            using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1, PooledConnectionLifetime = Timeout.InfiniteTimeSpan });
            for (var n = 0; Stopwatch.GetTimestamp() < stopAt; n++)
            {
                var id = $"evt_{label}_{worker}_{n}";
                var body = PaymentEvent(id);
                using var content = new StringContent(body, Encoding.UTF8, "application/json");
                using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
                request.Headers.Add(StripeShapedVerifier.Header, StripeShapedVerifier.Sign(secret, DateTimeOffset.UtcNow.ToUnixTimeSeconds(), body));
                var sent = Stopwatch.GetTimestamp();
                using var response = await client.SendAsync(request);
                await response.Content.LoadIntoBufferAsync();
                var acked = Stopwatch.GetTimestamp();
                if (sent < measureFrom || acked > stopAt)
                {
                    continue;
                }

                if (response.StatusCode != HttpStatusCode.OK)
                {
                    Interlocked.Increment(ref failures);
                    continue;
                }

                latencies.Add(Stopwatch.GetElapsedTime(sent, acked).TotalMilliseconds);
                sends[id] = sent;
                acks[id] = acked;
            }
        })).ToList();
        await Task.WhenAll(workers);
        return new LoadResult(latencies.Count / options.Duration.TotalSeconds, [.. latencies.Order()], failures, sends, acks);
    }

    private static async Task<LiveLatency> SequentialLiveAsync(Uri baseUri, Guid hotelId, string secret, int samples, ConcurrentDictionary<string, TaskCompletionSource<long>> waiters)
    {
        using var client = new HttpClient();
        var path = new Uri(baseUri, $"/webhooks/stripe/{hotelId}");
        var sends = new Dictionary<string, long>(StringComparer.Ordinal);
        var acks = new Dictionary<string, long>(StringComparer.Ordinal);
        var arrivals = new Dictionary<string, long>(StringComparer.Ordinal);
        for (var n = 0; n < samples; n++)
        {
            var id = $"evt_steady_{n}";
            var body = PaymentEvent(id);
            var waiter = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
            waiters[id] = waiter;
            using var content = new StringContent(body, Encoding.UTF8, "application/json");
            using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
            request.Headers.Add(StripeShapedVerifier.Header, StripeShapedVerifier.Sign(secret, DateTimeOffset.UtcNow.ToUnixTimeSeconds(), body));
            sends[id] = Stopwatch.GetTimestamp();
            using var response = await client.SendAsync(request);
            acks[id] = Stopwatch.GetTimestamp();
            response.EnsureSuccessStatusCode();
            arrivals[id] = await waiter.Task.WaitAsync(TimeSpan.FromSeconds(10));
        }

        return LiveLatency.From(sends, acks, arrivals);
    }

    private static string PaymentEvent(string id) =>
        "{\"id\":\"" + id + "\",\"object\":\"event\",\"api_version\":\"2025-03-31.basil\",\"type\":\"payment_intent.succeeded\",\"livemode\":false,\"pending_webhooks\":1,"
        + "\"data\":{\"object\":{\"id\":\"pi_" + id + "\",\"object\":\"payment_intent\",\"amount\":24000,\"amount_received\":24000,\"currency\":\"eur\",\"capture_method\":\"manual\",\"status\":\"succeeded\","
        + "\"metadata\":{\"reservation\":\"K7Q2\",\"folio\":\"" + Guid.NewGuid() + "\"},\"latest_charge\":\"ch_" + id + "\",\"payment_method\":\"pm_card_visa\"}},"
        + "\"request\":{\"id\":\"req_" + id + "\",\"idempotency_key\":\"" + Guid.NewGuid() + "\"}}";

    private static string Machine()
    {
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        var load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "n/a";
        return $"Machine: {cpu ?? RuntimeInformation.ProcessArchitecture.ToString()}, {Environment.ProcessorCount} logical CPUs, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}, GC server={System.Runtime.GCSettings.IsServerGC}; load average at the end: {load}";
    }

    private sealed record RunOptions(int Clients, TimeSpan Warmup, TimeSpan Duration, int LiveSamples)
    {
        public static RunOptions Parse(string[] args)
        {
            int Value(string name, int fallback)
            {
                var at = Array.IndexOf(args, name);
                return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
            }

            return new RunOptions(Value("--clients", 32), TimeSpan.FromSeconds(Value("--warmup", 3)), TimeSpan.FromSeconds(Value("--seconds", 15)), Value("--live-samples", 300));
        }
    }

    private sealed record LoadResult(double RequestsPerSecond, double[] SortedLatenciesMs, int Failures, IReadOnlyDictionary<string, long> Sends, IReadOnlyDictionary<string, long> Acks)
    {
        public string Describe(string name) => string.Create(
            CultureInfo.InvariantCulture,
            $"{name}: {RequestsPerSecond:0} req/s, ack p50 {Percentile(SortedLatenciesMs, 0.50):0.00} ms, p99 {Percentile(SortedLatenciesMs, 0.99):0.00} ms ({SortedLatenciesMs.Length} requests, {Failures} non-200)");
    }

    private sealed record LiveLatency(int Delivered, double[] SendToLiveMs, double[] AckToLiveMs)
    {
        public static LiveLatency From(IReadOnlyDictionary<string, long> sends, IReadOnlyDictionary<string, long> acks, IReadOnlyDictionary<string, long> arrivals)
        {
            var delivered = acks.Keys.Where(arrivals.ContainsKey).ToList();
            return new LiveLatency(
                delivered.Count,
                [.. delivered.Select(id => Stopwatch.GetElapsedTime(sends[id], arrivals[id]).TotalMilliseconds).Order()],
                [.. delivered.Select(id => (arrivals[id] - acks[id]) * 1000.0 / Stopwatch.Frequency).Order()]);
        }

        public string Describe(string name) => string.Create(
            CultureInfo.InvariantCulture,
            $"{name}: request sent → live update p50 {Percentile(SendToLiveMs, 0.50):0.0} ms, p99 {Percentile(SendToLiveMs, 0.99):0.0} ms; 200 received → live update p50 {Percentile(AckToLiveMs, 0.50):0.0} ms, p99 {Percentile(AckToLiveMs, 0.99):0.0} ms");
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[(int)Math.Round(p * (sorted.Length - 1))];
}
