using System.Globalization;

namespace Stayfull.Domain.SmartRooms.Climate;

/// <summary>The climate outbox operation and its idempotency keys, derived from our ids.</summary>
public static class ClimateOperations
{
    public const string SetClimate = "SetClimate";

    /// <summary>
    /// One thermostat, one target mode, one period (a stay, the time after a stay, a night): a repeated job
    /// run finds the key and sends nothing, while a later change of period or mode is a new key.
    /// </summary>
    public static string Key(Guid roomDeviceId, ClimateMode mode, string period) =>
        $"climate-{roomDeviceId}-{mode.ToString().ToLowerInvariant()}-{period}";

    /// <summary>The stay the room is being made comfortable for.</summary>
    public static string ForStay(Guid reservationId) => $"stay-{reservationId}";

    /// <summary>The vacancy that starts when a stay checks out.</summary>
    public static string AfterStay(Guid reservationId) => $"after-{reservationId}";

    /// <summary>A hotel night the room is unsold.</summary>
    public static string ForNight(DateOnly night) => "night-" + night.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>Set one thermostat to what its climate row asks for; stale when the row has since been asked for something else.</summary>
public sealed record SetClimateIntent(Guid RoomDeviceId, Guid RequestId);
