using Stayfull.Domain.Channels;

namespace Stayfull.Integrations.Channex;

/// <summary>
/// ARI on the simulated property: every push succeeds and is recorded (the last <see cref="ChannexDemoOptions.RecordedPushes"/>
/// per hotel), and a value Channex would drop comes back as a warning, as a real 200 with <c>meta.warnings</c> would:
/// an unknown room type or rate plan, a past date, a range that ends before it starts, a negative availability,
/// a rate of zero or less, a minimum stay under one night.
/// </summary>
public sealed partial class DemoChannelManager
{
    /// <summary>The hotel's recorded ARI pushes, newest first.</summary>
    public async Task<IReadOnlyList<DemoAriPush>> PushesAsync(Guid hotelId)
    {
        var property = await PropertyAsync(hotelId);
        lock (property)
        {
            return [.. property.Pushes];
        }
    }

    public async Task<AriPushResult> PushAvailabilityAsync(Guid hotelId, IReadOnlyList<AvailabilityValue> values, CancellationToken cancellationToken)
    {
        var stock = await StockAsync(hotelId, cancellationToken);
        var today = stock.Property.Today(time.GetUtcNow());
        var known = stock.Catalog.RoomTypes.Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
        var checks = values.Select(v =>
        {
            var problems = Dates(v.From, v.To, today);
            if (!known.Contains(v.RoomTypeId))
            {
                problems["room_type_id"] = "not found in the property";
            }

            if (v.Availability < 0)
            {
                problems["availability"] = "must be greater than or equal to 0";
            }

            return (Item: ChannexAri.Describe(v), Problems: problems);
        }).ToList();
        return await RecordAsync(hotelId, stock.Property, "availability", checks, cancellationToken);
    }

    public async Task<AriPushResult> PushRestrictionsAsync(Guid hotelId, string currency, IReadOnlyList<RestrictionValue> values, CancellationToken cancellationToken)
    {
        var stock = await StockAsync(hotelId, cancellationToken);
        var today = stock.Property.Today(time.GetUtcNow());
        var known = stock.Catalog.RatePlans.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        var checks = values.Select(v =>
        {
            var problems = Dates(v.From, v.To, today);
            if (!known.Contains(v.RatePlanId))
            {
                problems["rate_plan_id"] = "not found in the property";
            }

            if (v.RateMinor is <= 0)
            {
                problems["rate"] = "must be greater than 0";
            }

            if (v.MinStay is < 1)
            {
                problems["min_stay_arrival"] = "must be greater than 0";
            }

            if (v.RateMinor is null && v.MinStay is null && v.ClosedToArrival is null && v.ClosedToDeparture is null && v.StopSell is null)
            {
                problems["values"] = "at least one restriction should be present";
            }

            return (Item: ChannexAri.Describe(v, currency), Problems: problems);
        }).ToList();
        return await RecordAsync(hotelId, stock.Property, "restrictions", checks, cancellationToken);
    }

    private static Dictionary<string, string> Dates(DateOnly from, DateOnly to, DateOnly today)
    {
        var problems = new Dictionary<string, string>(StringComparer.Ordinal);
        if (from < today)
        {
            problems[from == to ? "date" : "date_from"] = "can't be in the past";
        }

        if (to < from)
        {
            problems["date_to"] = "should be equal to or after date_from";
        }

        return problems;
    }

    private async Task<AriPushResult> RecordAsync(Guid hotelId, DemoChannexProperty property, string kind, List<(string Item, Dictionary<string, string> Problems)> checks, CancellationToken cancellationToken)
    {
        if (checks.Count == 0)
        {
            return new AriPushResult([], [], IsDemo: true);
        }

        var warnings = checks.Where(c => c.Problems.Count > 0)
            .Select(c => new AriWarning(c.Item, string.Join("; ", c.Problems.Select(p => $"{p.Key}: {p.Value}"))))
            .ToList();
        DemoAriPush push;
        lock (property)
        {
            var taskId = warnings.Count < checks.Count ? property.NextId("task") : null;
            push = new DemoAriPush(time.GetUtcNow(), kind, checks.Select(c => c.Item).ToList(), warnings, taskId);
            property.Pushes.AddFirst(push);
            while (property.Pushes.Count > options.Value.RecordedPushes)
            {
                property.Pushes.RemoveLast();
            }
        }

        var summary = $"{Invariant(checks.Count)} values recorded, task {push.TaskId ?? "none"}"
            + (warnings.Count == 0 ? "" : $"; {Invariant(warnings.Count)} dropped: {string.Join(" | ", warnings.Take(5).Select(w => $"{w.Item} ({w.Message})"))}");
        await LogAsync(hotelId, "POST " + kind, true, summary, cancellationToken);
        return new AriPushResult(push.TaskId is { } id ? [id] : [], warnings, IsDemo: true);
    }
}
