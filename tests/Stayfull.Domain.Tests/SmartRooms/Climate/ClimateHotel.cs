using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stayfull.Domain.Hotels;
using Stayfull.Domain.Integrations;
using Stayfull.Domain.Reservations;
using Stayfull.Domain.SmartRooms;
using Stayfull.Domain.SmartRooms.Climate;
using Stayfull.Domain.Tenancy;
using Stayfull.Tests.Support;

namespace Stayfull.Domain.Tests.SmartRooms.Climate;

/// <summary>
/// A test hotel (rooms 101–103 and 201–203) whose hub has a thermostat in rooms 101, 102, 103 and 201,
/// imported and mapped by name, and records what it is asked to set; with helpers for stays and events.
/// </summary>
internal static class ClimateHotel
{
    public static readonly string[] ThermostatRooms = ["101", "102", "103", "201"];

    private static readonly CancellationToken None = CancellationToken.None;

    public static async Task<TestHotel> CreateAsync(DateTimeOffset? now = null)
    {
        var hotel = await TestHotel.CreateAsync(now: now, configure: s => s
            .AddLogging()
            .AddSingleton<ThermostatHub>()
            .AddSingleton<ISmartRoomHub>(sp => sp.GetRequiredService<ThermostatHub>())
            .AddScoped<SmartRoomDispatcher>()
            .AddScoped<SeamEventApplier>());
        await hotel.Get<SmartRoomService>().ImportDevicesAsync(None);
        return hotel;
    }

    public static ThermostatHub Hub(this TestHotel hotel) => hotel.Services.GetRequiredService<ThermostatHub>();

    /// <summary>Moves the hotel to another time zone, with check-in at 15:00 and check-out at 11:00.</summary>
    public static async Task MoveToAsync(this TestHotel hotel, string timeZoneId)
    {
        var settings = hotel.Get<HotelSettingsService>();
        var current = await settings.GetHotelAsync(None);
        await settings.UpdateHotelAsync(current.Version, current.Name, timeZoneId, current.Currency, new TimeOnly(15, 0), new TimeOnly(11, 0), current.Address, None);
    }

    /// <summary>The hotel's date now, in its current time zone.</summary>
    public static async Task<DateOnly> TodayAsync(this TestHotel hotel) =>
        (await hotel.Get<HotelSettingsService>().GetHotelAsync(None)).LocalDate(hotel.Time.GetUtcNow());

    /// <summary>A confirmed stay in room <paramref name="roomNumber"/> arriving <paramref name="fromToday"/> days from the hotel's today.</summary>
    public static async Task<Reservation> StayAsync(this TestHotel hotel, string roomNumber, int fromToday = 0, int nights = 2)
    {
        var room = hotel.Rooms.Single(r => r.Number == roomNumber);
        var today = await hotel.TodayAsync();
        return await hotel.Get<BookingService>().BookAsync(
            new BookingRequest { RoomTypeId = room.RoomTypeId, Arrival = today.AddDays(fromToday), Departure = today.AddDays(fromToday + nights), GuestName = "Guest " + roomNumber, RoomId = room.Id },
            None);
    }

    /// <summary>A guest checked in to <paramref name="roomNumber"/> today.</summary>
    public static async Task<Reservation> InHouseAsync(this TestHotel hotel, string roomNumber, int nights = 2)
    {
        var reservation = await hotel.StayAsync(roomNumber, 0, nights);
        await hotel.Get<ReservationService>().CheckInAsync(reservation.Id, None);
        return reservation;
    }

    public static Task CheckOutAsync(this TestHotel hotel, Reservation reservation)
    {
        hotel.ActAs(StaffRole.Owner);
        return hotel.Get<ReservationService>().CheckOutAsync(reservation.Id, managerOverride: true, None);
    }

    public static Task<int> PreConditionAsync(this TestHotel hotel) => hotel.Get<ClimateScheduler>().PreConditionArrivalsAsync(None);

    public static Task<int> SetBackAsync(this TestHotel hotel) => hotel.Get<ClimateScheduler>().SetBackVacantRoomsAsync(None);

    public static async Task<RoomDevice> ThermostatAsync(this TestHotel hotel, string roomNumber)
    {
        await using var db = hotel.Db();
        return await db.RoomDevices.SingleAsync(d => d.SeamDeviceId == ThermostatHub.DeviceId(roomNumber));
    }

    public static async Task<RoomClimate?> ClimateAsync(this TestHotel hotel, string roomNumber)
    {
        var thermostat = await hotel.ThermostatAsync(roomNumber);
        await using var db = hotel.Db();
        return await db.RoomClimates.SingleOrDefaultAsync(c => c.RoomDeviceId == thermostat.Id);
    }

    /// <summary>The climate intents in the outbox, oldest first, each with the room its thermostat serves.</summary>
    public static async Task<IReadOnlyList<(string Room, ClimateMode Mode, OutboxMessage Message)>> ClimateIntentsAsync(this TestHotel hotel)
    {
        await using var db = hotel.Db();
        var rooms = await (from d in db.RoomDevices join r in db.Rooms on d.RoomId equals r.Id select new { d.Id, r.Number }).ToDictionaryAsync(x => x.Id, x => x.Number);
        var messages = await db.OutboxMessages.Where(m => m.Operation == ClimateOperations.SetClimate).OrderBy(m => m.CreatedAt).ThenBy(m => m.Id).ToListAsync();
        return [.. messages.Select(m =>
        {
            var intent = m.ReadPayload<SetClimateIntent>();
            var mode = m.IdempotencyKey.Contains("-comfort-", StringComparison.Ordinal) ? ClimateMode.Comfort
                : m.IdempotencyKey.Contains("-eco-", StringComparison.Ordinal) ? ClimateMode.Eco
                : ClimateMode.Off;
            return (rooms[intent.RoomDeviceId], mode, m);
        })];
    }

    /// <summary>Dispatches every climate intent not done yet, in order, as the outbox processor would.</summary>
    public static async Task<IReadOnlyList<DispatchResult>> DispatchAsync(this TestHotel hotel)
    {
        var results = new List<DispatchResult>();
        foreach (var (_, _, message) in (await hotel.ClimateIntentsAsync()).Where(i => i.Message.CompletedAt is null))
        {
            var result = await hotel.Get<SmartRoomDispatcher>().DispatchAsync(message, None);
            await using var db = hotel.Db();
            var stored = await db.OutboxMessages.SingleAsync(m => m.Id == message.Id);
            if (result is DispatchResult.Success success)
            {
                stored.Complete(success.Result, hotel.Time.GetUtcNow());
            }
            else
            {
                stored.FailPermanently("refused");
            }

            await db.SaveChangesAsync();
            results.Add(result);
        }

        return results;
    }

    /// <summary>Applies a thermostat event for room <paramref name="roomNumber"/>'s thermostat, shaped as Seam's webhook body.</summary>
    public static Task ThermostatEventAsync(this TestHotel hotel, string roomNumber, string eventType, object? fields = null, DateTimeOffset? occurredAt = null, string? eventId = null)
    {
        var body = new Dictionary<string, object?>
        {
            ["event_id"] = eventId ?? Guid.NewGuid().ToString(),
            ["event_type"] = eventType,
            ["device_id"] = ThermostatHub.DeviceId(roomNumber),
            ["occurred_at"] = (occurredAt ?? hotel.Time.GetUtcNow()).ToString("O"),
        };
        if (fields is not null)
        {
            foreach (var property in JsonSerializer.SerializeToElement(fields).EnumerateObject())
            {
                body[property.Name] = property.Value;
            }
        }

        var inbox = new InboxEvent(hotel.HotelId, IntegrationVendor.Seam, (string)body["event_id"]!, eventType, JsonSerializer.Serialize(body), hotel.Time.GetUtcNow());
        return hotel.Get<SeamEventApplier>().HandleAsync(inbox, None);
    }
}

/// <summary>A hub with one thermostat per room in <see cref="ClimateHotel.ThermostatRooms"/>, recording the climate it is asked to set.</summary>
internal sealed class ThermostatHub : ISmartRoomHub
{
    private readonly List<string> _calls = [];
    private int _attempts;

    /// <summary>Thrown by the next climate call, once.</summary>
    public SmartRoomHubException? NextFailure { get; set; }

    /// <summary>"heat_cool dev_thermo_101 20.0 24.0" or "off dev_thermo_101", in order.</summary>
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

    public static string DeviceId(string roomNumber) => $"dev_thermo_{roomNumber}";

    public Task<IReadOnlyList<SmartDevice>> ListDevicesAsync(Guid hotelId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<SmartDevice>>([.. ClimateHotel.ThermostatRooms.Select(n =>
            new SmartDevice(DeviceId(n), "ecobee_thermostat", $"Room {n} thermostat", "Ecobee", "SmartThermostat", true, null, null, null, [SmartDeviceCapabilities.Thermostat], [], [], [], []))]);

    public async Task<SmartDevice> GetDeviceAsync(Guid hotelId, string deviceId, CancellationToken cancellationToken) =>
        (await ListDevicesAsync(hotelId, cancellationToken)).Single(d => d.Id == deviceId);

    public Task<ActionAttempt> SetHeatCoolAsync(Guid hotelId, string deviceId, decimal heatingCelsius, decimal coolingCelsius, CancellationToken cancellationToken) =>
        Record(FormattableString.Invariant($"heat_cool {deviceId} {heatingCelsius:0.0} {coolingCelsius:0.0}"));

    public Task<ActionAttempt> TurnThermostatOffAsync(Guid hotelId, string deviceId, CancellationToken cancellationToken) => Record($"off {deviceId}");

    public Task<ActionAttempt> UpdateAccessCodeAsync(Guid hotelId, string accessCodeId, DateTimeOffset startsAt, DateTimeOffset endsAt, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<AccessCode> PullBackupAccessCodeAsync(Guid hotelId, string accessCodeId, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<AccessCodeCreated> CreateAccessCodeAsync(Guid hotelId, AccessCodeRequest request, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<ActionAttempt> DeleteAccessCodeAsync(Guid hotelId, string deviceId, string accessCodeId, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<IReadOnlyList<AccessCode>> ListAccessCodesAsync(Guid hotelId, string deviceId, CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<AccessCode>>([]);

    public Task<AccessCode> GetAccessCodeAsync(Guid hotelId, string accessCodeId, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<ActionAttempt> LockDoorAsync(Guid hotelId, string deviceId, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<ActionAttempt> UnlockDoorAsync(Guid hotelId, string deviceId, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<ActionAttempt> GetActionAttemptAsync(Guid hotelId, string actionAttemptId, CancellationToken cancellationToken) => throw new NotSupportedException();

    private Task<ActionAttempt> Record(string call)
    {
        if (NextFailure is { } failure)
        {
            NextFailure = null;
            throw failure;
        }

        lock (_calls)
        {
            _calls.Add(call);
            return Task.FromResult(new ActionAttempt($"aa_climate_{++_attempts}", "SET_HVAC_MODE", ActionAttemptStatus.Pending, null, null));
        }
    }
}
