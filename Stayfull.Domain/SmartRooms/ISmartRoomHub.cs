namespace Stayfull.Domain.SmartRooms;

/// <summary>
/// Port: a hotel's smart locks and thermostats, as one hub (Seam) fronts them. Device actions are
/// asynchronous: they return an <see cref="ActionAttempt"/> to follow until it leaves
/// <see cref="ActionAttemptStatus.Pending"/>. Failures throw <see cref="SmartRoomHubException"/>.
/// </summary>
public interface ISmartRoomHub
{
    /// <summary>Every device of the hotel's workspace, all pages read.</summary>
    Task<IReadOnlyList<SmartDevice>> ListDevicesAsync(Guid hotelId, CancellationToken cancellationToken);

    Task<SmartDevice> GetDeviceAsync(Guid hotelId, string deviceId, CancellationToken cancellationToken);

    /// <summary>Asks for a code on a lock; it works only once its status is <see cref="AccessCodeStatus.Set"/>.</summary>
    Task<AccessCodeCreated> CreateAccessCodeAsync(Guid hotelId, AccessCodeRequest request, CancellationToken cancellationToken);

    Task<ActionAttempt> DeleteAccessCodeAsync(Guid hotelId, string deviceId, string accessCodeId, CancellationToken cancellationToken);

    /// <summary>Moves a code's window (a stay's new dates); the lock takes the change asynchronously.</summary>
    Task<ActionAttempt> UpdateAccessCodeAsync(Guid hotelId, string accessCodeId, DateTimeOffset startsAt, DateTimeOffset endsAt, CancellationToken cancellationToken);

    /// <summary>Takes a pre-programmed code from the lock's backup pool in place of a code that could not be set; it works at once.</summary>
    Task<AccessCode> PullBackupAccessCodeAsync(Guid hotelId, string accessCodeId, CancellationToken cancellationToken);

    /// <summary>Every code on one device, all pages read.</summary>
    Task<IReadOnlyList<AccessCode>> ListAccessCodesAsync(Guid hotelId, string deviceId, CancellationToken cancellationToken);

    Task<AccessCode> GetAccessCodeAsync(Guid hotelId, string accessCodeId, CancellationToken cancellationToken);

    Task<ActionAttempt> LockDoorAsync(Guid hotelId, string deviceId, CancellationToken cancellationToken);

    Task<ActionAttempt> UnlockDoorAsync(Guid hotelId, string deviceId, CancellationToken cancellationToken);

    Task<ActionAttempt> GetActionAttemptAsync(Guid hotelId, string actionAttemptId, CancellationToken cancellationToken);

    /// <summary>Heats below <paramref name="heatingCelsius"/> and cools above <paramref name="coolingCelsius"/>.</summary>
    Task<ActionAttempt> SetHeatCoolAsync(Guid hotelId, string deviceId, decimal heatingCelsius, decimal coolingCelsius, CancellationToken cancellationToken);

    Task<ActionAttempt> TurnThermostatOffAsync(Guid hotelId, string deviceId, CancellationToken cancellationToken);
}
