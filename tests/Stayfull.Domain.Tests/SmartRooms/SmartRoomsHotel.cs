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
    public static Task<TestHotel> CreateAsync() =>
        TestHotel.CreateAsync(configure: s => s
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

    /// <summary>Dispatches every Seam intent not done yet, in order, as the outbox processor would.</summary>
    public static async Task<IReadOnlyList<DispatchResult>> DispatchAsync(this TestHotel hotel)
    {
        var results = new List<DispatchResult>();
        foreach (var message in (await hotel.SeamOutboxAsync()).Where(m => m.CompletedAt is null))
        {
            var result = await hotel.Get<SmartRoomDispatcher>().DispatchAsync(message, CancellationToken.None);
            if (result is DispatchResult.Success success)
            {
                await using var db = hotel.Db();
                var stored = await db.OutboxMessages.SingleAsync(m => m.Id == message.Id);
                stored.Complete(success.Result, hotel.Time.GetUtcNow());
                await db.SaveChangesAsync();
            }

            results.Add(result);
        }

        return results;
    }

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

/// <summary>A hub with three devices that records the code requests and removals asked of it.</summary>
internal sealed class RecordingHub : ISmartRoomHub
{
    private readonly List<string> _calls = [];
    private readonly List<AccessCodeRequest> _requests = [];
    private int _codes;

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

    public static SmartDevice Lock(string id, string name, IReadOnlyList<int> lengths) =>
        new(id, "august_lock", name, "August", "Smart Lock Pro", true, true, false, 0.8, [SmartDeviceCapabilities.Lock, SmartDeviceCapabilities.AccessCode], [], lengths, [], []);

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
            var id = $"ac_{++_codes}";
            _calls.Add($"create {request.DeviceId} {id}");
            _requests.Add(request);
            var code = new AccessCode(id, request.DeviceId, "123456", request.Name, AccessCodeStatus.Setting, request.StartsAt, request.EndsAt, [], [], false);
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

    public Task<ActionAttempt> LockDoorAsync(Guid hotelId, string deviceId, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<ActionAttempt> UnlockDoorAsync(Guid hotelId, string deviceId, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<ActionAttempt> GetActionAttemptAsync(Guid hotelId, string actionAttemptId, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<ActionAttempt> SetHeatCoolAsync(Guid hotelId, string deviceId, decimal heatingCelsius, decimal coolingCelsius, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<ActionAttempt> TurnThermostatOffAsync(Guid hotelId, string deviceId, CancellationToken cancellationToken) => throw new NotSupportedException();
}
