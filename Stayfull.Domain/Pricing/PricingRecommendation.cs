using System.Text.Json;
using Stayfull.Domain.Integrations;
using Stayfull.Domain.Tenancy;

namespace Stayfull.Domain.Pricing;

public enum RecommendationStatus
{
    /// <summary>Waiting for a manager.</summary>
    Pending = 0,
    Approved = 1,
    Rejected = 2,

    /// <summary>Applied by the room type's autopilot, within its tighter bounds.</summary>
    AutoApplied = 3,

    /// <summary>The recommendation equals the rate on sale: nothing to decide.</summary>
    Unchanged = 4,
}

/// <summary>
/// The engine's latest recommendation for one room type on one date, with its explanation and what a
/// manager decided. A recompute updates it in place; a new figure after a decision opens it again.
/// </summary>
public sealed class PricingRecommendation : ITenantOwned
{
    private PricingRecommendation()
    {
    }

    public PricingRecommendation(Guid hotelId, Guid roomTypeId, DateOnly date)
    {
        Id = Guid.CreateVersion7();
        HotelId = hotelId;
        RoomTypeId = roomTypeId;
        Date = date;
    }

    public Guid Id { get; private set; }

    public Guid HotelId { get; private set; }

    public Guid RoomTypeId { get; private set; }

    public DateOnly Date { get; private set; }

    public long BaseRateMinor { get; private set; }

    public long CurrentRateMinor { get; private set; }

    public long RecommendedMinor { get; private set; }

    public long? CompetitorMedianMinor { get; private set; }

    public GuardrailBound? BoundBy { get; private set; }

    public string Explanation { get; private set; } = "";

    /// <summary>The factor contributions as JSON, for the breakdown a manager expands.</summary>
    public string FactorsJson { get; private set; } = "[]";

    public RecommendationStatus Status { get; private set; }

    /// <summary>The rate a manager approved (their own figure when they edited it).</summary>
    public long? DecidedRateMinor { get; private set; }

    public string? DecidedBy { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    public DateTimeOffset ComputedAt { get; private set; }

    public int Version { get; private set; }

    /// <summary>The change from the rate on sale, as a share of it.</summary>
    public decimal Change => CurrentRateMinor == 0 ? 0 : (RecommendedMinor - CurrentRateMinor) / (decimal)CurrentRateMinor;

    public IReadOnlyList<FactorContribution> Factors =>
        JsonSerializer.Deserialize<List<FactorContribution>>(FactorsJson, JsonDefaults.Options) ?? [];

    /// <summary>Takes the engine's latest figure; returns true when it is a new one that needs a decision.</summary>
    public bool Update(RateRecommendation recommendation, long? competitorMedianMinor, DateTimeOffset now)
    {
        var moved = recommendation.RecommendedMinor != RecommendedMinor || recommendation.CurrentRateMinor != CurrentRateMinor;
        BaseRateMinor = recommendation.BaseRateMinor;
        CurrentRateMinor = recommendation.CurrentRateMinor;
        RecommendedMinor = recommendation.RecommendedMinor;
        CompetitorMedianMinor = competitorMedianMinor;
        BoundBy = recommendation.BoundBy;
        Explanation = recommendation.Explanation.Length > 500 ? recommendation.Explanation[..500] : recommendation.Explanation;
        FactorsJson = JsonSerializer.Serialize(recommendation.Contributions, JsonDefaults.Options);
        ComputedAt = now;
        if (moved || Status == RecommendationStatus.Pending)
        {
            Status = RecommendedMinor == CurrentRateMinor ? RecommendationStatus.Unchanged : RecommendationStatus.Pending;
            DecidedRateMinor = null;
            DecidedBy = null;
            DecidedAt = null;
        }

        Version++;
        return moved && Status == RecommendationStatus.Pending;
    }

    public void Decide(RecommendationStatus status, long? rateMinor, string by, DateTimeOffset now)
    {
        Status = status;
        DecidedRateMinor = rateMinor;
        DecidedBy = by;
        DecidedAt = now;
        if (rateMinor is { } rate)
        {
            CurrentRateMinor = rate;
        }

        Version++;
    }
}
