using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stayfull.Domain.Integrations;
using Stayfull.Domain.Messaging;
using Stayfull.Domain.Reservations;
using Stayfull.Domain.SmartRooms;
using Stayfull.Tests.Support;

namespace Stayfull.Domain.Tests.SmartRooms;

/// <summary>A test hotel whose smart-room hub is a fake that records calls, with helpers for keys and Seam events.</summary>
internal static class SmartRoomsHotel
{
    public static Task<TestHotel> CreateAsync(int roomsPerType = 3) =>
        TestHotel.CreateAsync(roomsPerType: roomsPerType, configure: s => s
            .AddLogging()
            .AddSingleton<RecordingHub>()
            .AddSingleton<ISmartRoomHub>(sp => sp.GetRequiredService<RecordingHub>())
            .AddScoped<SmartRoomDispatcher>()
            .AddScoped<SeamEventApplier>());

    public static RecordingHub Hub(this TestHotel hotel) => hotel.Services.GetRequiredService<RecordingHub>();

    /// <summary>Imports the hub's devices: a lock for rooms 101 and 102, and a thermostat no name maps.</summary>
    public static async Task ImportAsync(this TestHotel hotel)
    {
        await hotel.Get<SmartRoomService>().ImportDevicesAsync(CancellationToken.None);
    }

    /// <summary>Two nights of the first room type from tomorrow, no room yet.</summary>
    public static Task<Reservation> BookAsync(this TestHotel hotel) =>
        hotel.Get<BookingService>().BookAsync(
            new BookingRequest { RoomTypeId = hotel.RoomTypes[0].Id, Arrival = hotel.Today.AddDays(1), Departure = hotel.Today.AddDays(3), GuestName = "Ada Lovelace", GuestEmail = "ada@example.test" },
            CancellationToken.None);

    public static async Task<IReadOnlyList<OutboxMessage>> SeamOutboxAsync(this TestHotel hotel)
    {
        await using var db = hotel.Db();
        return await db.OutboxMessages.Where(m => m.Vendor == IntegrationVendor.Seam).OrderBy(m => m.CreatedAt).ThenBy(m => m.Id).ToListAsync();
    }

    public static async Task<IReadOnlyList<AccessKey>> KeysAsync(this TestHotel hotel, Guid reservationId)
    {
        await using var db = hotel.Db();
        return await db.AccessKeys.Where(k => k.ReservationId == reservationId).OrderBy(k => k.Id).ToListAsync();
    }

    public static async Task<RoomDevice> DeviceAsync(this TestHotel hotel, string seamDeviceId)
    {
        await using var db = hotel.Db();
        return await db.RoomDevices.SingleAsync(d => d.SeamDeviceId == seamDeviceId);
    }

    public static async Task<IReadOnlyList<GuestMessage>> KeyMessagesAsync(this TestHotel hotel, Guid reservationId)
    {
        await using var db = hotel.Db();
        return await db.GuestMessages.Where(m => m.ReservationId == reservationId && m.TemplateKey == MessageTemplateKeys.DigitalKey).ToListAsync();
    }

    /// <summary>
    /// Dispatches every Seam intent that is due and not done yet, in order, as the outbox processor would,
    /// including intents that those dispatches add and that are due at once. Follow-ups scheduled for later
    /// wait until the test moves the clock (<see cref="FollowUpAsync"/>).
    /// </summary>
    public static async Task<IReadOnlyList<DispatchResult>> DispatchAsync(this TestHotel hotel)
    {
        var results = new List<DispatchResult>();
        var tried = new HashSet<Guid>();
        while (true)
        {
            var now = hotel.Time.GetUtcNow();
            var due = (await hotel.SeamOutboxAsync()).Where(m => m.CompletedAt is null && m.Status == WorkStatus.Pending && m.NextAttemptAt <= now && tried.Add(m.Id)).ToList();
            if (due.Count == 0)
            {
                return results;
            }

            foreach (var message in due)
            {
                results.Add(await hotel.DispatchOneAsync(message));
            }
        }
    }

    /// <summary>Moves the clock past the scheduled follow-ups and dispatches what is then due.</summary>
    public static Task<IReadOnlyList<DispatchResult>> FollowUpAsync(this TestHotel hotel, TimeSpan? after = null)
    {
        hotel.Time.Advance(after ?? TimeSpan.FromMinutes(1));
        return hotel.DispatchAsync();
    }

    public static async Task<DispatchResult> DispatchOneAsync(this TestHotel hotel, OutboxMessage message)
    {
        var result = await hotel.Get<SmartRoomDispatcher>().DispatchAsync(message, CancellationToken.None);
        await using var db = hotel.Db();
        var stored = await db.OutboxMessages.SingleAsync(m => m.Id == message.Id);
        switch (result)
        {
            case DispatchResult.Success success:
                stored.Complete(success.Result, hotel.Time.GetUtcNow());
                break;
            case DispatchResult.TransientFailure transient:
                stored.RetryLater(transient.Error, transient.RetryAfter, hotel.Time.GetUtcNow(), 0);
                break;
            case DispatchResult.PermanentFailure permanent:
                stored.FailPermanently(permanent.Error);
                break;
        }

        await db.SaveChangesAsync();
        return result;
    }

    /// <summary>The Seam intents of one operation, oldest first.</summary>
    public static async Task<IReadOnlyList<OutboxMessage>> SeamOutboxAsync(this TestHotel hotel, string operation) =>
        [.. (await hotel.SeamOutboxAsync()).Where(m => m.Operation == operation)];

    /// <summary>Applies a Seam event shaped as its webhook body (the event object itself).</summary>
    public static Task SeamEventAsync(this TestHotel hotel, string eventType, object fields)
    {
        var body = new Dictionary<string, object?> { ["event_id"] = Guid.NewGuid().ToString(), ["event_type"] = eventType, ["occurred_at"] = hotel.Time.GetUtcNow().ToString("O") };
        foreach (var property in JsonSerializer.SerializeToElement(fields).EnumerateObject())
        {
            body[property.Name] = property.Value;
        }

        var payload = JsonSerializer.Serialize(body);
        var inbox = new InboxEvent(hotel.HotelId, IntegrationVendor.Seam, (string)body["event_id"]!, eventType, payload, hotel.Time.GetUtcNow());
        return hotel.Get<SeamEventApplier>().HandleAsync(inbox, CancellationToken.None);
    }
}

/// <summary>
/// A hub with three devices that keeps the codes asked of it (as the hub would) and records every call, so
/// tests can say what the hub did meanwhile: set a code, fail it, lose it, hold a backup.
/// </summary>
internal sealed class RecordingHub : ISmartRoomHub
{
    private readonly List<string> _calls = [];
    private readonly List<AccessCodeRequest> _requests = [];
    private readonly List<AccessCode> _codes = [];
    private readonly Dictionary<string, ActionAttempt> _attempts = [];
    private int _sequence;

    public IReadOnlyList<SmartDevice> Devices { get; set; } =
    [
        Lock("dev_lock_101", "Room 101 lock", [4, 6, 8]),
        Lock("dev_lock_102", "Front door 102", []),
        new SmartDevice("dev_thermo_lobby", "ecobee_thermostat", "Lobby thermostat", "Ecobee", "SmartThermostat", true, null, null, null, [SmartDeviceCapabilities.Thermostat], [], [], [], []),
    ];

    /// <summary>Thrown by the next create, once.</summary>
    public SmartRoomHubException? NextFailure { get; set; }

    public IReadOnlyList<string> Calls
    {
        get
        {
            lock (_calls)
            {
                return [.. _calls];
            }
        }
    }

    public IReadOnlyList<AccessCodeRequest> Requests
    {
        get
        {
            lock (_calls)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>The codes on the hub now.</summary>
    public IReadOnlyList<AccessCode> Codes
    {
        get
        {
            lock (_calls)
            {
                return [.. _codes];
            }
        }
    }

    public static SmartDevice Lock(string id, string name, IReadOnlyList<int> lengths) =>
        new(id, "august_lock", name, "August", "Smart Lock Pro", true, true, false, 0.8, [SmartDeviceCapabilities.Lock, SmartDeviceCapabilities.AccessCode], [], lengths, [], []);

    /// <summary>What the hub says about a code from now on (the lock set it, failed it, offers a backup…).</summary>
    public void Change(string accessCodeId, Func<AccessCode, AccessCode> change)
    {
        lock (_calls)
        {
            var index = _codes.FindIndex(c => c.Id == accessCodeId);
            _codes[index] = change(_codes[index]);
        }
    }

    public void Settle(string actionAttemptId, ActionAttemptStatus status, string? error = null)
    {
        lock (_calls)
        {
            var attempt = _attempts[actionAttemptId];
            _attempts[actionAttemptId] = attempt with { Status = status, ErrorType = error is null ? null : "failed", ErrorMessage = error };
        }
    }

    /// <summary>The hub lost a code (or someone removed it in the hub's console).</summary>
    public void Forget(string accessCodeId)
    {
        lock (_calls)
        {
            _codes.RemoveAll(c => c.Id == accessCodeId);
        }
    }

    /// <summary>A code someone made without us (staff's own, another system's, or one of ours we forgot).</summary>
    public AccessCode Add(string deviceId, string name, AccessCodeStatus status = AccessCodeStatus.Set)
    {
        lock (_calls)
        {
            var code = new AccessCode($"ac_{++_sequence}", deviceId, $"{++_sequence:D4}99", name, status, null, null, [], [], false);
            _codes.Add(code);
            return code;
        }
    }

    public Task<IReadOnlyList<SmartDevice>> ListDevicesAsync(Guid hotelId, CancellationToken cancellationToken) => Task.FromResult(Devices);

    public Task<SmartDevice> GetDeviceAsync(Guid hotelId, string deviceId, CancellationToken cancellationToken) => Task.FromResult(Devices.Single(d => d.Id == deviceId));

    public Task<AccessCodeCreated> CreateAccessCodeAsync(Guid hotelId, AccessCodeRequest request, CancellationToken cancellationToken)
    {
        if (NextFailure is { } failure)
        {
            NextFailure = null;
            throw failure;
        }

        lock (_calls)
        {
            var n = ++_sequence;
            var id = $"ac_{n}";
            _calls.Add($"create {request.DeviceId} {id}");
            _requests.Add(request);
            var code = new AccessCode(id, request.DeviceId, $"{n}2345{n}", request.Name, AccessCodeStatus.Setting, request.StartsAt, request.EndsAt, [], [], false);
            _codes.Add(code);
            var attempt = new ActionAttempt("aa_" + id, "CREATE_ACCESS_CODE", ActionAttemptStatus.Pending, null, null);
            _attempts[attempt.Id] = attempt;
            return Task.FromResult(new AccessCodeCreated(code, attempt));
        }
    }

    public Task<ActionAttempt> DeleteAccessCodeAsync(Guid hotelId, string deviceId, string accessCodeId, CancellationToken cancellationToken)
    {
        lock (_calls)
        {
            _calls.Add($"delete {deviceId} {accessCodeId}");
            _codes.RemoveAll(c => c.Id == accessCodeId);
            var attempt = new ActionAttempt("aa_del_" + accessCodeId, "DELETE_ACCESS_CODE", ActionAttemptStatus.Pending, null, null);
            _attempts[attempt.Id] = attempt;
            return Task.FromResult(attempt);
        }
    }

    public Task<ActionAttempt> UpdateAccessCodeAsync(Guid hotelId, string accessCodeId, DateTimeOffset startsAt, DateTimeOffset endsAt, CancellationToken cancellationToken)
    {
        lock (_calls)
        {
            _calls.Add($"update {accessCodeId} {startsAt:yyyy-MM-dd HH:mm} {endsAt:yyyy-MM-dd HH:mm}");
            var index = _codes.FindIndex(c => c.Id == accessCodeId);
            if (index < 0)
            {
                throw new SmartRoomHubException($"access code {accessCodeId} not found", isTransient: false, 404, "access_code_not_found");
            }

            _codes[index] = _codes[index] with { StartsAt = startsAt, EndsAt = endsAt };
            return Task.FromResult(new ActionAttempt("aa_upd_" + accessCodeId, "UPDATE_ACCESS_CODE", ActionAttemptStatus.Pending, null, null));
        }
    }

    public Task<AccessCode> PullBackupAccessCodeAsync(Guid hotelId, string accessCodeId, CancellationToken cancellationToken)
    {
        lock (_calls)
        {
            _calls.Add($"backup {accessCodeId}");
            var original = _codes.Single(c => c.Id == accessCodeId);
            var backup = new AccessCode($"ac_backup_{++_sequence}", original.DeviceId, "909090", null, AccessCodeStatus.Set, original.StartsAt, original.EndsAt, [], [], false);
            _codes.Add(backup);
            return Task.FromResult(backup);
        }
    }

    public Task<IReadOnlyList<AccessCode>> ListAccessCodesAsync(Guid hotelId, string deviceId, CancellationToken cancellationToken)
    {
        lock (_calls)
        {
            _calls.Add($"list {deviceId}");
            return Task.FromResult<IReadOnlyList<AccessCode>>([.. _codes.Where(c => c.DeviceId == deviceId)]);
        }
    }

    public Task<AccessCode> GetAccessCodeAsync(Guid hotelId, string accessCodeId, CancellationToken cancellationToken)
    {
        lock (_calls)
        {
            return _codes.FirstOrDefault(c => c.Id == accessCodeId) is { } code
                ? Task.FromResult(code)
                : throw new SmartRoomHubException($"access code {accessCodeId} not found", isTransient: false, 404, "access_code_not_found");
        }
    }

    public Task<ActionAttempt> GetActionAttemptAsync(Guid hotelId, string actionAttemptId, CancellationToken cancellationToken)
    {
        lock (_calls)
        {
            return Task.FromResult(_attempts[actionAttemptId]);
        }
    }

    public Task<ActionAttempt> LockDoorAsync(Guid hotelId, string deviceId, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<ActionAttempt> UnlockDoorAsync(Guid hotelId, string deviceId, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<ActionAttempt> SetHeatCoolAsync(Guid hotelId, string deviceId, decimal heatingCelsius, decimal coolingCelsius, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<ActionAttempt> TurnThermostatOffAsync(Guid hotelId, string deviceId, CancellationToken cancellationToken) => throw new NotSupportedException();
}
