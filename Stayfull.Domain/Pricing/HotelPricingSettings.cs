using System.Text.Json;
using Stayfull.Domain.Integrations;
using Stayfull.Domain.Tenancy;

namespace Stayfull.Domain.Pricing;

/// <summary>A hotel's pricing weights and the thresholds of its rate alerts.</summary>
public sealed class HotelPricingSettings : ITenantOwned
{
    private HotelPricingSettings()
    {
    }

    public HotelPricingSettings(Guid hotelId)
    {
        HotelId = hotelId;
        WeightsJson = JsonSerializer.Serialize(PricingWeights.Default, JsonDefaults.Options);
        UndercutThreshold = 0.1m;
        PaceThreshold = 0.15m;
    }

    public Guid HotelId { get; private set; }

    /// <summary>The weights as JSON: they grow with the engine, and are read and written whole.</summary>
    public string WeightsJson { get; private set; } = "";

    /// <summary>A competitor undercutting us by more than this share raises an alert (0.1: 10 %).</summary>
    public decimal UndercutThreshold { get; private set; }

    /// <summary>Occupancy this far ahead of or behind pace raises an alert (0.15: 15 points).</summary>
    public decimal PaceThreshold { get; private set; }

    public int Version { get; private set; }

    public PricingWeights Weights => JsonSerializer.Deserialize<PricingWeights>(WeightsJson, JsonDefaults.Options) ?? PricingWeights.Default;

    public void Change(PricingWeights weights, decimal undercutThreshold, decimal paceThreshold)
    {
        WeightsJson = JsonSerializer.Serialize(weights, JsonDefaults.Options);
        UndercutThreshold = undercutThreshold;
        PaceThreshold = paceThreshold;
        Version++;
    }
}
