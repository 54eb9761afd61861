using Microsoft.EntityFrameworkCore;
using Stayfull.Domain.Channels.Ari;
using Stayfull.Domain.Rates;
using Stayfull.Tests.Support;

namespace Stayfull.Domain.Tests.Channels.Ari;

/// <summary>Many edits become few calls of coalesced ranges, within the per-minute budget, ending in the final state.</summary>
public sealed class AriCoalescingTests
{
    private const int RoomTypes = 10;

    [Fact]
    public async Task A_thousand_rate_edits_across_a_year_for_ten_room_types_make_a_handful_of_calls_of_the_final_values()
    {
        await using var hotel = await AriHotel.CreateAsync(roomTypes: RoomTypes, roomsPerType: 1);
        await hotel.MapAsync();
        var random = new Random(20261124);
        var rates = new long[] { 9000, 10000, 12500 };
        var touched = new HashSet<(int Type, DateOnly Night)>();
        for (var edit = 1; edit <= 1000; edit++)
        {
            var type = random.Next(RoomTypes);
            var from = hotel.Today.AddDays(random.Next(365));
            var to = from.AddDays(random.Next(14));
            to = to > hotel.Today.AddDays(364) ? hotel.Today.AddDays(364) : to;
            var change = edit % 7 == 0
                ? TestHotelArrangements.Change with { MinStay = 1 + random.Next(3), ClosedToArrival = random.Next(4) == 0 }
                : TestHotelArrangements.Change with { RateMinor = rates[random.Next(rates.Length)] };
            await hotel.SetNightsAsync(from, to, change, type);
            for (var d = from; d <= to; d = d.AddDays(1))
            {
                touched.Add((type, d));
            }

            if (edit % 250 == 0)
            {
                // The pusher wakes now and then while the edits keep coming.
                hotel.Time.Advance(TimeSpan.FromSeconds(15));
                await hotel.PushAsync();
            }
        }

        await DrainAsync(hotel);

        var calls = hotel.Channel().Calls;
        Assert.InRange(calls.Count, 1, 5);
        Assert.All(calls, c => Assert.Equal(AriKind.Restrictions, c.Kind));
        AssertWithinBudget(calls);

        // Ranges, not nights: far fewer values than plan-nights touched.
        var planNights = touched.Count * hotel.RatePlans.Count;
        Assert.True(calls.Sum(c => c.ValueCount) < planNights / 3, $"{calls.Sum(c => c.ValueCount)} values for {planNights} plan-nights");

        // What the channel holds now is the hotel's final state, night by night.
        var channel = hotel.Channel().ReplayRestrictions(hotel.HotelId);
        var final = await CalendarAsync(hotel);
        foreach (var (type, night) in touched)
        {
            var day = final[hotel.RoomTypes[type].Id][night.DayNumber - hotel.Today.DayNumber];
            if (!channel.ContainsKey((hotel.ChannelRatePlan(type, 0), night)))
            {
                // Only edits that changed nothing (a minimum stay of 1 on an open night) leave a night unpushed.
                Assert.Equal((hotel.RoomTypes[type].BaseRateMinor, 1, false, false, false), (day.RateMinor, day.MinStay, day.ClosedToArrival, day.ClosedToDeparture, day.StopSell));
                continue;
            }

            for (var p = 0; p < hotel.RatePlans.Count; p++)
            {
                var held = channel[(hotel.ChannelRatePlan(type, p), night)];
                Assert.Equal((hotel.RatePlans[p].PriceOf(day.RateMinor), day.MinStay, day.ClosedToArrival, day.ClosedToDeparture, day.StopSell), (held.RateMinor!.Value, held.MinStay!.Value, held.ClosedToArrival!.Value, held.ClosedToDeparture!.Value, held.StopSell!.Value));
            }
        }
    }

    [Fact]
    public async Task Pushing_after_every_change_never_exceeds_ten_calls_of_a_kind_in_any_rolling_minute_and_drops_nothing()
    {
        await using var hotel = await AriHotel.CreateAsync(roomTypes: 2, roomsPerType: 40);
        await hotel.MapAsync();
        for (var i = 0; i < 90; i++)
        {
            // A booking and a rate edit each second, the pusher running after each.
            await hotel.BookAsync(hotel.Stay(fromToday: i % 30, nights: 1, type: i % 2));
            await hotel.SetNightsAsync(hotel.Today.AddDays(i), hotel.Today.AddDays(i), TestHotelArrangements.Change with { RateMinor = 11000 + i }, type: i % 2);
            await hotel.PushAsync();
            hotel.Time.Advance(TimeSpan.FromSeconds(1));
        }

        await DrainAsync(hotel);

        var calls = hotel.Channel().Calls;
        AssertWithinBudget(calls);
        Assert.Contains(calls, c => c.Kind == AriKind.Availability);
        var availability = hotel.Channel().ReplayAvailability(hotel.HotelId);
        var restrictions = hotel.Channel().ReplayRestrictions(hotel.HotelId);
        var final = await CalendarAsync(hotel);
        for (var i = 0; i < 90; i++)
        {
            var type = i % 2;
            var day = final[hotel.RoomTypes[type].Id][i];
            Assert.Equal(11000 + i, restrictions[(hotel.ChannelRatePlan(type), hotel.Today.AddDays(i))].RateMinor);
            if (i < 30)
            {
                Assert.Equal(day.Available, availability[(hotel.ChannelRoomType(type), hotel.Today.AddDays(i))]);
            }
        }
    }

    [Fact]
    public async Task A_full_sync_sends_exactly_one_call_of_each_kind_covering_five_hundred_nights()
    {
        await using var hotel = await AriHotel.CreateAsync(roomTypes: 3);
        await hotel.MapAsync();
        await hotel.SetNightsAsync(hotel.Today.AddDays(100), hotel.Today.AddDays(120), TestHotelArrangements.Change with { RateMinor = 30000 });
        await hotel.PushAsync();
        hotel.Time.Advance(TimeSpan.FromMinutes(5));
        var before = hotel.Channel().Calls.Count;

        await hotel.Get<AriSyncService>().FullSyncNowAsync(CancellationToken.None);
        await hotel.PushAsync();
        await hotel.PushAsync();

        var calls = hotel.Channel().Calls.Skip(before).ToList();
        Assert.Equal([AriKind.Availability, AriKind.Restrictions], calls.Select(c => c.Kind));
        var last = hotel.Today.AddDays(499);
        for (var t = 0; t < hotel.RoomTypes.Count; t++)
        {
            var ranges = calls[0].Availability.Where(v => v.RoomTypeId == hotel.ChannelRoomType(t)).OrderBy(v => v.From).ToList();
            AssertCovers(ranges.Select(v => (v.From, v.To)).ToList(), hotel.Today, last);
            for (var p = 0; p < hotel.RatePlans.Count; p++)
            {
                AssertCovers([.. calls[1].Restrictions.Where(v => v.RatePlanId == hotel.ChannelRatePlan(t, p)).OrderBy(v => v.From).Select(v => (v.From, v.To))], hotel.Today, last);
            }
        }

        await using var db = hotel.Db();
        Assert.All(await db.AriCalls.Where(c => c.At == hotel.Time.GetUtcNow()).ToListAsync(), c => Assert.True(c.IsFullSync));
        Assert.Single(await db.AuditEntries.Where(a => a.Action == "FullSyncRequested").ToListAsync());
    }

    [Fact]
    public async Task The_nightly_full_sync_is_queued_once_in_the_hotels_own_off_peak_slot()
    {
        await using var hotel = await AriHotel.CreateAsync();
        await hotel.MapAsync();
        var fullSync = hotel.Get<AriFullSync>();
        var slot = AriFullSync.SlotOf(hotel.HotelId);
        Assert.InRange(slot, TimeSpan.FromHours(2), TimeSpan.FromHours(5));
        // Lisbon is on UTC in November: the hotel's night starts at midnight UTC.
        var midnight = new DateTimeOffset(hotel.Today.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

        hotel.Time.SetUtcNow(midnight + slot - TimeSpan.FromMinutes(1));
        Assert.Equal(0, await fullSync.QueueNightlyAsync(CancellationToken.None));
        hotel.Time.SetUtcNow(midnight + slot);
        Assert.Equal(1, await fullSync.QueueNightlyAsync(CancellationToken.None));
        hotel.Time.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(0, await fullSync.QueueNightlyAsync(CancellationToken.None));

        var pending = await hotel.PendingAsync();
        Assert.Equal(2, pending.Count);
        Assert.All(pending, p => Assert.True(p.IsFullSync));
        await hotel.PushAsync();
        Assert.Equal(2, hotel.Channel().Calls.Count);

        // The next night gets its own.
        hotel.Time.SetUtcNow(midnight.AddDays(1) + slot);
        Assert.Equal(1, await fullSync.QueueNightlyAsync(CancellationToken.None));
    }

    [Fact]
    public async Task The_nightly_full_sync_leaves_hotels_without_a_mapping_alone()
    {
        await using var hotel = await AriHotel.CreateAsync();
        var midnight = new DateTimeOffset(hotel.Today.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        hotel.Time.SetUtcNow(midnight + AriFullSync.SlotOf(hotel.HotelId));

        Assert.Equal(0, await hotel.Get<AriFullSync>().QueueNightlyAsync(CancellationToken.None));
        Assert.Empty(await hotel.PendingAsync());
    }

    private static async Task DrainAsync(TestHotel hotel)
    {
        for (var i = 0; i < 20 && (await hotel.PendingAsync()).Count > 0; i++)
        {
            hotel.Time.Advance(TimeSpan.FromSeconds(61));
            await hotel.PushAsync();
        }

        Assert.Empty(await hotel.PendingAsync());
    }

    private static void AssertWithinBudget(IReadOnlyList<AriPushCall> calls)
    {
        foreach (var group in calls.GroupBy(c => (c.HotelId, c.Kind)))
        {
            var times = group.Select(c => c.At).OrderBy(t => t).ToList();
            for (var i = 0; i < times.Count; i++)
            {
                var inWindow = times.Count(t => t >= times[i] && t < times[i] + TimeSpan.FromMinutes(1));
                Assert.True(inWindow <= AriPusher.CallsPerMinute, $"{inWindow} {group.Key.Kind} calls in the minute from {times[i]:O}");
            }
        }
    }

    private static void AssertCovers(List<(DateOnly From, DateOnly To)> ranges, DateOnly first, DateOnly last)
    {
        Assert.Equal(first, ranges[0].From);
        Assert.Equal(last, ranges[^1].To);
        for (var i = 1; i < ranges.Count; i++)
        {
            Assert.Equal(ranges[i - 1].To.AddDays(1), ranges[i].From);
        }
    }

    private static async Task<Dictionary<Guid, IReadOnlyList<DayAvailability>>> CalendarAsync(TestHotel hotel) =>
        (await hotel.Get<AvailabilityService>().GetAsync(hotel.Today, hotel.Today.AddDays(365), CancellationToken.None))
            .ToDictionary(t => t.RoomTypeId, t => t.Days);
}
