using Microsoft.EntityFrameworkCore;
using Stayfull.Domain.Sessions;

namespace Stayfull.Domain.Pricing;

/// <summary>Which recommendations the review grid shows.</summary>
/// <param name="MinChange">Only changes at least this large either way, as a share of the current rate (0.05: 5 %).</param>
public sealed record RecommendationFilter(DateOnly From, DateOnly To, Guid? RoomTypeId = null, decimal MinChange = 0, RecommendationStatus? Status = RecommendationStatus.Pending);

public sealed record RecommendationRow(
    Guid Id,
    Guid RoomTypeId,
    string RoomType,
    DateOnly Date,
    long CurrentRateMinor,
    long RecommendedMinor,
    long? CompetitorMedianMinor,
    decimal Change,
    string Explanation,
    IReadOnlyList<FactorContribution> Factors,
    GuardrailBound? BoundBy,
    RecommendationStatus Status,
    string? DecidedBy,
    DateTimeOffset? DecidedAt);

public sealed record RecommendationPage(IReadOnlyList<RecommendationRow> Items, int Total);

/// <summary>One day of the heat map: how many recommendations wait, and the average change they ask for.</summary>
public sealed record HeatMapDay(DateOnly Date, int Pending, decimal AverageChange);

/// <summary>One date of the chart: our rate, the recommendation and the competitors' median.</summary>
public sealed record RatePoint(DateOnly Date, long CurrentRateMinor, long RecommendedMinor, long? CompetitorMedianMinor);

/// <summary>Reads for the manager's review page: a server-paged grid, the heat map and the chart.</summary>
public sealed class RecommendationQueries(HotelSessions sessions)
{
    public const int MaxPageSize = 200;

    public Task<RecommendationPage> PageAsync(RecommendationFilter filter, int page, int pageSize, CancellationToken cancellationToken) =>
        sessions.ReadAsync(async s =>
        {
            pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
            page = Math.Max(0, page);
            var query = Filtered(s, filter);
            var total = await query.CountAsync(cancellationToken);
            var rows = await query.OrderBy(r => r.Date).ThenBy(r => r.RoomTypeId).Skip(page * pageSize).Take(pageSize).ToListAsync(cancellationToken);
            var types = await s.Db.RoomTypes.ToDictionaryAsync(t => t.Id, t => t.Name, cancellationToken);
            return new RecommendationPage(
                [.. rows.Select(r => new RecommendationRow(
                    r.Id, r.RoomTypeId, types.GetValueOrDefault(r.RoomTypeId, ""), r.Date, r.CurrentRateMinor, r.RecommendedMinor, r.CompetitorMedianMinor,
                    r.Change, r.Explanation, r.Factors, r.BoundBy, r.Status, r.DecidedBy, r.DecidedAt))],
                total);
        }, cancellationToken);

    /// <summary>Every id the filter matches, for "approve all shown" (bounded so one click cannot lock the table for long).</summary>
    public Task<IReadOnlyList<Guid>> IdsAsync(RecommendationFilter filter, CancellationToken cancellationToken) =>
        sessions.ReadAsync<IReadOnlyList<Guid>>(async s => await Filtered(s, filter).OrderBy(r => r.Date).Select(r => r.Id).Take(PricingService.Horizon * 20).ToListAsync(cancellationToken), cancellationToken);

    public Task<IReadOnlyList<HeatMapDay>> HeatMapAsync(DateOnly from, DateOnly to, Guid? roomTypeId, CancellationToken cancellationToken) =>
        sessions.ReadAsync<IReadOnlyList<HeatMapDay>>(async s =>
        {
            var rows = await s.Db.PricingRecommendations.AsNoTracking()
                .Where(r => r.Date >= from && r.Date <= to && r.Status == RecommendationStatus.Pending && (roomTypeId == null || r.RoomTypeId == roomTypeId))
                .Select(r => new { r.Date, r.CurrentRateMinor, r.RecommendedMinor })
                .ToListAsync(cancellationToken);
            return [.. rows.GroupBy(r => r.Date).OrderBy(g => g.Key).Select(g => new HeatMapDay(
                g.Key,
                g.Count(),
                g.Average(r => r.CurrentRateMinor == 0 ? 0 : (r.RecommendedMinor - r.CurrentRateMinor) / (decimal)r.CurrentRateMinor)))];
        }, cancellationToken);

    public Task<IReadOnlyList<RatePoint>> SeriesAsync(Guid roomTypeId, DateOnly from, DateOnly to, CancellationToken cancellationToken) =>
        sessions.ReadAsync<IReadOnlyList<RatePoint>>(async s =>
            await s.Db.PricingRecommendations.AsNoTracking()
                .Where(r => r.RoomTypeId == roomTypeId && r.Date >= from && r.Date <= to)
                .OrderBy(r => r.Date)
                .Select(r => new RatePoint(r.Date, r.CurrentRateMinor, r.RecommendedMinor, r.CompetitorMedianMinor))
                .ToListAsync(cancellationToken),
            cancellationToken);

    private static IQueryable<PricingRecommendation> Filtered(HotelSession s, RecommendationFilter filter)
    {
        var query = s.Db.PricingRecommendations.AsNoTracking().Where(r => r.Date >= filter.From && r.Date <= filter.To);
        if (filter.RoomTypeId is { } type)
        {
            query = query.Where(r => r.RoomTypeId == type);
        }

        if (filter.Status is { } status)
        {
            query = query.Where(r => r.Status == status);
        }

        if (filter.MinChange > 0)
        {
            // In whole minor units on both sides, so every provider compares integers.
            var share = (double)filter.MinChange;
            query = query.Where(r => Math.Abs(r.RecommendedMinor - r.CurrentRateMinor) >= (long)Math.Ceiling(share * r.CurrentRateMinor));
        }

        return query;
    }
}
