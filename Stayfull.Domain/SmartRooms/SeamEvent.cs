using System.Globalization;
using System.Text.Json;

namespace Stayfull.Domain.SmartRooms;

/// <summary>A Seam event as its webhook carries it (the event object itself), with typed reads of its fields.</summary>
/// <param name="Body">Valid only while the event is being handled.</param>
public sealed record SeamEvent(Guid HotelId, string EventId, string Type, DateTimeOffset OccurredAt, JsonElement Body)
{
    public string? DeviceId => Text("device_id");

    public string? AccessCodeId => Text("access_code_id");

    public string? ActionAttemptId => Text("action_attempt_id");

    public string? Text(string name) =>
        Body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public double? Number(string name) =>
        Body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : null;

    public bool? Flag(string name) =>
        Body.TryGetProperty(name, out var value) && value.ValueKind is JsonValueKind.True or JsonValueKind.False ? value.GetBoolean() : null;

    /// <summary>When the event happened by the hub's clock, else <paramref name="fallback"/>.</summary>
    public static DateTimeOffset When(JsonElement body, DateTimeOffset fallback)
    {
        foreach (var name in (string[])["occurred_at", "created_at"])
        {
            if (body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
                && DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, out var at))
            {
                return at;
            }
        }

        return fallback;
    }
}
