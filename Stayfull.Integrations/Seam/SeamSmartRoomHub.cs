using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Stayfull.Domain.Integrations;
using Stayfull.Domain.SmartRooms;

namespace Stayfull.Integrations.Seam;

/// <summary>
/// The smart-room port over Seam Connect's RPC-style API (<c>POST /resource/action</c> with a JSON body),
/// through a factory-made <see cref="HttpClient"/> and the hotel's own API key. Seam's
/// <c>{"error":{type,message},"ok":false}</c> answers become <see cref="SmartRoomHubException"/>s: 429, 5xx,
/// timeouts and network failures are transient (with Retry-After), everything else is permanent.
/// Every call is written to the integration log, never with the key. A hotel without Seam credentials
/// is served by <see cref="DemoSmartRoomHub"/>.
/// </summary>
public sealed class SeamSmartRoomHub(
    ConnectionCredentialsStore credentials,
    IHttpClientFactory httpClients,
    IOptions<SeamOptions> options,
    IntegrationLogWriter log,
    DemoSmartRoomHub demo,
    TimeProvider time) : ISmartRoomHub
{
    public const string WorkspaceHeader = "seam-workspace";

    /// <summary>Stops a server that keeps answering "next page" from holding a caller forever.</summary>
    private const int MaxPages = 200;

    public async Task<IReadOnlyList<SmartDevice>> ListDevicesAsync(Guid hotelId, CancellationToken cancellationToken)
    {
        if (await KeysAsync(hotelId, cancellationToken) is not { } keys)
        {
            return await demo.ListDevicesAsync(hotelId, cancellationToken);
        }

        var devices = await ListAllAsync(hotelId, keys, "devices/list", [], "devices", cancellationToken);
        return devices.Select(SeamJson.Device).ToList();
    }

    public async Task<SmartDevice> GetDeviceAsync(Guid hotelId, string deviceId, CancellationToken cancellationToken)
    {
        if (await KeysAsync(hotelId, cancellationToken) is not { } keys)
        {
            return await demo.GetDeviceAsync(hotelId, deviceId, cancellationToken);
        }

        var root = await CallAsync(hotelId, keys, "devices/get", new() { ["device_id"] = deviceId }, r => $"device {deviceId}", cancellationToken);
        return SeamJson.Device(Required(root, "device", "devices/get"));
    }

    public async Task<AccessCodeCreated> CreateAccessCodeAsync(Guid hotelId, AccessCodeRequest request, CancellationToken cancellationToken)
    {
        if (await KeysAsync(hotelId, cancellationToken) is not { } keys)
        {
            return await demo.CreateAccessCodeAsync(hotelId, request, cancellationToken);
        }

        var body = new Dictionary<string, object?>
        {
            ["device_id"] = request.DeviceId,
            ["name"] = request.Name,
            ["starts_at"] = SeamJson.Timestamp(request.StartsAt),
            ["ends_at"] = SeamJson.Timestamp(request.EndsAt),
        };
        if (request.Code is { Length: > 0 } code)
        {
            body["code"] = code;
        }
        else if (request.PreferredCodeLength is { } length)
        {
            body["preferred_code_length"] = length;
        }

        if (request.UseBackupAccessCodePool)
        {
            body["use_backup_access_code_pool"] = true;
        }

        var root = await CallAsync(hotelId, keys, "access_codes/create", body, r => $"code {SeamJson.String(SeamJson.Child(r, "access_code"), "access_code_id")} on device {request.DeviceId}, {SeamJson.String(SeamJson.Child(r, "access_code"), "status")}", cancellationToken);
        var accessCode = SeamJson.AccessCode(Required(root, "access_code", "access_codes/create"));
        var attempt = SeamJson.Child(root, "action_attempt").ValueKind == JsonValueKind.Object
            ? SeamJson.ActionAttempt(root.GetProperty("action_attempt"))
            : new ActionAttempt("", "CREATE_ACCESS_CODE", ActionAttemptStatus.Pending, null, null);
        return new AccessCodeCreated(accessCode, attempt);
    }

    public async Task<ActionAttempt> DeleteAccessCodeAsync(Guid hotelId, string deviceId, string accessCodeId, CancellationToken cancellationToken)
    {
        if (await KeysAsync(hotelId, cancellationToken) is not { } keys)
        {
            return await demo.DeleteAccessCodeAsync(hotelId, deviceId, accessCodeId, cancellationToken);
        }

        return await ActionAsync(hotelId, keys, "access_codes/delete", new() { ["device_id"] = deviceId, ["access_code_id"] = accessCodeId }, cancellationToken);
    }

    public async Task<ActionAttempt> UpdateAccessCodeAsync(Guid hotelId, string accessCodeId, DateTimeOffset startsAt, DateTimeOffset endsAt, CancellationToken cancellationToken)
    {
        if (await KeysAsync(hotelId, cancellationToken) is not { } keys)
        {
            return await demo.UpdateAccessCodeAsync(hotelId, accessCodeId, startsAt, endsAt, cancellationToken);
        }

        var body = new Dictionary<string, object?>
        {
            ["access_code_id"] = accessCodeId,
            ["starts_at"] = SeamJson.Timestamp(startsAt),
            ["ends_at"] = SeamJson.Timestamp(endsAt),
        };
        var root = await CallAsync(hotelId, keys, "access_codes/update", body, r => $"code {accessCodeId} window {SeamJson.Timestamp(startsAt)} to {SeamJson.Timestamp(endsAt)}", cancellationToken);

        // The answer may carry only "ok": the change then shows in the code's events.
        return SeamJson.Child(root, "action_attempt").ValueKind == JsonValueKind.Object
            ? SeamJson.ActionAttempt(root.GetProperty("action_attempt"))
            : new ActionAttempt("", "UPDATE_ACCESS_CODE", ActionAttemptStatus.Pending, null, null);
    }

    public async Task<AccessCode> PullBackupAccessCodeAsync(Guid hotelId, string accessCodeId, CancellationToken cancellationToken)
    {
        if (await KeysAsync(hotelId, cancellationToken) is not { } keys)
        {
            return await demo.PullBackupAccessCodeAsync(hotelId, accessCodeId, cancellationToken);
        }

        var root = await CallAsync(hotelId, keys, "access_codes/pull_backup_access_code", new() { ["access_code_id"] = accessCodeId }, r => $"backup code {SeamJson.String(BackupOf(r), "access_code_id")} for {accessCodeId}", cancellationToken);
        return BackupOf(root) is { ValueKind: JsonValueKind.Object } backup
            ? SeamJson.AccessCode(backup)
            : throw new SmartRoomHubException("Seam answered access_codes/pull_backup_access_code without its access_code.", isTransient: false);
    }

    public async Task<IReadOnlyList<AccessCode>> ListAccessCodesAsync(Guid hotelId, string deviceId, CancellationToken cancellationToken)
    {
        if (await KeysAsync(hotelId, cancellationToken) is not { } keys)
        {
            return await demo.ListAccessCodesAsync(hotelId, deviceId, cancellationToken);
        }

        var codes = await ListAllAsync(hotelId, keys, "access_codes/list", new() { ["device_id"] = deviceId }, "access_codes", cancellationToken);
        return codes.Select(SeamJson.AccessCode).ToList();
    }

    public async Task<AccessCode> GetAccessCodeAsync(Guid hotelId, string accessCodeId, CancellationToken cancellationToken)
    {
        if (await KeysAsync(hotelId, cancellationToken) is not { } keys)
        {
            return await demo.GetAccessCodeAsync(hotelId, accessCodeId, cancellationToken);
        }

        var root = await CallAsync(hotelId, keys, "access_codes/get", new() { ["access_code_id"] = accessCodeId }, r => $"code {accessCodeId}: {SeamJson.String(SeamJson.Child(r, "access_code"), "status")}", cancellationToken);
        return SeamJson.AccessCode(Required(root, "access_code", "access_codes/get"));
    }

    public async Task<ActionAttempt> LockDoorAsync(Guid hotelId, string deviceId, CancellationToken cancellationToken) =>
        await KeysAsync(hotelId, cancellationToken) is { } keys
            ? await ActionAsync(hotelId, keys, "locks/lock_door", new() { ["device_id"] = deviceId }, cancellationToken)
            : await demo.LockDoorAsync(hotelId, deviceId, cancellationToken);

    public async Task<ActionAttempt> UnlockDoorAsync(Guid hotelId, string deviceId, CancellationToken cancellationToken) =>
        await KeysAsync(hotelId, cancellationToken) is { } keys
            ? await ActionAsync(hotelId, keys, "locks/unlock_door", new() { ["device_id"] = deviceId }, cancellationToken)
            : await demo.UnlockDoorAsync(hotelId, deviceId, cancellationToken);

    public async Task<ActionAttempt> GetActionAttemptAsync(Guid hotelId, string actionAttemptId, CancellationToken cancellationToken) =>
        await KeysAsync(hotelId, cancellationToken) is { } keys
            ? await ActionAsync(hotelId, keys, "action_attempts/get", new() { ["action_attempt_id"] = actionAttemptId }, cancellationToken)
            : await demo.GetActionAttemptAsync(hotelId, actionAttemptId, cancellationToken);

    public async Task<ActionAttempt> SetHeatCoolAsync(Guid hotelId, string deviceId, decimal heatingCelsius, decimal coolingCelsius, CancellationToken cancellationToken)
    {
        if (heatingCelsius > coolingCelsius)
        {
            throw new ArgumentException($"The heating set point ({heatingCelsius} °C) is above the cooling set point ({coolingCelsius} °C).", nameof(heatingCelsius));
        }

        return await KeysAsync(hotelId, cancellationToken) is { } keys
            ? await ActionAsync(hotelId, keys, "thermostats/heat_cool", new()
            {
                ["device_id"] = deviceId,
                ["heating_set_point_celsius"] = heatingCelsius,
                ["cooling_set_point_celsius"] = coolingCelsius,
            }, cancellationToken)
            : await demo.SetHeatCoolAsync(hotelId, deviceId, heatingCelsius, coolingCelsius, cancellationToken);
    }

    public async Task<ActionAttempt> TurnThermostatOffAsync(Guid hotelId, string deviceId, CancellationToken cancellationToken) =>
        await KeysAsync(hotelId, cancellationToken) is { } keys
            ? await ActionAsync(hotelId, keys, "thermostats/off", new() { ["device_id"] = deviceId }, cancellationToken)
            : await demo.TurnThermostatOffAsync(hotelId, deviceId, cancellationToken);

    /// <summary>The hotel's Seam credentials, or null for demo mode.</summary>
    internal async Task<VendorCredentials?> KeysAsync(Guid hotelId, CancellationToken cancellationToken)
    {
        var stored = await credentials.GetAsync(hotelId, IntegrationVendor.Seam, cancellationToken);
        return stored is null || stored["ApiKey"].Length == 0 ? null : stored;
    }

    /// <summary>One call: POST the JSON body, log it, and return Seam's answer or throw its error.</summary>
    internal async Task<JsonElement> CallAsync(Guid hotelId, VendorCredentials keys, string path, Dictionary<string, object?> body, Func<JsonElement, string> describe, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new StringContent(JsonSerializer.Serialize(body, SeamJson.Options), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", keys["ApiKey"]);
        if (keys["WorkspaceId"] is { Length: > 0 } workspace)
        {
            request.Headers.Add(WorkspaceHeader, workspace);
        }

        var client = httpClients.CreateClient(SeamOptions.HttpClientName);
        var started = Stopwatch.GetTimestamp();
        HttpResponseMessage response;
        string text;
        try
        {
            response = await client.SendAsync(request, cancellationToken);
            text = await response.Content.ReadAsStringAsync(cancellationToken);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            await LogAsync(hotelId, path, false, null, started, "timed out", cancellationToken);
            throw new SmartRoomHubException($"Seam did not answer {path} in time.", isTransient: true, innerException: ex);
        }
        catch (HttpRequestException ex)
        {
            await LogAsync(hotelId, path, false, null, started, $"network error: {ex.Message}", cancellationToken);
            throw new SmartRoomHubException($"Seam could not be reached for {path}: {ex.Message}", isTransient: true, innerException: ex);
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            var root = Parse(text);
            var ok = SeamJson.Child(root, "ok").ValueKind != JsonValueKind.False;
            if (response.IsSuccessStatusCode && root.ValueKind == JsonValueKind.Object && ok)
            {
                await LogAsync(hotelId, path, true, status, started, describe(root), cancellationToken);
                return root;
            }

            var error = SeamJson.Child(root, "error");
            var type = SeamJson.String(error, "type");
            var message = SeamJson.String(error, "message") ?? (text.Length > 200 ? text[..200] : text);
            var transient = status is 408 or 429 or >= 500;
            var summary = $"HTTP {status}{(type is null ? "" : " " + type)}: {message}";
            await LogAsync(hotelId, path, false, status, started, summary, cancellationToken);
            throw new SmartRoomHubException(
                $"Seam {(transient ? "could not serve" : "refused")} {path} ({summary}).",
                transient,
                status,
                type,
                transient ? RetryAfterHeader.From(response.Headers, time.GetUtcNow()) : null);
        }
    }

    private async Task<List<JsonElement>> ListAllAsync(Guid hotelId, VendorCredentials keys, string path, Dictionary<string, object?> filter, string arrayName, CancellationToken cancellationToken)
    {
        var items = new List<JsonElement>();
        string? cursor = null;
        for (var page = 1; page <= MaxPages; page++)
        {
            var body = new Dictionary<string, object?>(filter) { ["limit"] = options.Value.PageSize };
            if (cursor is not null)
            {
                body["page_cursor"] = cursor;
            }

            var root = await CallAsync(hotelId, keys, path, body, r => $"page {page.ToString(CultureInfo.InvariantCulture)}: {SeamJson.Array(r, arrayName).Count().ToString(CultureInfo.InvariantCulture)} {arrayName}", cancellationToken);
            items.AddRange(SeamJson.Array(root, arrayName));
            var pagination = SeamJson.Child(root, "pagination");
            cursor = SeamJson.Child(pagination, "has_next_page").ValueKind == JsonValueKind.True ? SeamJson.String(pagination, "next_page_cursor") : null;
            if (string.IsNullOrEmpty(cursor))
            {
                return items;
            }
        }

        throw new SmartRoomHubException($"Seam kept answering more pages of {path} after {MaxPages}.", isTransient: false);
    }

    private async Task<ActionAttempt> ActionAsync(Guid hotelId, VendorCredentials keys, string path, Dictionary<string, object?> body, CancellationToken cancellationToken)
    {
        var root = await CallAsync(hotelId, keys, path, body, r =>
        {
            var a = SeamJson.Child(r, "action_attempt");
            return $"{SeamJson.String(a, "action_type")} {SeamJson.String(a, "action_attempt_id")}: {SeamJson.String(a, "status")}{(SeamJson.String(SeamJson.Child(a, "error"), "message") is { } m ? " - " + m : "")}";
        }, cancellationToken);
        return SeamJson.ActionAttempt(Required(root, "action_attempt", path));
    }

    /// <summary>The pulled code: <c>access_code</c> in the API reference, <c>backup_access_code</c> in older clients.</summary>
    private static JsonElement BackupOf(JsonElement root) =>
        SeamJson.Child(root, "access_code") is { ValueKind: JsonValueKind.Object } code ? code : SeamJson.Child(root, "backup_access_code");

    private static JsonElement Required(JsonElement root, string name, string path) =>
        SeamJson.Child(root, name) is { ValueKind: JsonValueKind.Object } value
            ? value
            : throw new SmartRoomHubException($"Seam answered {path} without its {name}.", isTransient: false);

    private static JsonElement Parse(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return default;
        }
    }

    private Task LogAsync(Guid hotelId, string path, bool succeeded, int? status, long started, string summary, CancellationToken cancellationToken) =>
        log.RecordAsync(hotelId, IntegrationVendor.Seam, IntegrationDirection.Outbound, path, succeeded, status, Stopwatch.GetElapsedTime(started), summary, isDemo: false, cancellationToken);
}
