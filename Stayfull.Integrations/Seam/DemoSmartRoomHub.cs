using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Stayfull.Domain.Data;
using Stayfull.Domain.Integrations;
using Stayfull.Domain.SmartRooms;

namespace Stayfull.Integrations.Seam;

/// <summary>
/// A simulated Seam workspace per hotel, held in memory: a lock and a thermostat for each of the hotel's
/// rooms, brands spread over August, Yale, Schlage, Kwikset and Nuki locks and Ecobee, Nest and Honeywell
/// thermostats, chosen from the hotel id so the same hotel always gets the same workspace. Devices behave
/// like real ones: actions stay pending for <see cref="SeamOptions.DemoActionDelay"/> on the injected clock,
/// codes are <c>setting</c> before they are <c>set</c>, one lock in a larger hotel is offline, batteries drain
/// by the day. Every call is logged as demo. What the devices do is also told as Seam webhook events
/// (see <see cref="TickAsync"/>), which the web host stores in the hotel's webhook inbox.
/// </summary>
public sealed partial class DemoSmartRoomHub(StayfullDb database, IntegrationLogWriter log, IOptions<SeamOptions> options, IOptions<SeamDemoOptions> demoOptions, TimeProvider time) : ISmartRoomHub
{
    internal static readonly (string Manufacturer, string Model, string Type, int[] Lengths)[] Locks =
    [
        ("August", "Wi-Fi Smart Lock", "august_lock", [6]),
        ("Yale", "Assure Lock 2", "yale_lock", [4, 5, 6, 7, 8]),
        ("Schlage", "Encode Plus", "schlage_lock", [4, 5, 6, 7, 8]),
        ("Kwikset", "Halo Touch", "kwikset_lock", [4, 5, 6, 7, 8]),
        ("Nuki", "Smart Lock Pro", "nuki_lock", [6]),
    ];

    internal static readonly (string Manufacturer, string Model, string Type)[] Thermostats =
    [
        ("Ecobee", "SmartThermostat Premium", "ecobee_thermostat"),
        ("Nest", "Learning Thermostat", "nest_thermostat"),
        ("Honeywell", "T9 Smart Thermostat", "honeywell_resideo_thermostat"),
    ];

    /// <summary>Battery lost per simulated day.</summary>
    private const double DailyDrain = 0.004;

    /// <summary>Below this level (0 to 1) a lock reports a low battery, as the console does.</summary>
    private const double LowBattery = 0.2;

    /// <summary>The eco band a thermostat keeps a room in until it is given set points, and where a room drifts with the heating off.</summary>
    private const double EcoLow = 17.0;
    private const double EcoHigh = 26.0;
    private const double Ambient = 18.0;

    /// <summary>How long the lock that starts offline stays out of reach.</summary>
    private static readonly TimeSpan InitialOutage = TimeSpan.FromMinutes(10);

    private readonly ConcurrentDictionary<Guid, Lazy<Task<Workspace>>> _workspaces = new();

    public async Task<IReadOnlyList<SmartDevice>> ListDevicesAsync(Guid hotelId, CancellationToken cancellationToken)
    {
        var workspace = await WorkspaceAsync(hotelId);
        List<SmartDevice> devices;
        lock (workspace)
        {
            Advance(workspace);
            devices = workspace.Devices.Select(d => d.Snapshot()).ToList();
        }

        await LogAsync(hotelId, "devices/list", true, $"{devices.Count} simulated devices", cancellationToken);
        return devices;
    }

    public async Task<SmartDevice> GetDeviceAsync(Guid hotelId, string deviceId, CancellationToken cancellationToken)
    {
        var workspace = await WorkspaceAsync(hotelId);
        SmartDevice device;
        lock (workspace)
        {
            Advance(workspace);
            device = Find(workspace, deviceId).Snapshot();
        }

        await LogAsync(hotelId, "devices/get", true, $"device {deviceId}", cancellationToken);
        return device;
    }

    public async Task<AccessCodeCreated> CreateAccessCodeAsync(Guid hotelId, AccessCodeRequest request, CancellationToken cancellationToken)
    {
        if (request.EndsAt <= request.StartsAt || request.EndsAt <= time.GetUtcNow())
        {
            await LogAsync(hotelId, "access_codes/create", false, "invalid_input: ends_at must be in the future and after starts_at", cancellationToken);
            throw new SmartRoomHubException("Seam (demo) refused access_codes/create: ends_at must be in the future and after starts_at.", isTransient: false, 400, "invalid_input");
        }

        var workspace = await WorkspaceAsync(hotelId);
        DemoCode code;
        DemoAttempt attempt;
        lock (workspace)
        {
            var now = Advance(workspace);
            var device = Find(workspace, request.DeviceId);
            if (!device.IsLock)
            {
                throw new SmartRoomHubException($"Seam (demo) refused access_codes/create: {request.DeviceId} takes no access codes.", isTransient: false, 400, "invalid_input");
            }

            var length = request.Code?.Length ?? (request.PreferredCodeLength is { } preferred && device.Lengths.Contains(preferred) ? preferred : device.Lengths[0]);
            var digits = request.Code ?? workspace.NextCode(length);
            code = new DemoCode(workspace.NextId("ac"), device, digits, request.Name, request.StartsAt, request.EndsAt, device.Online ? now + options.Value.DemoActionDelay : null);
            workspace.Codes.Add(code);
            attempt = workspace.Attempt("CREATE_ACCESS_CODE", now + options.Value.DemoActionDelay, device.Online ? null : "Device is offline.");
        }

        await LogAsync(hotelId, "access_codes/create", true, $"code {code.Id} on {request.DeviceId}: setting", cancellationToken);
        var at = time.GetUtcNow();
        return new AccessCodeCreated(code.Snapshot(at), attempt.Snapshot(at));
    }

    public async Task<ActionAttempt> DeleteAccessCodeAsync(Guid hotelId, string deviceId, string accessCodeId, CancellationToken cancellationToken)
    {
        var workspace = await WorkspaceAsync(hotelId);
        DemoAttempt attempt;
        lock (workspace)
        {
            var now = Advance(workspace);
            var code = workspace.Codes.FirstOrDefault(c => c.Id == accessCodeId)
                ?? throw new SmartRoomHubException($"Seam (demo): access code {accessCodeId} not found.", isTransient: false, 404, "access_code_not_found");
            code.RemovedAt ??= now + options.Value.DemoActionDelay;
            attempt = workspace.Attempt("DELETE_ACCESS_CODE", now + options.Value.DemoActionDelay, null);
        }

        await LogAsync(hotelId, "access_codes/delete", true, $"code {accessCodeId} removing", cancellationToken);
        return attempt.Snapshot(time.GetUtcNow());
    }

    public async Task<IReadOnlyList<AccessCode>> ListAccessCodesAsync(Guid hotelId, string deviceId, CancellationToken cancellationToken)
    {
        var workspace = await WorkspaceAsync(hotelId);
        List<AccessCode> codes;
        lock (workspace)
        {
            var now = Advance(workspace);
            codes = workspace.Codes.Where(c => c.Device.Id == deviceId && !c.IsGone(now)).Select(c => c.Snapshot(now)).ToList();
        }

        await LogAsync(hotelId, "access_codes/list", true, $"{codes.Count} codes on {deviceId}", cancellationToken);
        return codes;
    }

    public async Task<AccessCode> GetAccessCodeAsync(Guid hotelId, string accessCodeId, CancellationToken cancellationToken)
    {
        var workspace = await WorkspaceAsync(hotelId);
        AccessCode code;
        lock (workspace)
        {
            var now = Advance(workspace);
            code = workspace.Codes.FirstOrDefault(c => c.Id == accessCodeId && !c.IsGone(now))?.Snapshot(now)
                ?? throw new SmartRoomHubException($"Seam (demo): access code {accessCodeId} not found.", isTransient: false, 404, "access_code_not_found");
        }

        await LogAsync(hotelId, "access_codes/get", true, $"code {accessCodeId}: {code.Status}", cancellationToken);
        return code;
    }

    public Task<ActionAttempt> LockDoorAsync(Guid hotelId, string deviceId, CancellationToken cancellationToken) =>
        DeviceActionAsync(hotelId, deviceId, "locks/lock_door", "LOCK_DOOR", d => d.Locked = true, cancellationToken);

    public Task<ActionAttempt> UnlockDoorAsync(Guid hotelId, string deviceId, CancellationToken cancellationToken) =>
        DeviceActionAsync(hotelId, deviceId, "locks/unlock_door", "UNLOCK_DOOR", d => d.Locked = false, cancellationToken);

    public async Task<ActionAttempt> GetActionAttemptAsync(Guid hotelId, string actionAttemptId, CancellationToken cancellationToken)
    {
        var workspace = await WorkspaceAsync(hotelId);
        ActionAttempt attempt;
        lock (workspace)
        {
            var now = Advance(workspace);
            attempt = (workspace.Attempts.TryGetValue(actionAttemptId, out var found) ? found
                : throw new SmartRoomHubException($"Seam (demo): action attempt {actionAttemptId} not found.", isTransient: false, 404, "action_attempt_not_found"))
                .Snapshot(now);
        }

        await LogAsync(hotelId, "action_attempts/get", true, $"{attempt.ActionType} {attempt.Id}: {attempt.Status}", cancellationToken);
        return attempt;
    }

    public Task<ActionAttempt> SetHeatCoolAsync(Guid hotelId, string deviceId, decimal heatingCelsius, decimal coolingCelsius, CancellationToken cancellationToken) =>
        DeviceActionAsync(hotelId, deviceId, "thermostats/heat_cool", "SET_HVAC_MODE", d => d.HeatCool((double)heatingCelsius, (double)coolingCelsius), cancellationToken);

    public Task<ActionAttempt> TurnThermostatOffAsync(Guid hotelId, string deviceId, CancellationToken cancellationToken) =>
        DeviceActionAsync(hotelId, deviceId, "thermostats/off", "SET_HVAC_MODE", d => d.TurnOff(), cancellationToken);

    /// <summary>An action the device carries out once the attempt completes (and only if it was online when asked).</summary>
    private async Task<ActionAttempt> DeviceActionAsync(Guid hotelId, string deviceId, string operation, string actionType, Action<DemoDevice> apply, CancellationToken cancellationToken)
    {
        var workspace = await WorkspaceAsync(hotelId);
        DemoAttempt attempt;
        lock (workspace)
        {
            var now = Advance(workspace);
            var device = Find(workspace, deviceId);
            attempt = workspace.Attempt(actionType, now + options.Value.DemoActionDelay, device.Online ? null : "Device is offline.", device, apply);
        }

        await LogAsync(hotelId, operation, true, $"{actionType} {attempt.Id} on {deviceId}", cancellationToken);
        return attempt.Snapshot(time.GetUtcNow());
    }

    private static DemoDevice Find(Workspace workspace, string deviceId) =>
        workspace.Devices.FirstOrDefault(d => d.Id == deviceId)
        ?? throw new SmartRoomHubException($"Seam (demo): device {deviceId} not found.", isTransient: false, 404, "device_not_found");

    private Task<Workspace> WorkspaceAsync(Guid hotelId) =>
        _workspaces.GetOrAdd(hotelId, id => new Lazy<Task<Workspace>>(() => CreateWorkspaceAsync(id))).Value;

    private async Task<Workspace> CreateWorkspaceAsync(Guid hotelId)
    {
        List<string> rooms;
        await using (var db = database.ForHotel(hotelId))
        {
            rooms = (await db.Rooms.AsNoTracking().Select(r => r.Number).ToListAsync()).Order(StringComparer.Ordinal).ToList();
        }

        if (rooms.Count == 0)
        {
            rooms = Enumerable.Range(101, 10).Select(n => n.ToString(CultureInfo.InvariantCulture)).ToList();
        }

        var seed = hotelId.ToByteArray().Aggregate(17, (hash, b) => unchecked((hash * 31) + b)) & int.MaxValue;
        var workspace = new Workspace(hotelId, seed, demoOptions.Value.Seed ?? seed, time.GetUtcNow());
        var offline = rooms.Count >= 8 ? seed % rooms.Count : -1;
        for (var i = 0; i < rooms.Count; i++)
        {
            var (lockMaker, lockModel, lockType, lengths) = Locks[(seed + i) % Locks.Length];
            var startBattery = 0.55 + ((seed / (i + 1)) % 45 / 100.0);
            var roomLock = new DemoDevice(workspace.NextId("dev"), lockType, $"Room {rooms[i]} lock", lockMaker, lockModel, isLock: true, lengths, startBattery, workspace.CreatedAt) { Locked = true };
            if (i == offline)
            {
                // Out of reach when the workspace starts, back a little later: codes for its room wait, then set.
                roomLock.Online = false;
                roomLock.OfflineUntil = workspace.CreatedAt + InitialOutage;
            }

            workspace.Devices.Add(roomLock);
            var (heatMaker, heatModel, heatType) = Thermostats[(seed + i) % Thermostats.Length];
            workspace.Devices.Add(new DemoDevice(workspace.NextId("dev"), heatType, $"Room {rooms[i]} thermostat", heatMaker, heatModel, isLock: false, [], null, workspace.CreatedAt)
            {
                Climate = "eco",
                Temperature = 20.0 + ((seed + i) % 5 * 0.5),
            });
        }

        return workspace;
    }

    private Task LogAsync(Guid hotelId, string operation, bool succeeded, string summary, CancellationToken cancellationToken) =>
        log.RecordAsync(hotelId, IntegrationVendor.Seam, IntegrationDirection.Outbound, operation, succeeded, succeeded ? 200 : 400, TimeSpan.Zero, "Demo: " + summary, isDemo: true, cancellationToken);

    private sealed class Workspace(Guid hotelId, int seed, int randomSeed, DateTimeOffset createdAt)
    {
        private int _sequence;

        public Guid HotelId { get; } = hotelId;

        public DateTimeOffset CreatedAt { get; } = createdAt;

        /// <summary>Every chance the simulation takes, in tick order: the same seed and ticks give the same story.</summary>
        public Random Random { get; } = new(randomSeed);

        /// <summary>How far the devices have acted on the clock: what was due up to here is done and told.</summary>
        public DateTimeOffset AdvancedTo { get; set; } = createdAt;

        public List<DemoDevice> Devices { get; } = [];

        public List<DemoCode> Codes { get; } = [];

        public Dictionary<string, DemoAttempt> Attempts { get; } = new(StringComparer.Ordinal);

        /// <summary>Attempts whose outcome has not been told yet: the only ones a tick looks at.</summary>
        public List<DemoAttempt> Untold { get; } = [];

        /// <summary>Doors a guest opened, which lock themselves again at the given time.</summary>
        public List<(DateTimeOffset At, DemoDevice Device)> Relocks { get; } = [];

        /// <summary>Events told by the devices and not yet delivered to the hotel's inbox, oldest first.</summary>
        public List<DemoSeamEvent> Events { get; } = [];

        public int EventCount { get; set; }

        public string NextId(string prefix) => $"demo_{prefix}_{seed:x8}_{++_sequence:D4}";

        /// <summary>A deterministic code of the given length that does not start with 0.</summary>
        public string NextCode(int length)
        {
            var value = unchecked((uint)((seed * 7919L) + (++_sequence * 104729L)));
            var digits = (1 + (value % 9)).ToString(CultureInfo.InvariantCulture);
            while (digits.Length < length)
            {
                value = unchecked((value * 1103515245u) + 12345u);
                digits += ((value >> 16) % 10).ToString(CultureInfo.InvariantCulture);
            }

            return digits;
        }

        public DemoAttempt Attempt(string actionType, DateTimeOffset completesAt, string? error, DemoDevice? device = null, Action<DemoDevice>? effect = null)
        {
            var attempt = new DemoAttempt(NextId("aa"), actionType, completesAt, error) { Device = device, Effect = effect };
            Attempts[attempt.Id] = attempt;
            Untold.Add(attempt);
            return attempt;
        }
    }

    private sealed class DemoDevice(string id, string type, string name, string manufacturer, string model, bool isLock, int[] lengths, double? startBattery, DateTimeOffset since)
    {
        public string Id { get; } = id;

        public string Manufacturer { get; } = manufacturer;

        public bool IsLock { get; } = isLock;

        public int[] Lengths { get; } = lengths;

        public bool Online { get; set; } = true;

        /// <summary>When an offline device comes back; null while online or lost for good.</summary>
        public DateTimeOffset? OfflineUntil { get; set; }

        public bool Locked { get; set; }

        public string Climate { get; set; } = "";

        /// <summary>0 to 1; drains a little every day and now and then by use.</summary>
        public double? Battery { get; set; } = startBattery;

        /// <summary>The clock up to which the daily drain is counted.</summary>
        public DateTimeOffset DrainedTo { get; set; } = since;

        /// <summary>The 5 % step of the battery level last told, so a status change is told once per step.</summary>
        public int? BatteryStepTold { get; set; } = startBattery is { } level ? BatteryStep(level) : null;

        public bool LowBatteryTold { get; set; } = startBattery < LowBattery;

        public double Temperature { get; set; } = 21.0;

        public double? HeatingSetPoint { get; private set; }

        public double? CoolingSetPoint { get; private set; }

        /// <summary>The temperature the room is drifting toward, or null when it is where the thermostat wants it.</summary>
        public double? Target => Climate switch
        {
            "off" => Math.Abs(Temperature - Ambient) < 0.01 ? null : Ambient,
            _ when Temperature < (HeatingSetPoint ?? EcoLow) - 0.01 => HeatingSetPoint ?? EcoLow,
            _ when Temperature > (CoolingSetPoint ?? EcoHigh) + 0.01 => CoolingSetPoint ?? EcoHigh,
            _ => null,
        };

        public static int BatteryStep(double level) => (int)Math.Floor(level * 20);

        public void HeatCool(double heating, double cooling)
        {
            Climate = $"heat_cool {heating}–{cooling} °C";
            HeatingSetPoint = heating;
            CoolingSetPoint = cooling;
        }

        public void TurnOff()
        {
            Climate = "off";
            HeatingSetPoint = null;
            CoolingSetPoint = null;
        }

        public SmartDevice Snapshot()
        {
            double? battery = Battery is { } level ? Math.Round(level, 3) : null;
            var errors = Online ? new List<DeviceIssue>() : [new DeviceIssue("device_offline", "Device is offline")];
            var warnings = battery is < LowBattery ? [new DeviceIssue("low_battery", "Battery is low")] : new List<DeviceIssue>();
            return new SmartDevice(
                Id,
                type,
                name,
                Manufacturer,
                model,
                Online,
                IsLock ? Locked : null,
                IsLock ? false : null,
                battery,
                IsLock ? [SmartDeviceCapabilities.Lock, SmartDeviceCapabilities.AccessCode] : [SmartDeviceCapabilities.Thermostat],
                IsLock ? [new CodeConstraint("no_zeros_first", null, null)] : [],
                Lengths,
                errors,
                warnings)
            {
                TemperatureCelsius = IsLock ? null : Math.Round(Temperature, 1),
                SupportsBackupCodePool = IsLock && Manufacturer is "Schlage" or "Kwikset",
            };
        }
    }

    private sealed class DemoCode(string id, DemoDevice device, string code, string name, DateTimeOffset startsAt, DateTimeOffset endsAt, DateTimeOffset? setAt)
    {
        public string Id { get; } = id;

        public DemoDevice Device { get; } = device;

        public string Code { get; } = code;

        public string Name { get; } = name;

        public DateTimeOffset StartsAt { get; } = startsAt;

        public DateTimeOffset EndsAt { get; } = endsAt;

        /// <summary>When the code is on the lock; null while the lock is out of reach.</summary>
        public DateTimeOffset? SetAt { get; set; } = setAt;

        public DateTimeOffset? RemovedAt { get; set; }

        public bool SetTold { get; set; }

        public bool RemovedTold { get; set; }

        public bool IsGone(DateTimeOffset now) => RemovedAt is { } removed && now >= removed;

        public bool IsSet(DateTimeOffset now) => SetAt is { } set && now >= set && !IsGone(now);

        public AccessCode Snapshot(DateTimeOffset now)
        {
            var status = RemovedAt is not null ? AccessCodeStatus.Removing
                : SetAt is { } set && now >= set ? AccessCodeStatus.Set
                : AccessCodeStatus.Setting;
            var warnings = SetAt is null ? [new DeviceIssue("device_offline", "The lock is offline; the code will be set when it reconnects.")] : new List<DeviceIssue>();
            return new AccessCode(Id, Device.Id, Code, Name, status, StartsAt, EndsAt, [], warnings, IsBackupAccessCodeAvailable: false);
        }
    }

    private sealed class DemoAttempt(string id, string actionType, DateTimeOffset completesAt, string? error)
    {
        public string Id { get; } = id;

        public string ActionType { get; } = actionType;

        public DateTimeOffset CompletesAt { get; } = completesAt;

        public string? Error { get; } = error;

        /// <summary>The device the action is for, when it changes one.</summary>
        public DemoDevice? Device { get; init; }

        /// <summary>What the device does once the action succeeds.</summary>
        public Action<DemoDevice>? Effect { get; init; }

        public bool Told { get; set; }

        public ActionAttempt Snapshot(DateTimeOffset now) => now < CompletesAt
            ? new ActionAttempt(Id, ActionType, ActionAttemptStatus.Pending, null, null)
            : Error is null
                ? new ActionAttempt(Id, ActionType, ActionAttemptStatus.Success, null, null)
                : new ActionAttempt(Id, ActionType, ActionAttemptStatus.Error, "device_offline", Error);
    }
}
