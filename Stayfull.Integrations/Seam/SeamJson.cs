using System.Globalization;
using System.Text.Json;
using Stayfull.Domain.SmartRooms;

namespace Stayfull.Integrations.Seam;

/// <summary>Reads Seam's snake_case objects leniently: an absent or differently typed field is null, never a crash.</summary>
internal static class SeamJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.General)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>UTC ISO 8601 with a Z, as Seam's examples write it.</summary>
    public static string Timestamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static SmartDevice Device(JsonElement d)
    {
        var p = Child(d, "properties");
        var battery = Number(p, "battery_level") ?? Number(Child(p, "battery"), "level");
        return new SmartDevice(
            String(d, "device_id") ?? "",
            String(d, "device_type") ?? "",
            String(d, "display_name") ?? String(p, "name") ?? String(d, "device_id") ?? "",
            String(p, "manufacturer"),
            String(p, "model") ?? String(Child(p, "model"), "display_name"),
            Bool(p, "online") ?? false,
            Bool(p, "locked"),
            Bool(p, "door_open"),
            battery,
            Strings(d, "capabilities_supported"),
            Array(p, "code_constraints").Select(c => new CodeConstraint(String(c, "constraint_type") ?? "", Int(c, "min_length"), Int(c, "max_length"))).ToList(),
            Array(p, "supported_code_lengths").Where(l => l.ValueKind == JsonValueKind.Number).Select(l => l.GetInt32()).ToList(),
            Issues(d, "errors", "error_code"),
            Issues(d, "warnings", "warning_code"))
        {
            TemperatureCelsius = Number(p, "temperature_celsius"),
            SupportsBackupCodePool = Bool(p, "supports_backup_access_code_pool") ?? false,
        };
    }

    public static AccessCode AccessCode(JsonElement c) => new(
        String(c, "access_code_id") ?? "",
        String(c, "device_id") ?? "",
        String(c, "code"),
        String(c, "name"),
        String(c, "status") switch
        {
            "setting" => AccessCodeStatus.Setting,
            "set" => AccessCodeStatus.Set,
            "unset" => AccessCodeStatus.Unset,
            "removing" => AccessCodeStatus.Removing,
            _ => AccessCodeStatus.Unknown,
        },
        Time(c, "starts_at"),
        Time(c, "ends_at"),
        Issues(c, "errors", "error_code"),
        Issues(c, "warnings", "warning_code"),
        Bool(c, "is_backup_access_code_available") ?? false);

    public static ActionAttempt ActionAttempt(JsonElement a)
    {
        var error = Child(a, "error");
        return new ActionAttempt(
            String(a, "action_attempt_id") ?? "",
            String(a, "action_type") ?? "",
            String(a, "status") switch
            {
                "success" => ActionAttemptStatus.Success,
                "error" => ActionAttemptStatus.Error,
                _ => ActionAttemptStatus.Pending,
            },
            String(error, "type"),
            String(error, "message"));
    }

    public static JsonElement Child(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var value) ? value : default;

    public static string? String(JsonElement e, string name) =>
        Child(e, name) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    public static IEnumerable<JsonElement> Array(JsonElement e, string name) =>
        Child(e, name) is { ValueKind: JsonValueKind.Array } value ? value.EnumerateArray() : [];

    private static bool? Bool(JsonElement e, string name) => Child(e, name).ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };

    private static double? Number(JsonElement e, string name) =>
        Child(e, name) is { ValueKind: JsonValueKind.Number } value ? value.GetDouble() : null;

    private static int? Int(JsonElement e, string name) =>
        Child(e, name) is { ValueKind: JsonValueKind.Number } value && value.TryGetInt32(out var number) ? number : null;

    private static DateTimeOffset? Time(JsonElement e, string name) =>
        String(e, name) is { } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at.ToUniversalTime() : null;

    private static List<string> Strings(JsonElement e, string name) =>
        Array(e, name).Where(s => s.ValueKind == JsonValueKind.String).Select(s => s.GetString()!).ToList();

    private static List<DeviceIssue> Issues(JsonElement e, string name, string codeField) =>
        Array(e, name).Select(i => new DeviceIssue(String(i, codeField) ?? String(i, "type") ?? "", String(i, "message") ?? "")).ToList();
}
