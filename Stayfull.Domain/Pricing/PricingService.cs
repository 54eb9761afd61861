using Microsoft.EntityFrameworkCore;
using Stayfull.Domain.Common;
using Stayfull.Domain.Live;
using Stayfull.Domain.Rates;
using Stayfull.Domain.Sessions;
using Stayfull.Domain.Tenancy;

namespace Stayfull.Domain.Pricing;

/// <summary>What a recompute did.</summary>
public sealed record PricingRun(int Recommendations, int NewlyPending, int AutoApplied, int AlertsRaised, int AlertsResolved);

/// <summary>
/// Recomputes the hotel's recommendations for the next <see cref="Horizon"/> days (nightly, on demand and
/// after big changes), applies those the autopilot may, keeps the rate alerts in step, and carries out
/// managers' decisions: an approved rate becomes the hotel's rate for that night, audited.
/// </summary>
public sealed class PricingService(HotelSessions sessions)
{
    public const int Horizon = 365;

    public Task<PricingRun> RecomputeAsync(CancellationToken cancellationToken) =>
        sessions.WriteAsync(async s =>
        {
            s.Staff.Require(StaffRole.Manager, "recompute pricing recommendations");
            var from = s.Today;
            var to = from.AddDays(Horizon);
            var snapshot = await PricingSnapshot.LoadAsync(s, from, to, cancellationToken);
            var existing = await s.Db.PricingRecommendations.Where(r => r.Date >= from && r.Date < to)
                .ToDictionaryAsync(r => (r.RoomTypeId, r.Date), cancellationToken);
            int count = 0, pending = 0, auto = 0;
            var autopilotRates = new List<(Guid RoomTypeId, DateOnly Date, long Rate)>();
            foreach (var type in snapshot.RoomTypes)
            {
                var pricing = snapshot.PricingOf(type);
                for (var date = from; date < to; date = date.AddDays(1))
                {
                    var input = snapshot.InputFor(type, date);
                    var recommendation = PricingEngine.Recommend(input, snapshot.Weights, pricing.Guardrails);
                    if (!existing.TryGetValue((type.Id, date), out var row))
                    {
                        row = new PricingRecommendation(s.HotelId, type.Id, date);
                        s.Db.PricingRecommendations.Add(row);
                    }

                    if (row.Update(recommendation, input.Market?.MedianMinor, s.Now))
                    {
                        pending++;
                    }

                    if (pricing.Autopilot && row.Status == RecommendationStatus.Pending && Math.Abs(row.Change) <= pricing.AutopilotMaxChange)
                    {
                        row.Decide(RecommendationStatus.AutoApplied, row.RecommendedMinor, "Autopilot", s.Now);
                        autopilotRates.Add((type.Id, date, row.RecommendedMinor));
                        auto++;
                    }

                    count++;
                }
            }

            await ApplyRatesAsync(s, autopilotRates, cancellationToken);
            var (raised, resolved) = await RateAlertKeeper.RefreshAsync(s, snapshot, from, to, cancellationToken);
            s.Audit("Pricing", s.HotelId, "Recomputed", new { From = from, To = to, Recommendations = count, NewlyPending = pending, AutoApplied = auto, AlertsRaised = raised, AlertsResolved = resolved });
            if (auto > 0)
            {
                s.Announce(ChangeTopic.Rates, null, $"Autopilot applied {auto} rates");
            }

            if (pending > 0 || raised > 0 || resolved > 0)
            {
                s.Announce(ChangeTopic.RateAlerts, null, $"{pending} new pricing recommendations, {raised} rate alerts");
            }

            return new PricingRun(count, pending, auto, raised, resolved);
        }, cancellationToken);

    /// <summary>Approves recommendations at their recommended rate.</summary>
    public Task<int> ApproveAsync(IReadOnlyCollection<Guid> recommendationIds, CancellationToken cancellationToken) =>
        DecideAsync(recommendationIds, RecommendationStatus.Approved, null, cancellationToken);

    public Task<int> RejectAsync(IReadOnlyCollection<Guid> recommendationIds, CancellationToken cancellationToken) =>
        DecideAsync(recommendationIds, RecommendationStatus.Rejected, null, cancellationToken);

    /// <summary>Approves one recommendation at the manager's own rate, which must lie within the room type's floor and ceiling.</summary>
    public Task<int> ApproveAtAsync(Guid recommendationId, long rateMinor, CancellationToken cancellationToken) =>
        DecideAsync([recommendationId], RecommendationStatus.Approved, rateMinor, cancellationToken);

    private Task<int> DecideAsync(IReadOnlyCollection<Guid> ids, RecommendationStatus status, long? ownRate, CancellationToken cancellationToken) =>
        sessions.WriteAsync(async s =>
        {
            s.Staff.Require(StaffRole.Manager, "decide on pricing recommendations");
            if (ids.Count == 0)
            {
                throw new ValidationException(new Dictionary<string, string[]> { ["recommendations"] = ["Pick at least one recommendation."] });
            }

            var rows = await s.Db.PricingRecommendations.Where(r => ids.Contains(r.Id)).ToListAsync(cancellationToken);
            if (rows.Count != ids.Distinct().Count())
            {
                throw new NotFoundException("Recommendation");
            }

            if (rows.FirstOrDefault(r => r.Status != RecommendationStatus.Pending) is { } decided)
            {
                throw new ConcurrencyConflictException($"The recommendation for {decided.Date:d} was already {decided.Status.ToString().ToLowerInvariant()}; reload to see the latest.");
            }

            if (ownRate is { } rate)
            {
                var row = rows[0];
                var type = await s.Db.RoomTypes.SingleAsync(t => t.Id == row.RoomTypeId, cancellationToken);
                var pricing = await s.Db.RoomTypePricing.SingleOrDefaultAsync(p => p.RoomTypeId == type.Id, cancellationToken) ?? RoomTypePricing.DefaultFor(s.HotelId, type.Id, type.BaseRateMinor);
                if (rate < pricing.FloorMinor || rate > pricing.CeilingMinor)
                {
                    throw new ValidationException(new Dictionary<string, string[]> { ["rate"] = [$"The rate must be between the floor {s.Money(pricing.FloorMinor)} and the ceiling {s.Money(pricing.CeilingMinor)}."] });
                }
            }

            var rates = new List<(Guid RoomTypeId, DateOnly Date, long Rate)>();
            foreach (var row in rows)
            {
                var from = row.CurrentRateMinor;
                var applied = status == RecommendationStatus.Approved ? ownRate ?? row.RecommendedMinor : (long?)null;
                row.Decide(status, applied, s.Staff.UserName, s.Now);
                if (applied is { } newRate)
                {
                    rates.Add((row.RoomTypeId, row.Date, newRate));
                }

                s.Audit(nameof(PricingRecommendation), row.Id, status == RecommendationStatus.Approved ? "RateApproved" : "RateRejected", new { row.RoomTypeId, row.Date, From = from, Recommended = row.RecommendedMinor, Applied = applied, row.Explanation });
            }

            await ApplyRatesAsync(s, rates, cancellationToken);
            s.Announce(ChangeTopic.Rates, null, $"{rows.Count} pricing recommendations {(status == RecommendationStatus.Approved ? "approved" : "rejected")}");
            return rows.Count;
        }, cancellationToken);

    /// <summary>Sets the nights' rates; each room type's nights are loaded (and created where missing) once.</summary>
    private static async Task ApplyRatesAsync(HotelSession s, List<(Guid RoomTypeId, DateOnly Date, long Rate)> rates, CancellationToken cancellationToken)
    {
        foreach (var group in rates.GroupBy(r => r.RoomTypeId))
        {
            var from = group.Min(r => r.Date);
            var to = group.Max(r => r.Date).AddDays(1);
            var nights = (await InventoryLedger.NightsAsync(s, group.Key, from, to, cancellationToken)).ToDictionary(n => n.Date);
            foreach (var (_, date, rate) in group)
            {
                nights[date].SetRate(rate);
            }
        }
    }
}
