using Stayfull.Domain.SmartRooms;

namespace Stayfull.Web.Tests.Components.FrontDesk;

/// <summary>A smart-room hub that lists the devices a test sets and supports nothing else; none by default.</summary>
public sealed class FakeSmartRoomHub : ISmartRoomHub
{
    public IReadOnlyList<SmartDevice> Devices { get; set; } = [];

    /// <summary>A lock whose name maps it to room <paramref name="roomNumber"/> on import.</summary>
    public static SmartDevice Lock(string roomNumber, bool online = true, bool? locked = true, bool? doorOpen = false, double? battery = 0.8, string manufacturer = "August") =>
        new($"dev_lock_{roomNumber}", "august_lock", $"Room {roomNumber} lock", manufacturer, "Smart Lock Pro", online, locked, doorOpen, battery,
            [SmartDeviceCapabilities.Lock, SmartDeviceCapabilities.AccessCode], [], [6], [], []);

    public Task<IReadOnlyList<SmartDevice>> ListDevicesAsync(Guid hotelId, CancellationToken cancellationToken) => Task.FromResult(Devices);

    public Task<SmartDevice> GetDeviceAsync(Guid hotelId, string deviceId, CancellationToken cancellationToken) => Task.FromResult(Devices.Single(d => d.Id == deviceId));

    public Task<AccessCodeCreated> CreateAccessCodeAsync(Guid hotelId, AccessCodeRequest request, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<ActionAttempt> DeleteAccessCodeAsync(Guid hotelId, string deviceId, string accessCodeId, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<ActionAttempt> UpdateAccessCodeAsync(Guid hotelId, string accessCodeId, DateTimeOffset startsAt, DateTimeOffset endsAt, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<AccessCode> PullBackupAccessCodeAsync(Guid hotelId, string accessCodeId, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<IReadOnlyList<AccessCode>> ListAccessCodesAsync(Guid hotelId, string deviceId, CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<AccessCode>>([]);

    public Task<AccessCode> GetAccessCodeAsync(Guid hotelId, string accessCodeId, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<ActionAttempt> LockDoorAsync(Guid hotelId, string deviceId, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<ActionAttempt> UnlockDoorAsync(Guid hotelId, string deviceId, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<ActionAttempt> GetActionAttemptAsync(Guid hotelId, string actionAttemptId, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<ActionAttempt> SetHeatCoolAsync(Guid hotelId, string deviceId, decimal heatingCelsius, decimal coolingCelsius, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<ActionAttempt> TurnThermostatOffAsync(Guid hotelId, string deviceId, CancellationToken cancellationToken) => throw new NotSupportedException();
}
