using Stayfull.Domain.Pricing;

namespace Stayfull.Web.Components.Pages.Manager;

/// <summary>What the pricing review shows: the filter bar edits it, a heat-map click narrows it to one day.</summary>
public sealed record PricingFilterModel(DateOnly From, DateOnly To, Guid? RoomTypeId, decimal MinChangePercent, RecommendationStatus? Status)
{
    /// <summary>The days the heat map covers, and the grid's default range.</summary>
    public const int Days = 90;

    public static PricingFilterModel Default(DateOnly today) => new(today, today.AddDays(Days - 1), null, 0, RecommendationStatus.Pending);

    public bool IsOneDay => From == To;

    public RecommendationFilter ToFilter() => new(From, To, RoomTypeId, Math.Max(0, MinChangePercent) / 100m, Status);
}
