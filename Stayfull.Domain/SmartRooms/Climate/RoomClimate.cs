using Stayfull.Domain.Tenancy;

namespace Stayfull.Domain.SmartRooms.Climate;

/// <summary>The climate we ask of a room's thermostat.</summary>
public enum ClimateMode
{
    /// <summary>The hotel's comfort set points: a guest is in the room or about to arrive.</summary>
    Comfort = 0,

    /// <summary>The hotel's wider eco set points: the room is vacant.</summary>
    Eco = 1,

    Off = 2,
}

/// <summary>
/// One mapped thermostat's climate, keyed by its <see cref="RoomDevice"/> id: what we last asked of it and
/// since when, and what it last reported (temperature, mode, a guest's hand on the dial). Each report says
/// whether it changed anything, so a replayed or late event changes nothing twice.
/// </summary>
public sealed class RoomClimate : ITenantOwned
{
    private RoomClimate()
    {
    }

    public RoomClimate(Guid hotelId, Guid roomDeviceId)
    {
        RoomDeviceId = roomDeviceId;
        HotelId = hotelId;
    }

    /// <summary>The thermostat's <see cref="RoomDevice"/> id; one row per thermostat.</summary>
    public Guid RoomDeviceId { get; private set; }

    public Guid HotelId { get; private set; }

    /// <summary>The mode we last asked for; null until we ask.</summary>
    public ClimateMode? RequestedMode { get; private set; }

    public decimal? HeatingCelsius { get; private set; }

    public decimal? CoolingCelsius { get; private set; }

    /// <summary>When we asked for <see cref="RequestedMode"/>.</summary>
    public DateTimeOffset? RequestedSince { get; private set; }

    /// <summary>Names this request in the outbox; an intent for an older request is stale and skipped.</summary>
    public Guid? RequestId { get; private set; }

    /// <summary>Why we asked, for people: "pre-arrival ABC123", "vacant tonight"…</summary>
    public string? Reason { get; private set; }

    /// <summary>The hub's action attempt for the last request it accepted.</summary>
    public string? ActionAttemptId { get; private set; }

    /// <summary>Why the hub refused the last request, until the next one.</summary>
    public string? LastError { get; private set; }

    public double? TemperatureCelsius { get; private set; }

    public DateTimeOffset? TemperatureAt { get; private set; }

    /// <summary>What the hub last said the thermostat is doing: its HVAC mode (<c>heat_cool</c>, <c>eco</c>…) or the climate preset it activated.</summary>
    public string? ReportedMode { get; private set; }

    public DateTimeOffset? ReportedAt { get; private set; }

    /// <summary>When someone last turned the dial at the thermostat itself (not through the hub).</summary>
    public DateTimeOffset? ManuallyAdjustedAt { get; private set; }

    /// <summary>When the room last reached the set point it was heading for.</summary>
    public DateTimeOffset? ReachedSetPointAt { get; private set; }

    public int Version { get; private set; }

    /// <summary>Someone set the thermostat by hand after our last request: their choice stands while a guest is in.</summary>
    public bool IsManuallyOverridden => ManuallyAdjustedAt is { } at && (RequestedSince is null || at > RequestedSince);

    /// <summary>The thermostat holds <paramref name="mode"/> as we asked, and nobody has changed it by hand since.</summary>
    public bool Holds(ClimateMode mode) => RequestedMode == mode && LastError is null && !IsManuallyOverridden;

    public void Request(ClimateMode mode, decimal heatingCelsius, decimal coolingCelsius, string reason, DateTimeOffset now)
    {
        RequestedMode = mode;
        HeatingCelsius = mode == ClimateMode.Off ? null : heatingCelsius;
        CoolingCelsius = mode == ClimateMode.Off ? null : coolingCelsius;
        RequestedSince = now;
        RequestId = Guid.CreateVersion7();
        Reason = reason.Length > 200 ? reason[..200] : reason;
        ActionAttemptId = null;
        LastError = null;
        Version++;
    }

    public void Accepted(string actionAttemptId)
    {
        ActionAttemptId = actionAttemptId;
        Version++;
    }

    public void Refused(string error)
    {
        LastError = error.Length > 500 ? error[..500] : error;
        Version++;
    }

    public bool ReportTemperature(double celsius, DateTimeOffset at) =>
        Report(TemperatureAt, at, () =>
        {
            TemperatureCelsius = celsius;
            TemperatureAt = at;
        });

    public bool ReportMode(string mode, DateTimeOffset at) =>
        Report(ReportedAt, at, () =>
        {
            ReportedMode = mode.Length > 100 ? mode[..100] : mode;
            ReportedAt = at;
        });

    public bool ReportManualAdjustment(DateTimeOffset at) => Report(ManuallyAdjustedAt, at, () => ManuallyAdjustedAt = at);

    public bool ReportReachedSetPoint(DateTimeOffset at) => Report(ReachedSetPointAt, at, () => ReachedSetPointAt = at);

    /// <summary>Applies a report newer than the last of its kind; an older or repeated one changes nothing.</summary>
    private bool Report(DateTimeOffset? last, DateTimeOffset at, Action apply)
    {
        if (last is { } known && at <= known)
        {
            return false;
        }

        apply();
        Version++;
        return true;
    }
}
