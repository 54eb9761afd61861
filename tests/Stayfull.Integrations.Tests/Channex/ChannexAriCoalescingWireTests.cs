using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Stayfull.Domain.Channels;
using Stayfull.Domain.Channels.Ari;
using Stayfull.Domain.Rates;
using Stayfull.Domain.Tenancy;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using Xunit.Abstractions;

namespace Stayfull.Integrations.Tests.Channex;

/// <summary>
/// The whole outbound path against Channex's wire: rate edits made through the rates calendar are captured,
/// coalesced by the pusher and sent by the live adapter to a local fake Channex. The assertions read the
/// requests the fake recorded, not anything of ours.
/// </summary>
public sealed class ChannexAriCoalescingWireTests(ITestOutputHelper output)
{
    private const int RoomTypes = 10;

    [Fact]
    public async Task A_thousand_rate_edits_across_a_year_for_ten_room_types_reach_channex_as_a_handful_of_calls_within_the_budget()
    {
        await using var harness = await ChannexHarness.CreateAsync(roomTypes: RoomTypes);
        await harness.ConnectAsync();
        await MapAsync(harness);
        foreach (var path in new[] { "availability", "restrictions" })
        {
            harness.Server.Given(Request.Create().WithPath("/api/v1/" + path).UsingPost())
                .RespondWith(Response.Create().WithStatusCode(200).WithBodyAsJson(new { data = new[] { new { id = Guid.NewGuid().ToString(), type = "task" } }, meta = new { message = "Success", warnings = Array.Empty<object>() } }));
        }

        harness.Hotel.ActAs(StaffRole.Manager);
        var today = harness.Hotel.Today;
        var random = new Random(20261124);
        var rates = new long[] { 9000, 10000, 12500 };
        var expected = new Dictionary<(int Type, DateOnly Night), long>();
        var sentAt = new List<(DateTimeOffset At, string Path)>();
        for (var edit = 1; edit <= 1000; edit++)
        {
            var type = random.Next(RoomTypes);
            var from = today.AddDays(random.Next(365));
            var to = from.AddDays(random.Next(14));
            to = to > today.AddDays(364) ? today.AddDays(364) : to;
            var rate = rates[random.Next(rates.Length)];
            using (var scope = harness.Services.CreateScope())
            {
                await scope.ServiceProvider.GetRequiredService<RateService>().UpdateAsync(
                    new RateUpdate { RoomTypeIds = [harness.Hotel.RoomTypes[type].Id], From = from, To = to, RateMinor = rate },
                    CancellationToken.None);
            }

            for (var night = from; night <= to; night = night.AddDays(1))
            {
                expected[(type, night)] = rate;
            }

            // A bulk change: 1,000 edits in 10 seconds, the pusher woken by every save as in production.
            harness.Hotel.Time.Advance(TimeSpan.FromMilliseconds(10));
            await PushAsync(harness, sentAt);
        }

        for (var pass = 0; pass < 20; pass++)
        {
            harness.Hotel.Time.Advance(TimeSpan.FromSeconds(10));
            await PushAsync(harness, sentAt);
        }

        var restrictions = harness.Requests().Where(r => r.RequestMessage.Path == "/api/v1/restrictions").ToList();
        Assert.InRange(restrictions.Count, 1, 5);
        Assert.DoesNotContain(harness.Requests(), r => r.RequestMessage.Path == "/api/v1/availability");
        foreach (var window in sentAt.Where(s => s.Path == "/api/v1/restrictions"))
        {
            var inMinute = sentAt.Count(s => s.Path == window.Path && s.At >= window.At && s.At < window.At.AddMinutes(1));
            Assert.True(inMinute <= AriPusher.CallsPerMinute, $"{inMinute} restriction calls within a minute of {window.At:T}");
        }

        // Replaying the calls as Channex applies them (in order, last write wins) gives the hotel's final rates.
        var held = new Dictionary<(string RatePlanId, DateOnly Night), string>();
        var values = 0;
        foreach (var request in restrictions)
        {
            foreach (var value in ChannexHarness.Body(request).GetProperty("values").EnumerateArray())
            {
                values++;
                Assert.Equal(ChannexHarness.PropertyId, value.GetProperty("property_id").GetString());
                var (first, last) = value.TryGetProperty("date", out var date)
                    ? (Day(date), Day(date))
                    : (Day(value.GetProperty("date_from")), Day(value.GetProperty("date_to")));
                for (var night = first; night <= last; night = night.AddDays(1))
                {
                    held[(value.GetProperty("rate_plan_id").GetString()!, night)] = value.GetProperty("rate").GetString()!;
                }
            }
        }

        output.WriteLine($"{restrictions.Count} restriction calls carrying {values} values for {expected.Count} edited room-type nights.");
        Assert.True(values < expected.Count / 3, $"{values} values sent for {expected.Count} edited nights: not coalesced into ranges");
        foreach (var ((type, night), rate) in expected)
        {
            Assert.Equal((harness.Hotel.RatePlans[0].PriceOf(rate) / 100m).ToString("0.00", CultureInfo.InvariantCulture), held[(RatePlanId(harness, type), night)]);
        }
    }

    private static async Task PushAsync(ChannexHarness harness, List<(DateTimeOffset At, string Path)> sentAt)
    {
        var before = harness.Requests().Count;
        await harness.Services.GetRequiredService<AriPushRunner>().PushDueAsync(CancellationToken.None);
        sentAt.AddRange(harness.Requests().Skip(before).Select(r => (harness.Hotel.Time.GetUtcNow(), r.RequestMessage.Path)));
    }

    private static DateOnly Day(JsonElement value) => DateOnly.ParseExact(value.GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string RatePlanId(ChannexHarness harness, int type) => $"rp-{harness.Hotel.RoomTypes[type].Code.ToLowerInvariant()}";

    /// <summary>Each room type and its default plan, mapped as staff would on the Channels page.</summary>
    private static async Task MapAsync(ChannexHarness harness)
    {
        await using var db = harness.Hotel.Db();
        var plan = harness.Hotel.RatePlans[0];
        for (var t = 0; t < RoomTypes; t++)
        {
            var type = harness.Hotel.RoomTypes[t];
            db.ChannelRoomTypeMappings.Add(new ChannelRoomTypeMapping(harness.HotelId, type.Id, $"rt-{type.Code.ToLowerInvariant()}", type.Name));
            db.ChannelRatePlanMappings.Add(new ChannelRatePlanMapping(harness.HotelId, type.Id, plan.Id, RatePlanId(harness, t), plan.Name));
        }

        await db.SaveChangesAsync();
    }
}
