using Microsoft.EntityFrameworkCore;
using Stayfull.Domain.Sessions;

namespace Stayfull.Domain.Pricing;

/// <summary>Runs the alert rules over a snapshot and keeps the stored alerts in step: raise new, refresh held, resolve cleared.</summary>
internal static class RateAlertKeeper
{
    /// <summary>Dates beyond this are too far out for pace and undercut alerts to be worth a person's attention.</summary>
    public const int AlertHorizonDays = 120;

    public static async Task<(int Raised, int Resolved)> RefreshAsync(HotelSession s, PricingSnapshot snapshot, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var until = to < from.AddDays(AlertHorizonDays) ? to : from.AddDays(AlertHorizonDays);
        var open = await s.Db.RateAlerts.Where(a => a.ResolvedAt == null && a.Date >= from)
            .ToListAsync(cancellationToken);
        var openByKey = open.GroupBy(a => (a.Kind, a.RoomTypeId, a.Date)).ToDictionary(g => g.Key, g => g.OrderByDescending(a => a.RaisedAt).First());
        var holding = new HashSet<(RateAlertKind, Guid, DateOnly)>();
        var raised = 0;
        foreach (var type in snapshot.RoomTypes)
        {
            var capacity = snapshot.Sellable.GetValueOrDefault(type.Id);
            for (var date = from; date < until; date = date.AddDays(1))
            {
                var input = snapshot.InputFor(type, date);
                var cheapest = snapshot.Market(type, date).OrderBy(m => m.Price).Select(m => ((long Price, string Competitor)?)m).FirstOrDefault();
                var facts = new RateAlertFacts(
                    type.Id, type.Name, date, input.CurrentRateMinor, type.BaseRateMinor, capacity, capacity - snapshot.Booked(type, date),
                    input.OccupancyOnBooks, input.PaceOccupancy, cheapest?.Price, cheapest?.Competitor,
                    [.. snapshot.Events.Where(e => e.Covers(date)).Select(e => e.Name)]);
                foreach (var (kind, message) in RateAlertRules.Evaluate(facts, snapshot.Settings.UndercutThreshold, snapshot.Settings.PaceThreshold, m => s.Money(m).ToString()))
                {
                    holding.Add((kind, type.Id, date));
                    if (openByKey.TryGetValue((kind, type.Id, date), out var alert))
                    {
                        // Acknowledged and still holding: stays acknowledged, quietly refreshed.
                        alert.Refresh(message, s.Now);
                    }
                    else
                    {
                        s.Db.RateAlerts.Add(new RateAlert(s.HotelId, kind, type.Id, date, message, s.Now));
                        raised++;
                    }
                }
            }
        }

        var resolved = 0;
        foreach (var alert in open.Where(a => !holding.Contains((a.Kind, a.RoomTypeId, a.Date))))
        {
            alert.Resolve(s.Now);
            resolved++;
        }

        return (raised, resolved);
    }
}
