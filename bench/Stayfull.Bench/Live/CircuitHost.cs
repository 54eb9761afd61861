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
        await using var app = await ConsoleApp.StartAsync(database.Provider, database.ConnectionString, MapMemory);
        var locks = await SeamLocks.ConnectAsync(app);
        Console.WriteLine($"Console of the demo hotel with the simulated locks (room {locks.Room} first); database {database.Description}; server GC {GCSettings.IsServerGC}");
        Console.WriteLine(Ready + app.BaseAddress());

        // Runs until the runner closes standard input.
        await Console.In.ReadToEndAsync();
        await app.StopAsync();
        return 0;
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

/// <summary>One reading of the app process after a full, compacting collection.</summary>
public sealed record MemoryReading(long ManagedBytes, long HeapSizeBytes, long CommittedBytes, long WorkingSetBytes, long PrivateBytes, double CpuMs, int Threads);
