using System.Globalization;
using System.Text.Json;
using Stayfull.Domain.Channels;

namespace Stayfull.Integrations.Channex;

/// <summary>
/// Reads Channex's JSON:API-like objects leniently (an absent or differently typed field is null, never a crash)
/// and writes its dates and amounts as it expects them.
/// </summary>
internal static class ChannexJson
{
    /// <summary>ISO dates, as every Channex date field is written.</summary>
    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>
    /// A minor-unit amount as the decimal string Channex accepts, with the currency's own number of decimals
    /// (20000 EUR cents is "200.00", 20000 yen is "20000").
    /// </summary>
    public static string Rate(long minor, string currency)
    {
        var digits = Digits(currency);
        var major = new Domain.Common.Money(minor, currency).Major;
        return major.ToString("F" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    }

    /// <summary>The currency's minor-unit exponent: 2 for EUR, 0 for JPY, 3 for KWD.</summary>
    public static int Digits(string currency) => Domain.Common.Money.FromMajor(1, currency).Minor switch
    {
        1 => 0,
        1000 => 3,
        _ => 2,
    };

    public static JsonElement Child(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var value) ? value : default;

    public static string? String(JsonElement e, string name) => Child(e, name) switch
    {
        { ValueKind: JsonValueKind.String } value => value.GetString(),
        { ValueKind: JsonValueKind.Number } value => value.GetRawText(),
        _ => null,
    };

    public static IEnumerable<JsonElement> Array(JsonElement e, string name) =>
        Child(e, name) is { ValueKind: JsonValueKind.Array } value ? value.EnumerateArray() : [];

    public static int? Int(JsonElement e, string name) => Child(e, name) switch
    {
        { ValueKind: JsonValueKind.Number } value when value.TryGetInt32(out var number) => number,
        { ValueKind: JsonValueKind.String } value when int.TryParse(value.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) => number,
        _ => null,
    };

    /// <summary>Channex writes amounts as decimal strings ("200.00"); a plain number is read too.</summary>
    public static decimal? Decimal(JsonElement e, string name) => Amount(Child(e, name));

    public static DateOnly? DateOf(JsonElement e, string name) =>
        String(e, name) is { } text && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    /// <summary>Channex timestamps carry no zone (<c>2021-07-28T04:25:15.000000</c>): they are UTC.</summary>
    public static DateTimeOffset? Time(JsonElement e, string name) =>
        String(e, name) is { } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at) ? at.ToUniversalTime() : null;

    /// <summary>The <c>attributes</c> of a JSON:API object, with its <c>id</c> as a fallback for the attributes' own.</summary>
    public static (string? Id, JsonElement Attributes) Resource(JsonElement data)
    {
        var attributes = Child(data, "attributes");
        if (attributes.ValueKind != JsonValueKind.Object)
        {
            attributes = data;
        }

        return (String(data, "id") ?? String(attributes, "id"), attributes);
    }

    /// <summary>The id a JSON:API relationship points to (<c>relationships.{name}.data.id</c>).</summary>
    public static string? RelatedId(JsonElement data, string name) =>
        String(Child(Child(Child(data, "relationships"), name), "data"), "id");

    public static ChannelRoomType RoomType(JsonElement data)
    {
        var (id, a) = Resource(data);
        return new ChannelRoomType(id ?? "", String(a, "title") ?? id ?? "", Int(a, "count_of_rooms"));
    }

    public static ChannelRatePlan RatePlan(JsonElement data)
    {
        var (id, a) = Resource(data);
        var roomType = String(a, "room_type_id") ?? RelatedId(data, "room_type") ?? "";
        return new ChannelRatePlan(id ?? "", String(a, "title") ?? id ?? "", roomType, String(a, "currency"));
    }

    /// <summary>
    /// One booking revision. Only what the domain keeps is read: the <c>guarantee</c> (card) object and the
    /// customer's address are never touched, so card data cannot leak into the model or beyond.
    /// </summary>
    public static BookingRevision Revision(JsonElement data)
    {
        var (id, a) = Resource(data);
        var arrival = DateOf(a, "arrival_date") ?? throw Broken(id, "arrival_date");
        var departure = DateOf(a, "departure_date") ?? throw Broken(id, "departure_date");
        var customer = Child(a, "customer");
        return new BookingRevision
        {
            Id = String(a, "id") ?? id ?? throw Broken(id, "id"),
            BookingId = String(a, "booking_id") ?? throw Broken(id, "booking_id"),
            PropertyId = String(a, "property_id") ?? "",
            UniqueId = String(a, "unique_id") ?? String(a, "ota_reservation_code") ?? throw Broken(id, "unique_id"),
            OtaReservationCode = String(a, "ota_reservation_code"),
            OtaName = String(a, "ota_name") ?? "",
            Status = String(a, "status") switch
            {
                "new" => RevisionStatus.New,
                "modified" => RevisionStatus.Modified,
                "cancelled" => RevisionStatus.Cancelled,
                var other => throw new ChannelManagerException($"Channex sent booking revision {id} with an unknown status '{other}'.", null, isTransient: false),
            },
            ArrivalDate = arrival,
            DepartureDate = departure,
            ArrivalHour = String(a, "arrival_hour"),
            Amount = Decimal(a, "amount"),
            Currency = String(a, "currency") ?? "",
            OtaCommission = Decimal(a, "ota_commission"),
            PaymentCollect = String(a, "payment_collect"),
            PaymentType = String(a, "payment_type"),
            Notes = String(a, "notes"),
            InsertedAt = Time(a, "inserted_at") ?? DateTimeOffset.UnixEpoch,
            Customer = new RevisionCustomer(
                String(customer, "name"),
                String(customer, "surname"),
                String(customer, "mail"),
                String(customer, "phone"),
                String(customer, "country"),
                String(customer, "language")),
            Rooms = Array(a, "rooms").Select(r => Room(r, arrival, departure)).ToList(),
        };
    }

    public static ChannelMessage Message(JsonElement data, string? bookingId)
    {
        var (id, a) = Resource(data);
        return new ChannelMessage(
            id ?? "",
            bookingId ?? String(a, "booking_id"),
            RelatedId(data, "message_thread") ?? String(a, "message_thread_id"),
            String(a, "message") ?? "",
            String(a, "sender") == "guest" ? ChannelMessageSender.Guest : ChannelMessageSender.Property,
            Time(a, "inserted_at") ?? DateTimeOffset.UnixEpoch);
    }

    /// <summary>
    /// Channex's validation map (<c>{"rate":["must be greater than 0"]}</c>), a list of messages, or a single
    /// message, as one line for staff.
    /// </summary>
    public static string Flatten(JsonElement details)
    {
        switch (details.ValueKind)
        {
            case JsonValueKind.Object:
                return string.Join("; ", details.EnumerateObject().Select(p => $"{p.Name}: {Flatten(p.Value)}"));
            case JsonValueKind.Array:
                return string.Join(", ", details.EnumerateArray().Select(Flatten));
            case JsonValueKind.String:
                return details.GetString() ?? "";
            case JsonValueKind.Undefined or JsonValueKind.Null:
                return "";
            default:
                return details.GetRawText();
        }
    }

    private static RevisionRoom Room(JsonElement r, DateOnly arrival, DateOnly departure)
    {
        var occupancy = Child(r, "occupancy");
        var nights = new SortedDictionary<DateOnly, decimal>();
        if (Child(r, "days") is { ValueKind: JsonValueKind.Object } days)
        {
            foreach (var day in days.EnumerateObject())
            {
                if (DateOnly.TryParseExact(day.Name, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) && Amount(day.Value) is { } price)
                {
                    nights[date] = price;
                }
            }
        }

        return new RevisionRoom(
            DateOf(r, "checkin_date") ?? arrival,
            DateOf(r, "checkout_date") ?? departure,
            String(r, "room_type_id"),
            String(r, "rate_plan_id"),
            Int(occupancy, "adults") ?? 0,
            Int(occupancy, "children") ?? 0,
            Decimal(r, "amount"),
            nights);
    }

    private static decimal? Amount(JsonElement value) => value switch
    {
        { ValueKind: JsonValueKind.String } text when decimal.TryParse(text.GetString(), NumberStyles.Number, CultureInfo.InvariantCulture, out var amount) => amount,
        { ValueKind: JsonValueKind.Number } number when number.TryGetDecimal(out var amount) => amount,
        _ => null,
    };

    private static ChannelManagerException Broken(string? id, string field) =>
        new($"Channex sent booking revision {id ?? "(no id)"} without its {field}.", null, isTransient: false);

    /// <summary>Short UTF-8 safe preview of a body for an error message.</summary>
    public static string Preview(string text) => text.Length > 200 ? text[..200] + "…" : text;
}
