using BenchmarkDotNet.Running;
using Stayfull.Bench;
using Stayfull.Bench.Live;
using Stayfull.Bench.Webhooks;

// "load" runs the booking contention runner, "webhooks" the webhook intake runner, "pricing" the
// many-hotel recommendation runner, "live" the live update latency runner, "circuits" the console circuit
// memory runner ("circuit-host" is the app process that runner starts);
// anything else goes to BenchmarkDotNet (e.g. `-- --filter '*' --job short`).
if (args.Length > 0 && args[0] == "load")
{
    return await BookingLoadRunner.RunAsync(args[1..]);
}

if (args.Length > 0 && args[0] == "webhooks")
{
    return await WebhookIntakeRunner.RunAsync(args[1..]);
}

if (args.Length > 0 && args[0] == "pricing")
{
    return await PricingLoadRunner.RunAsync(args[1..]);
}

if (args.Length > 0 && args[0] == "live")
{
    return await LiveLatencyRunner.RunAsync(args[1..]);
}

if (args.Length > 0 && args[0] == "circuits")
{
    return await CircuitMemoryRunner.RunAsync(args[1..]);
}

if (args.Length > 0 && args[0] == "circuit-host")
{
    return await CircuitHost.RunAsync(args[1..]);
}

BenchmarkSwitcher.FromAssembly(typeof(AvailabilityBenchmarks).Assembly).Run(args);
return 0;
