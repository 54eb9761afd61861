using System.Text.Json;
using System.Text.Json.Nodes;
using Stayfull.Domain.Channels;

namespace Stayfull.Integrations.Channex;

/// <summary>
/// The ARI messages Channex takes (<c>{"values":[…]}</c>, one day as <c>date</c>, a range as <c>date_from</c>/<c>date_to</c>,
/// unset restrictions left out so the channel keeps them) and what its answers say: task ids, and the items it
/// dropped listed in <c>meta.warnings</c> while still answering 200.
/// </summary>
internal static class ChannexAri
{
    public static JsonObject AvailabilityBody(string propertyId, IReadOnlyList<AvailabilityValue> values)
    {
        var items = new JsonArray();
        foreach (var value in values)
        {
            var item = new JsonObject { ["property_id"] = propertyId, ["room_type_id"] = value.RoomTypeId };
            Dates(item, value.From, value.To);
            item["availability"] = value.Availability;
            items.Add(item);
        }

        return new JsonObject { ["values"] = items };
    }

    public static JsonObject RestrictionsBody(string propertyId, string currency, IReadOnlyList<RestrictionValue> values)
    {
        var items = new JsonArray();
        foreach (var value in values)
        {
            var item = new JsonObject { ["property_id"] = propertyId, ["rate_plan_id"] = value.RatePlanId };
            Dates(item, value.From, value.To);
            if (value.RateMinor is { } rate)
            {
                item["rate"] = ChannexJson.Rate(rate, currency);
            }

            // The property's own "min stay type" decides what plain min_stay means; arrival-based is what our rule checks.
            if (value.MinStay is { } minStay)
            {
                item["min_stay_arrival"] = minStay;
            }

            if (value.ClosedToArrival is { } cta)
            {
                item["closed_to_arrival"] = cta;
            }

            if (value.ClosedToDeparture is { } ctd)
            {
                item["closed_to_departure"] = ctd;
            }

            if (value.StopSell is { } stopSell)
            {
                item["stop_sell"] = stopSell;
            }

            items.Add(item);
        }

        return new JsonObject { ["values"] = items };
    }

    public static string Describe(AvailabilityValue value) =>
        $"room type {value.RoomTypeId} {Span(value.From, value.To)}: availability {value.Availability}";

    public static string Describe(RestrictionValue value, string currency)
    {
        var parts = new List<string>();
        if (value.RateMinor is { } rate)
        {
            parts.Add($"rate {ChannexJson.Rate(rate, currency)} {currency}");
        }

        if (value.MinStay is { } minStay)
        {
            parts.Add($"min stay {minStay}");
        }

        if (value.ClosedToArrival is { } cta)
        {
            parts.Add($"closed to arrival {(cta ? "on" : "off")}");
        }

        if (value.ClosedToDeparture is { } ctd)
        {
            parts.Add($"closed to departure {(ctd ? "on" : "off")}");
        }

        if (value.StopSell is { } stopSell)
        {
            parts.Add($"stop sell {(stopSell ? "on" : "off")}");
        }

        return $"rate plan {value.RatePlanId} {Span(value.From, value.To)}: {string.Join(", ", parts)}";
    }

    public static string Span(DateOnly from, DateOnly to) =>
        from == to ? ChannexJson.Date(from) : $"{ChannexJson.Date(from)} to {ChannexJson.Date(to)}";

    public static IReadOnlyList<string> TaskIds(JsonElement root) =>
        ChannexJson.Array(root, "data").Select(d => ChannexJson.String(d, "id")).OfType<string>().ToList();

    /// <summary>Each dropped item as Channex echoed it (which room type or rate plan, which dates, which values) and why, field by field.</summary>
    public static IReadOnlyList<AriWarning> Warnings(JsonElement root) =>
        ChannexJson.Array(ChannexJson.Child(root, "meta"), "warnings").Select(Warning).ToList();

    private static AriWarning Warning(JsonElement w)
    {
        var subject = ChannexJson.String(w, "rate_plan_id") is { } ratePlan ? $"rate plan {ratePlan}"
            : ChannexJson.String(w, "room_type_id") is { } roomType ? $"room type {roomType}"
            : "value";
        var dates = ChannexJson.String(w, "date") is { } date ? date
            : ChannexJson.String(w, "date_from") is { } from ? $"{from} to {ChannexJson.String(w, "date_to") ?? from}"
            : "";
        var sent = w.ValueKind == JsonValueKind.Object
            ? w.EnumerateObject()
                .Where(p => p.Name is not ("warning" or "property_id" or "rate_plan_id" or "room_type_id" or "date" or "date_from" or "date_to") && p.Value.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined))
                .Select(p => $"{p.Name} {ChannexJson.Flatten(p.Value)}")
                .ToList()
            : [];
        var item = $"{subject}{(dates.Length > 0 ? " " + dates : "")}{(sent.Count > 0 ? ": " + string.Join(", ", sent) : "")}";
        var why = ChannexJson.Flatten(ChannexJson.Child(w, "warning"));
        return new AriWarning(item, why.Length > 0 ? why : ChannexJson.Flatten(w));
    }

    private static void Dates(JsonObject item, DateOnly from, DateOnly to)
    {
        if (from == to)
        {
            item["date"] = ChannexJson.Date(from);
        }
        else
        {
            item["date_from"] = ChannexJson.Date(from);
            item["date_to"] = ChannexJson.Date(to);
        }
    }
}
