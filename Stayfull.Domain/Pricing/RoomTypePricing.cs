using Stayfull.Domain.Tenancy;

namespace Stayfull.Domain.Pricing;

/// <summary>
/// A room type's guardrails, and its autopilot: when on, recommendations within the tighter autopilot
/// change are applied without review; larger ones still wait for a manager.
/// </summary>
public sealed class RoomTypePricing : ITenantOwned
{
    private RoomTypePricing()
    {
    }

    public RoomTypePricing(Guid hotelId, Guid roomTypeId, long floorMinor, long ceilingMinor, decimal maxDailyChange)
    {
        HotelId = hotelId;
        RoomTypeId = roomTypeId;
        FloorMinor = floorMinor;
        CeilingMinor = ceilingMinor;
        MaxDailyChange = maxDailyChange;
        AutopilotMaxChange = 0.05m;
    }

    public Guid HotelId { get; private set; }

    public Guid RoomTypeId { get; private set; }

    public long FloorMinor { get; private set; }

    public long CeilingMinor { get; private set; }

    public decimal MaxDailyChange { get; private set; }

    public bool Autopilot { get; private set; }

    /// <summary>The largest change from the current rate the autopilot applies by itself.</summary>
    public decimal AutopilotMaxChange { get; private set; }

    public int Version { get; private set; }

    public RateGuardrails Guardrails => new(FloorMinor, CeilingMinor, MaxDailyChange);

    /// <summary>Defaults for a room type with no guardrails yet: 30 % under to 150 % over its base rate, 15 % a day.</summary>
    public static RoomTypePricing DefaultFor(Guid hotelId, Guid roomTypeId, long baseRateMinor) =>
        new(hotelId, roomTypeId, baseRateMinor * 7 / 10, baseRateMinor * 5 / 2, 0.15m);

    public void Change(RateGuardrails guardrails, bool autopilot, decimal autopilotMaxChange)
    {
        FloorMinor = guardrails.FloorMinor;
        CeilingMinor = guardrails.CeilingMinor;
        MaxDailyChange = guardrails.MaxDailyChange;
        Autopilot = autopilot;
        AutopilotMaxChange = autopilotMaxChange;
        Version++;
    }
}
