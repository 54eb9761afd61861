using Microsoft.EntityFrameworkCore;
using Stayfull.Domain.Live;
using Stayfull.Domain.Sessions;
using Stayfull.Domain.Tenancy;

namespace Stayfull.Domain.Pricing;

/// <summary>What a shop or an import stored: prices new to us, prices that moved, and prices seen again unchanged.</summary>
public sealed record RateShopResult(int Added, int Changed, int Unchanged, int Ignored)
{
    /// <summary>
    /// A move this large across the market (a tenth of the prices new or moved — the first shop of a set
    /// is all new) is worth recomputing recommendations for at once.
    /// </summary>
    public bool IsBigMove(int observations) => observations > 0 && (Added + Changed) * 10 >= observations;
}

/// <summary>
/// Shops the competitor set's rates for the next <see cref="PricingService.Horizon"/> days through the
/// rate shopper (daily, and on demand) and stores them: one current price per competitor, date and
/// category, with each move kept as a change. Prices of competitors outside the set are ignored. When the
/// market moved a lot, the hotel's recommendations are recomputed soon rather than at night.
/// </summary>
public sealed class RateShopService(HotelSessions sessions, IRateShopper shopper, PricingRecomputeSignals? recompute = null)
{
    public async Task<RateShopResult> ShopAsync(CancellationToken cancellationToken)
    {
        var (hotelId, competitors, from) = await sessions.ReadAsync(async s =>
        {
            s.Staff.Require(StaffRole.Manager, "shop competitor rates");
            var set = await s.Db.Competitors.AsNoTracking().OrderBy(c => c.Name).Select(c => new ShoppedHotel(c.ExternalId, c.Name)).ToListAsync(cancellationToken);
            return (s.HotelId, set, s.Today);
        }, cancellationToken);
        if (competitors.Count == 0)
        {
            return new RateShopResult(0, 0, 0, 0);
        }

        var rates = await shopper.ShopAsync(hotelId, competitors, from, from.AddDays(PricingService.Horizon - 1), cancellationToken);
        return await StoreAsync(rates, shopper.Source(hotelId), cancellationToken);
    }

    /// <summary>Stores observed prices (from the shopper or an imported file) in one transaction.</summary>
    public Task<RateShopResult> StoreAsync(IReadOnlyList<ShoppedRate> rates, RateSource source, CancellationToken cancellationToken) =>
        sessions.WriteAsync(async s =>
        {
            s.Staff.Require(StaffRole.Manager, "store competitor rates");
            var competitors = await s.Db.Competitors.ToDictionaryAsync(c => c.ExternalId, c => c.Id, StringComparer.OrdinalIgnoreCase, cancellationToken);
            var from = rates.Count == 0 ? s.Today : rates.Min(r => r.Date);
            var to = rates.Count == 0 ? s.Today : rates.Max(r => r.Date);
            var current = await s.Db.CompetitorRates.Where(r => r.Date >= from && r.Date <= to)
                .ToDictionaryAsync(r => (r.CompetitorId, r.Date, r.Category), cancellationToken);
            int added = 0, changed = 0, unchanged = 0, ignored = 0;
            foreach (var rate in rates)
            {
                if (!competitors.TryGetValue(rate.CompetitorExternalId, out var competitorId) || rate.PriceMinor <= 0)
                {
                    ignored++;
                    continue;
                }

                if (!current.TryGetValue((competitorId, rate.Date, rate.Category), out var row))
                {
                    row = new CompetitorRate(s.HotelId, competitorId, rate.Date, rate.Category, rate.PriceMinor, rate.Currency, source, rate.FetchedAt);
                    s.Db.CompetitorRates.Add(row);
                    current[(competitorId, rate.Date, rate.Category)] = row;
                    added++;
                }
                else if (row.Observe(rate.PriceMinor, rate.Currency, source, rate.FetchedAt) is { } change)
                {
                    s.Db.CompetitorRateChanges.Add(change);
                    changed++;
                }
                else
                {
                    unchanged++;
                }
            }

            var result = new RateShopResult(added, changed, unchanged, ignored);
            s.Audit(nameof(CompetitorRate), s.HotelId, "RatesShopped", new { Source = source, result.Added, result.Changed, result.Unchanged, result.Ignored });
            if (result.IsBigMove(rates.Count) && recompute is not null)
            {
                var hotelId = s.HotelId;
                s.AfterSave(() => recompute.MarketMoved(hotelId));
            }

            if (added + changed > 0)
            {
                s.Announce(ChangeTopic.RateAlerts, null, $"Competitor rates: {added} new, {changed} moved");
            }

            return result;
        }, cancellationToken);
}
