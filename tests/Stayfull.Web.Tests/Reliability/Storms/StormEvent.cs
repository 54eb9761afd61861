using System.Globalization;
using System.Text.Json;

namespace Stayfull.Web.Tests.Reliability.Storms;

/// <summary>One vendor event of a hotel's history, as the vendor would deliver it (signed at delivery time).</summary>
/// <param name="Sequence">Its place in the history: the order the events happened in.</param>
/// <param name="Key">The vendor's own id for the event (what dedupes it).</param>
public sealed record StormEvent(int Sequence, int HotelNumber, StormVendor Vendor, string Key, string Body);

public enum StormVendor
{
    Stripe,
    Seam,
    Twilio,
}

/// <summary>
/// Generates a believable history per hotel from a seed: Stripe deposits held, taken, partly refunded (some
/// declined first); Seam locks locking, unlocking, dropping off line and draining their batteries; guests
/// texting the hotel (and a few strangers).
/// </summary>
public static class StormHistory
{
    public static IReadOnlyList<StormEvent> Generate(IReadOnlyList<StormHotel> hotels, int seed, int seamEventsPerLock, int smsPerGuest, DateTimeOffset start)
    {
        var random = new Random(seed);
        var events = new List<StormEvent>();
        foreach (var hotel in hotels)
        {
            var plan = hotel.Plan;
            var perHotel = new List<(StormVendor Vendor, string Key, string Body)>();
            for (var g = 0; g < plan.Guests; g++)
            {
                var pi = plan.IntentId(g);
                var amount = hotel.DepositByIntent[pi];
                if (g % 5 == 1)
                {
                    perHotel.Add(Stripe($"evt_{pi}_declined", "payment_intent.payment_failed", Intent(pi, "requires_payment_method", amount, 0, 0, "Your card was declined.")));
                }

                perHotel.Add(Stripe($"evt_{pi}_held", "payment_intent.amount_capturable_updated", Intent(pi, "requires_capture", amount, amount, 0, null)));
                perHotel.Add(Stripe($"evt_{pi}_taken", "payment_intent.succeeded", Intent(pi, "succeeded", amount, 0, amount, null)));
                if (g % 3 == 0)
                {
                    var quarter = amount / 4;
                    perHotel.Add(Stripe($"evt_{pi}_refund1", "charge.refunded", Charge(pi, amount, quarter, [(pi + "_re1", quarter)])));
                    perHotel.Add(Stripe($"evt_{pi}_refund2", "charge.refunded", Charge(pi, amount, quarter * 2, [(pi + "_re1", quarter), (pi + "_re2", quarter)])));
                }
            }

            for (var d = 0; d < plan.Locks; d++)
            {
                var battery = 0.9;
                for (var k = 0; k < seamEventsPerLock; k++)
                {
                    var at = start.AddMinutes((d * seamEventsPerLock) + k);
                    var roll = random.Next(10);
                    var (type, extra) = roll switch
                    {
                        < 6 => (random.Next(2) == 0 ? "lock.locked" : "lock.unlocked", new Dictionary<string, object?>()),
                        < 8 => ("device.battery_status_changed", new Dictionary<string, object?> { ["battery_level"] = battery = Math.Round(Math.Max(0.05, battery - 0.01), 2), ["battery_status"] = battery < 0.2 ? "low" : "good" }),
                        _ => (random.Next(2) == 0 ? "device.disconnected" : "device.connected", new Dictionary<string, object?>()),
                    };
                    var id = $"evt-{plan.LockId(d)}-{k:0000}";
                    extra["event_id"] = id;
                    extra["event_type"] = type;
                    extra["device_id"] = plan.LockId(d);
                    extra["workspace_id"] = "ws-storm";
                    extra["occurred_at"] = at.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
                    extra["created_at"] = at.AddSeconds(1).ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
                    perHotel.Add((StormVendor.Seam, "msg_" + id, JsonSerializer.Serialize(extra)));
                }
            }

            for (var g = 0; g < plan.Guests; g++)
            {
                for (var m = 0; m < smsPerGuest; m++)
                {
                    perHotel.Add(Sms(plan, plan.GuestPhone(g), $"Guest {g} message {m}: could we have {random.Next(1, 5)} towels?"));
                }
            }

            for (var m = 0; m < smsPerGuest; m++)
            {
                perHotel.Add(Sms(plan, $"+4479000{plan.Number:00}{m % 3:000}", $"Stranger message {m}: do you have parking?"));
            }

            // The hotel's history in a plausible order: each guest's and lock's own events stay in order, the streams interleave.
            events.AddRange(Interleave(perHotel, random).Select(e => new StormEvent(0, plan.Number, e.Vendor, e.Key, e.Body)));
        }

        return [.. events.Select((e, i) => e with { Sequence = i })];
    }

    private static (StormVendor, string, string) Stripe(string id, string type, Dictionary<string, object?> dataObject) =>
        (StormVendor.Stripe, id, JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["id"] = id,
            ["object"] = "event",
            ["api_version"] = global::Stripe.StripeConfiguration.ApiVersion,
            ["created"] = 1_790_000_000,
            ["livemode"] = false,
            ["type"] = type,
            ["data"] = new Dictionary<string, object?> { ["object"] = dataObject },
        }));

    private static Dictionary<string, object?> Intent(string id, string status, long amount, long capturable, long received, string? error) => new()
    {
        ["id"] = id,
        ["object"] = "payment_intent",
        ["amount"] = amount,
        ["amount_capturable"] = capturable,
        ["amount_received"] = received,
        ["currency"] = "eur",
        ["status"] = status,
        ["metadata"] = new Dictionary<string, string>(),
        ["last_payment_error"] = error is null ? null : new Dictionary<string, object?> { ["message"] = error, ["type"] = "card_error" },
    };

    private static Dictionary<string, object?> Charge(string pi, long captured, long refunded, (string Id, long Amount)[] refunds) => new()
    {
        ["id"] = "ch_" + pi[3..],
        ["object"] = "charge",
        ["amount"] = captured,
        ["amount_captured"] = captured,
        ["amount_refunded"] = refunded,
        ["captured"] = true,
        ["refunded"] = refunded >= captured,
        ["currency"] = "eur",
        ["payment_intent"] = pi,
        ["status"] = "succeeded",
        ["metadata"] = new Dictionary<string, string>(),
        ["refunds"] = new Dictionary<string, object?>
        {
            ["object"] = "list",
            ["has_more"] = false,
            ["data"] = refunds.Select(r => new Dictionary<string, object?> { ["id"] = r.Id, ["object"] = "refund", ["amount"] = r.Amount, ["currency"] = "eur", ["payment_intent"] = pi, ["status"] = "succeeded", ["metadata"] = new Dictionary<string, string>() }).ToArray(),
        },
    };

    private static (StormVendor, string, string) Sms(StormHotelPlan plan, string from, string text)
    {
        var sid = "SM" + Guid.NewGuid().ToString("N");
        var fields = new Dictionary<string, string>
        {
            ["MessageSid"] = sid,
            ["SmsSid"] = sid,
            ["AccountSid"] = "AC-storm",
            ["From"] = from,
            ["To"] = plan.HotelNumber,
            ["Body"] = text,
            ["NumMedia"] = "0",
            ["SmsStatus"] = "received",
        };
        return (StormVendor.Twilio, sid, JsonSerializer.Serialize(fields));
    }

    /// <summary>Merges the streams (Stripe per intent, Seam per lock, SMS per sender) at random, keeping each stream's own order.</summary>
    private static List<(StormVendor Vendor, string Key, string Body)> Interleave(List<(StormVendor Vendor, string Key, string Body)> events, Random random)
    {
        var streams = events.GroupBy(StreamOf).Select(g => new Queue<(StormVendor, string, string)>(g)).ToList();
        var merged = new List<(StormVendor, string, string)>(events.Count);
        while (streams.Count > 0)
        {
            var i = random.Next(streams.Count);
            merged.Add(streams[i].Dequeue());
            if (streams[i].Count == 0)
            {
                streams.RemoveAt(i);
            }
        }

        return merged;
    }

    private static string StreamOf((StormVendor Vendor, string Key, string Body) e) => e.Vendor switch
    {
        StormVendor.Stripe => e.Key[..e.Key.LastIndexOf('_')],
        StormVendor.Seam => e.Key[..e.Key.LastIndexOf('-')],
        _ => JsonSerializer.Deserialize<Dictionary<string, string>>(e.Body)!["From"],
    };
}
