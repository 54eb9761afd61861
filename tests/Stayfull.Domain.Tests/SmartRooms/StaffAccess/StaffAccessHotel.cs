using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stayfull.Domain.Hotels;
using Stayfull.Domain.Integrations;
using Stayfull.Domain.Rooms;
using Stayfull.Domain.SmartRooms;
using Stayfull.Domain.Tenancy;
using Stayfull.Tests.Support;

namespace Stayfull.Domain.Tests.SmartRooms.StaffAccess;

/// <summary>A test hotel whose hub is <see cref="AccessHub"/>, with helpers for staff, rooms and the outbox.</summary>
internal static class StaffAccessHotel
{
    public static Task<TestHotel> CreateAsync(Action<IServiceCollection>? configure = null) =>
        TestHotel.CreateAsync(configure: s =>
        {
            s.AddLogging()
                .AddSingleton<AccessHub>()
                .AddSingleton<ISmartRoomHub>(sp => sp.GetRequiredService<AccessHub>())
                .AddScoped<SmartRoomDispatcher>()
                .AddScoped<SeamEventApplier>();
            configure?.Invoke(s);
        });

    public static AccessHub AccessHub(this TestHotel hotel) => hotel.Services.GetRequiredService<AccessHub>();

    /// <summary>Imports the hub's locks as a manager, then acts as the owner again.</summary>
    public static async Task ImportLocksAsync(this TestHotel hotel)
    {
        hotel.ActAs(StaffRole.Manager);
        await hotel.Get<SmartRoomService>().ImportDevicesAsync(CancellationToken.None);
        hotel.ActAs(StaffRole.Owner);
    }

    public static Room Room(this TestHotel hotel, string number) => hotel.Rooms.Single(r => r.Number == number);

    public static async Task MarkAsync(this TestHotel hotel, HousekeepingStatus status, params string[] numbers)
    {
        foreach (var number in numbers)
        {
            await hotel.Get<RoomService>().SetHousekeepingAsync(hotel.Room(number).Id, status, CancellationToken.None);
        }
    }

    /// <summary>Adds an account (once per database) and makes it a member of this hotel.</summary>
    public static async Task AddMemberAsync(this TestHotel hotel, string userId, string name, StaffRole role)
    {
        await using (var platform = hotel.Services.GetRequiredService<Stayfull.Domain.Data.StayfullDb>().ForPlatform())
        {
            if (!await platform.Users.AnyAsync(u => u.Id == userId))
            {
                platform.Users.Add(new StaffUser { Id = userId, UserName = userId + "@test", Email = userId + "@test", DisplayName = name });
                await platform.SaveChangesAsync();
            }
        }

        await using var db = hotel.Db();
        db.Memberships.Add(new HotelMembership(hotel.HotelId, userId, role));
        await db.SaveChangesAsync();
    }

    /// <summary>Acts as a given account of this hotel (the shift's housekeeper, say).</summary>
    public static TestHotel ActAsUser(this TestHotel hotel, string userId, string name, StaffRole role)
    {
        hotel.Staff.Current = new StaffContext(hotel.HotelId, userId, name, role);
        return hotel;
    }

    public static async Task<List<T>> RowsAsync<T>(this TestHotel hotel)
        where T : class
    {
        await using var db = hotel.Db();
        return await db.Set<T>().ToListAsync();
    }

    /// <summary>
    /// Dispatches every Seam intent not done yet, in order, recording each result as the outbox processor
    /// does (done, retry later, failed); intents a dispatch adds are left for the next call.
    /// </summary>
    public static async Task<IReadOnlyList<DispatchResult>> ProcessOutboxAsync(this TestHotel hotel)
    {
        var results = new List<DispatchResult>();
        foreach (var message in (await hotel.SeamOutboxAsync()).Where(m => m.Status == WorkStatus.Pending))
        {
            var result = await hotel.Get<SmartRoomDispatcher>().DispatchAsync(message, CancellationToken.None);
            await using var db = hotel.Db();
            var stored = await db.OutboxMessages.SingleAsync(m => m.Id == message.Id);
            var now = hotel.Time.GetUtcNow();
            switch (result)
            {
                case DispatchResult.Success success:
                    stored.Complete(success.Result, now);
                    break;
                case DispatchResult.TransientFailure transient:
                    stored.RetryLater(transient.Error, transient.RetryAfter, now, 0.5);
                    break;
                case DispatchResult.PermanentFailure permanent:
                    stored.FailPermanently(permanent.Error);
                    break;
            }

            await db.SaveChangesAsync();
            results.Add(result);
        }

        return results;
    }
}

/// <summary>
/// A hub with a lock per room of the test hotel (101, 102, 103, 201, 202; 203 has none), each with its own
/// code lengths, that records what it is asked and answers door actions as pending until the test settles them.
/// </summary>
internal sealed class AccessHub : ISmartRoomHub
{
    private readonly List<string> _calls = [];
    private readonly List<AccessCodeRequest> _requests = [];
    private readonly Dictionary<string, ActionAttempt> _attempts = [];
    private int _sequence;

    public IReadOnlyList<SmartDevice> Devices { get; set; } =
    [
        Lock("101", [4, 6, 8]),
        Lock("102", [6]),
        Lock("103", [4]),
        Lock("201", []),
        Lock("202", [6]),
    ];

    /// <summary>Thrown by the next lock or unlock, once.</summary>
    public SmartRoomHubException? NextDoorFailure { get; set; }

    /// <summary>Thrown by the next create, once.</summary>
    public SmartRoomHubException? NextCreateFailure { get; set; }

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

    public static SmartDevice Lock(string room, IReadOnlyList<int> lengths, bool online = true) =>
        new($"dev_{room}", "yale_lock", $"Room {room} lock", "Yale", "Assure", online, true, false, 0.9, [SmartDeviceCapabilities.Lock, SmartDeviceCapabilities.AccessCode], [], lengths, [], []);

    /// <summary>What <see cref="GetActionAttemptAsync"/> answers from now on for this attempt.</summary>
    public void Settle(string attemptId, ActionAttemptStatus status, string? error = null)
    {
        lock (_calls)
        {
            var attempt = _attempts[attemptId];
            _attempts[attemptId] = attempt with { Status = status, ErrorType = error is null ? null : "device_error", ErrorMessage = error };
        }
    }

    public Task<IReadOnlyList<SmartDevice>> ListDevicesAsync(Guid hotelId, CancellationToken cancellationToken) => Task.FromResult(Devices);

    public Task<SmartDevice> GetDeviceAsync(Guid hotelId, string deviceId, CancellationToken cancellationToken) => Task.FromResult(Devices.Single(d => d.Id == deviceId));

    public Task<AccessCodeCreated> CreateAccessCodeAsync(Guid hotelId, AccessCodeRequest request, CancellationToken cancellationToken)
    {
        if (NextCreateFailure is { } failure)
        {
            NextCreateFailure = null;
            throw failure;
        }

        lock (_calls)
        {
            var id = $"ac_{++_sequence}";
            _calls.Add($"create {request.DeviceId} {id}");
            _requests.Add(request);
            var digits = request.Code ?? new string('7', request.PreferredCodeLength ?? 5);
            var code = new AccessCode(id, request.DeviceId, digits, request.Name, AccessCodeStatus.Setting, request.StartsAt, request.EndsAt, [], [], false);
            return Task.FromResult(new AccessCodeCreated(code, new ActionAttempt("aa_" + id, "CREATE_ACCESS_CODE", ActionAttemptStatus.Pending, null, null)));
        }
    }

    public Task<ActionAttempt> DeleteAccessCodeAsync(Guid hotelId, string deviceId, string accessCodeId, CancellationToken cancellationToken)
    {
        lock (_calls)
        {
            _calls.Add($"delete {deviceId} {accessCodeId}");
        }

        return Task.FromResult(new ActionAttempt("aa_del_" + accessCodeId, "DELETE_ACCESS_CODE", ActionAttemptStatus.Pending, null, null));
    }

    public Task<IReadOnlyList<AccessCode>> ListAccessCodesAsync(Guid hotelId, string deviceId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<AccessCode>>([]);

    public Task<AccessCode> GetAccessCodeAsync(Guid hotelId, string accessCodeId, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<ActionAttempt> LockDoorAsync(Guid hotelId, string deviceId, CancellationToken cancellationToken) => DoorAsync("lock", "LOCK_DOOR", deviceId);

    public Task<ActionAttempt> UnlockDoorAsync(Guid hotelId, string deviceId, CancellationToken cancellationToken) => DoorAsync("unlock", "UNLOCK_DOOR", deviceId);

    public Task<ActionAttempt> GetActionAttemptAsync(Guid hotelId, string actionAttemptId, CancellationToken cancellationToken)
    {
        lock (_calls)
        {
            _calls.Add($"get {actionAttemptId}");
            return Task.FromResult(_attempts[actionAttemptId]);
        }
    }

    public Task<ActionAttempt> SetHeatCoolAsync(Guid hotelId, string deviceId, decimal heatingCelsius, decimal coolingCelsius, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<ActionAttempt> TurnThermostatOffAsync(Guid hotelId, string deviceId, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<ActionAttempt> UpdateAccessCodeAsync(Guid hotelId, string accessCodeId, DateTimeOffset startsAt, DateTimeOffset endsAt, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<AccessCode> PullBackupAccessCodeAsync(Guid hotelId, string accessCodeId, CancellationToken cancellationToken) => throw new NotSupportedException();

    private Task<ActionAttempt> DoorAsync(string verb, string type, string deviceId)
    {
        if (NextDoorFailure is { } failure)
        {
            NextDoorFailure = null;
            throw failure;
        }

        lock (_calls)
        {
            var attempt = new ActionAttempt($"aa_{verb}_{++_sequence}", type, ActionAttemptStatus.Pending, null, null);
            _attempts[attempt.Id] = attempt;
            _calls.Add($"{verb} {deviceId} {attempt.Id}");
            return Task.FromResult(attempt);
        }
    }
}
