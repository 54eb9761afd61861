using System.Diagnostics;
using System.Threading.Channels;
using Stayfull.Web.Tests.Http.Harness;
using Stayfull.Web.Tests.Reliability.Storms.Fakes;
using Xunit.Abstractions;

namespace Stayfull.Web.Tests.Reliability.Storms;

/// <summary>
/// 10,000 signed deliveries from Stripe, Seam and Twilio to five hotels through the real webhook endpoints,
/// shuffled, with a fifth of them repeated (some at the same moment as the first delivery, some after it was
/// applied). The end state must equal that of a fresh app given each event once, in the order it happened,
/// and nothing may happen twice.
/// </summary>
[Collection(StormsRunAlone.Name)]
public sealed class WebhookStormTests(ITestOutputHelper output)
{
    private const int Deliveries = 10_000;
    private const int Clients = 32;
    private const int Seed = 20261125;

    [Fact]
    public async Task TenThousandShuffledAndRepeatedDeliveriesEndInTheStateOfEachEventAppliedOnceInOrder()
    {
        var plans = Enumerable.Range(1, 5).Select(n => new StormHotelPlan(n, Guests: 30, Locks: 6)).ToList();
        var secrets = plans.ToDictionary(p => p.Number, _ => StormSecrets.New());
        var clock = TimeProvider.System;
        var watch = Stopwatch.StartNew();

        using var stormVendors = new StormVendors();
        await using var storm = new StayfullApplication(settings: stormVendors.Settings);
        var stormHotels = await BuildAsync(storm, plans, secrets);
        var history = StormHistory.Generate([.. stormHotels.Values], Seed, seamEventsPerLock: 180, smsPerGuest: 12, clock.GetUtcNow().AddDays(-2));
        Assert.InRange(history.Count, Deliveries * 7 / 10, Deliveries * 9 / 10);
        output.WriteLine($"{history.Count} events in the history, {Deliveries - history.Count} repeated deliveries; set-up {watch.Elapsed.TotalSeconds:0.0}s");

        // The storm: every event once, some of them twice at the same moment, in a shuffled order; then late repeats.
        var random = new Random(Seed);
        var repeats = history.OrderBy(_ => random.Next()).Take(Deliveries - history.Count).ToList();
        var concurrent = repeats.Take(repeats.Count / 2).Select(e => e.Key).ToHashSet(StringComparer.Ordinal);
        var late = repeats.Skip(repeats.Count / 2).ToList();
        var firstWave = history.OrderBy(_ => random.Next()).Select(e => (Event: e, Copies: concurrent.Contains(e.Key) ? 2 : 1)).ToList();

        var stormDelivery = new StormDelivery(stormHotels, clock);
        var sent = Stopwatch.StartNew();
        var statuses = await SendConcurrentlyAsync(storm, stormDelivery, firstWave);
        output.WriteLine($"First wave: {firstWave.Sum(w => w.Copies)} deliveries in {sent.Elapsed.TotalSeconds:0.0}s");
        await StormWaits.DrainAsync(storm);
        output.WriteLine($"Applied after {sent.Elapsed.TotalSeconds:0.0}s");
        statuses.AddRange(await SendConcurrentlyAsync(storm, stormDelivery, [.. late.Select(e => (e, 1))]));
        await StormWaits.DrainAsync(storm);
        output.WriteLine($"Storm of {statuses.Count} deliveries sent and applied in {sent.Elapsed.TotalSeconds:0.0}s");

        Assert.Equal(Deliveries, statuses.Count);
        Assert.All(statuses, status => Assert.Equal(200, status));
        await StormState.AssertNoDuplicatesAsync(storm);

        // The same history, each event once and in order, to a fresh app.
        using var referenceVendors = new StormVendors();
        await using var reference = new StayfullApplication(settings: referenceVendors.Settings);
        var referenceHotels = await BuildAsync(reference, plans, secrets);
        Assert.All(plans, p => Assert.Equal(stormHotels[p.Number].DepositByIntent, referenceHotels[p.Number].DepositByIntent));
        var referenceDelivery = new StormDelivery(referenceHotels, clock);
        // Hotels share nothing, so each hotel's events go in order on a client of its own, side by side.
        await Task.WhenAll(history.GroupBy(e => e.HotelNumber).Select(async hotelHistory =>
        {
            using var client = reference.CreateClient();
            foreach (var e in hotelHistory.OrderBy(e => e.Sequence))
            {
                Assert.Equal(200, await referenceDelivery.SendAsync(client, e));
            }
        }));

        await StormWaits.DrainAsync(reference);
        output.WriteLine($"Reference applied after {sent.Elapsed.TotalSeconds:0.0}s");

        foreach (var plan in plans)
        {
            var expected = await StormState.OfAsync(reference, referenceHotels[plan.Number]);
            var actual = await StormState.OfAsync(storm, stormHotels[plan.Number]);
            AssertSameState(plan.Name, expected, actual);
        }

        foreach (var (vendor, calls) in stormVendors.Calls)
        {
            // The fakes never fail, so any second call for an intent is a duplicate side effect.
            Assert.All(calls.GroupBy(c => c.Intent), intent => Assert.True(intent.Count() == 1, $"{vendor} was asked {intent.Count()} times for one intent."));
            Assert.Equal(referenceVendors.Calls[vendor].Count, calls.Count);
        }

        output.WriteLine("Vendor calls: " + string.Join(", ", stormVendors.Calls.Select(v => $"{v.Key} {v.Value.Count}")));
        output.WriteLine($"Whole test {watch.Elapsed.TotalSeconds:0.0}s");
    }

    private static async Task<Dictionary<int, StormHotel>> BuildAsync(StayfullApplication app, IReadOnlyList<StormHotelPlan> plans, Dictionary<int, StormSecrets> secrets)
    {
        var hotels = new Dictionary<int, StormHotel>();
        foreach (var plan in plans)
        {
            hotels[plan.Number] = await StormHotels.BuildAsync(app, plan, secrets[plan.Number]);
        }

        return hotels;
    }

    /// <summary><see cref="Clients"/> senders take deliveries off one queue; an event with two copies has both sent at once.</summary>
    private static async Task<List<int>> SendConcurrentlyAsync(StayfullApplication app, StormDelivery delivery, IReadOnlyList<(StormEvent Event, int Copies)> work)
    {
        var queue = Channel.CreateUnbounded<(StormEvent Event, int Copies)>();
        foreach (var item in work)
        {
            queue.Writer.TryWrite(item);
        }

        queue.Writer.Complete();
        var statuses = new System.Collections.Concurrent.ConcurrentBag<int>();
        var senders = Enumerable.Range(0, Clients).Select(async _ =>
        {
            using var client = app.CreateClient();
            await foreach (var (e, copies) in queue.Reader.ReadAllAsync())
            {
                foreach (var status in await Task.WhenAll(Enumerable.Range(0, copies).Select(_ => delivery.SendAsync(client, e))))
                {
                    statuses.Add(status);
                }
            }
        });
        await Task.WhenAll(senders);
        return [.. statuses];
    }

    private void AssertSameState(string hotel, string expected, string actual)
    {
        if (expected == actual)
        {
            return;
        }

        var expectedLines = expected.Split('\n');
        var actualLines = actual.Split('\n');
        var first = Enumerable.Range(0, Math.Min(expectedLines.Length, actualLines.Length)).FirstOrDefault(i => expectedLines[i] != actualLines[i]);
        var folder = Path.Combine(Path.GetTempPath(), "stayfull-storm");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, hotel + ".in-order.json"), expected);
        File.WriteAllText(Path.Combine(folder, hotel + ".storm.json"), actual);
        output.WriteLine($"{hotel} differs at line {first}; both states are in {folder}");
        Assert.Fail($"{hotel}: the storm's end state differs from the in-order state at line {first}: expected '{expectedLines.ElementAtOrDefault(first)?.Trim()}', got '{actualLines.ElementAtOrDefault(first)?.Trim()}'.");
    }
}
