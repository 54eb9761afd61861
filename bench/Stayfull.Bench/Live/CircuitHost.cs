using System.Diagnostics;
using System.Runtime;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Stayfull.Bench.Live;

/// <summary>
/// The app in a process of its own for the circuit memory runner, so Playwright's client and the runner's own
/// objects are not in the heap being measured. Adds one anonymous route, <c>/bench/memory</c>, that collects fully
/// and answers the heap and the process's memory and CPU time. Prints <c>READY {address}</c> when it listens.
/// </summary>
public static class CircuitHost
{
    public const string Ready = "READY ";

    public static async Task<int> RunAsync(string[] args)
    {
        await using var database = await BenchDatabase.CreateAsync(BenchDatabase.KindFrom(args));
        SeamLocks? locks = null;
        await using var app = await ConsoleApp.StartAsync(database.Provider, database.ConnectionString, app =>
        {
            MapMemory(app);
            MapToggle(app, () => locks ?? throw new InvalidOperationException("The locks are not connected yet."));
        });
        locks = await SeamLocks.ConnectAsync(app);
        Console.WriteLine($"Console of the demo hotel with the simulated locks (room {locks.Room} first); database {database.Description}; server GC {GCSettings.IsServerGC}");
        Console.WriteLine(Ready + app.BaseAddress());

        // Runs until the runner closes standard input.
        await Console.In.ReadToEndAsync();
        await app.StopAsync();
        return 0;
    }

    /// <summary>
    /// <c>GET /bench/lock</c> names the room whose lock the toggles change; <c>POST /bench/toggle</c> posts the next
    /// signed lock event to the app's own webhook endpoint and answers when its 200 came (wall clock, Unix ms).
    /// </summary>
    private static void MapToggle(WebApplication app, Func<SeamLocks> locks)
    {
        app.MapGet("/bench/lock", () => TypedResults.Ok(new ToggleResult(locks().Room, locks().ExpectedState, 0))).AllowAnonymous();
        var gate = new SemaphoreSlim(1);
        app.MapPost("/bench/toggle", async () =>
        {
            await gate.WaitAsync();
            try
            {
                using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First().TrimEnd('/') + "/") };
                using var request = locks().NextToggle();
                using var response = await http.SendAsync(request);
                var accepted = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
                response.EnsureSuccessStatusCode();
                return TypedResults.Ok(new ToggleResult(locks().Room, locks().ExpectedState, accepted));
            }
            finally
            {
                gate.Release();
            }
        }).AllowAnonymous();
    }

    private static void MapMemory(WebApplication app) =>
        app.MapGet("/bench/memory", (bool? collect) =>
        {
            // CPU time first, so the collection below is not counted in an idle window; ?collect=false skips it.
            using var process = Process.GetCurrentProcess();
            var cpuMs = process.TotalProcessorTime.TotalMilliseconds;
            if (collect == false)
            {
                return TypedResults.Ok(new MemoryReading(GC.GetTotalMemory(false), 0, 0, process.WorkingSet64, process.PrivateMemorySize64, cpuMs, process.Threads.Count));
            }

            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
            var managed = GC.GetTotalMemory(forceFullCollection: true);
            process.Refresh();
            var info = GC.GetGCMemoryInfo();
            return TypedResults.Ok(new MemoryReading(managed, info.HeapSizeBytes, info.TotalCommittedBytes, process.WorkingSet64, process.PrivateMemorySize64, cpuMs, process.Threads.Count));
        }).AllowAnonymous();
}

/// <summary>The toggled lock's room, the state its tile should now show, and when the webhook's 200 came (Unix ms).</summary>
public sealed record ToggleResult(string Room, string State, long AcceptedUnixMs);

/// <summary>One reading of the app process after a full, compacting collection.</summary>
public sealed record MemoryReading(long ManagedBytes, long HeapSizeBytes, long CommittedBytes, long WorkingSetBytes, long PrivateBytes, double CpuMs, int Threads);
