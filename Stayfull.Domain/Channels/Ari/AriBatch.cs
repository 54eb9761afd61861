using Microsoft.EntityFrameworkCore;
using Stayfull.Domain.Rates;
using Stayfull.Domain.Sessions;

namespace Stayfull.Domain.Channels.Ari;

/// <summary>
/// The values of one push: the current availability or rates and restrictions of every mapped room type on
/// the nights the pending changes name (past nights skipped), collapsed into ranges.
/// </summary>
internal sealed class AriBatch
{
    public IReadOnlyList<AvailabilityValue> Availability { get; private init; } = [];

    public IReadOnlyList<RestrictionValue> Restrictions { get; private init; } = [];

    public int ValueCount => Availability.Count + Restrictions.Count;

    public DateOnly From { get; private init; }

    public DateOnly To { get; private init; }

    public bool IsFullSync { get; private init; }

    /// <summary>Nights left out because the call would have been too large; queued for the next call.</summary>
    public (DateOnly From, DateOnly To)? Overflow { get; private init; }

    public static async Task<AriBatch> ReadAsync(HotelSession s, AriKind kind, IReadOnlyList<AriPendingChange> pending, CancellationToken cancellationToken)
    {
        var roomTypeMappings = await s.Db.ChannelRoomTypeMappings.AsNoTracking().ToListAsync(cancellationToken);
        var ratePlanMappings = kind == AriKind.Restrictions
            ? await s.Db.ChannelRatePlanMappings.AsNoTracking().ToListAsync(cancellationToken)
            : [];
        var mappedTypes = (kind == AriKind.Availability ? roomTypeMappings.Select(m => m.RoomTypeId) : ratePlanMappings.Select(m => m.RoomTypeId)).ToHashSet();

        var nights = new Dictionary<Guid, SortedSet<int>>();
        var isFull = false;
        foreach (var change in pending)
        {
            var from = change.From < s.Today ? s.Today : change.From;
            var last = change.IsFullSync ? AriWindow.LastFullSyncNight(s.Today) : AriWindow.LastDeltaNight(s.Today);
            var to = change.To > last ? last : change.To;
            isFull |= change.IsFullSync;
            if (from > to)
            {
                continue;
            }

            foreach (var type in change.RoomTypeId is { } one ? (mappedTypes.Contains(one) ? [one] : []) : mappedTypes)
            {
                if (!nights.TryGetValue(type, out var set))
                {
                    set = [];
                    nights[type] = set;
                }

                for (var day = from.DayNumber; day <= to.DayNumber; day++)
                {
                    set.Add(day);
                }
            }
        }

        if (nights.Count == 0)
        {
            return new AriBatch();
        }

        var first = DateOnly.FromDayNumber(nights.Values.Min(n => n.Min));
        var lastNight = DateOnly.FromDayNumber(nights.Values.Max(n => n.Max));
        var calendar = (await AvailabilityService.LoadAsync(s, first, lastNight.AddDays(1), roomTypeId: null, cancellationToken))
            .ToDictionary(t => t.RoomTypeId, t => t.Days);

        IReadOnlyList<DayAvailability> Days(Guid roomTypeId) =>
            calendar.TryGetValue(roomTypeId, out var days)
                ? [.. nights[roomTypeId].Select(n => days[n - first.DayNumber])]
                : [];

        if (kind == AriKind.Availability)
        {
            var values = new List<AvailabilityValue>();
            foreach (var mapping in roomTypeMappings.Where(m => nights.ContainsKey(m.RoomTypeId)).OrderBy(m => m.ChannelRoomTypeId, StringComparer.Ordinal))
            {
                values.AddRange(AriRanges.Collapse(Days(mapping.RoomTypeId).Select(d => (d.Date, d.Available)))
                    .Select(r => new AvailabilityValue(mapping.ChannelRoomTypeId, r.From, r.To, r.Value)));
            }

            return Capped(values, (a, b) => a.From.CompareTo(b.From), v => v.From, cut => new AriBatch { Availability = cut.Values, From = first, To = lastNight, IsFullSync = isFull, Overflow = cut.Overflow }, lastNight);
        }

        var plans = await s.Db.RatePlans.AsNoTracking().ToDictionaryAsync(p => p.Id, cancellationToken);
        var restrictions = new List<RestrictionValue>();
        foreach (var mapping in ratePlanMappings.Where(m => nights.ContainsKey(m.RoomTypeId) && plans.ContainsKey(m.RatePlanId)).OrderBy(m => m.ChannelRatePlanId, StringComparer.Ordinal))
        {
            var plan = plans[mapping.RatePlanId];
            restrictions.AddRange(AriRanges.Collapse(Days(mapping.RoomTypeId).Select(d => (d.Date, Value: new Night(plan.PriceOf(d.RateMinor), d.MinStay, d.ClosedToArrival, d.ClosedToDeparture, d.StopSell))))
                .Select(r => new RestrictionValue(mapping.ChannelRatePlanId, r.From, r.To, r.Value.RateMinor > 0 ? r.Value.RateMinor : null, r.Value.MinStay, r.Value.ClosedToArrival, r.Value.ClosedToDeparture, r.Value.StopSell)));
        }

        return Capped(restrictions, (a, b) => a.From.CompareTo(b.From), v => v.From, cut => new AriBatch { Restrictions = cut.Values, From = first, To = lastNight, IsFullSync = isFull, Overflow = cut.Overflow }, lastNight);
    }

    private static AriBatch Capped<T>(List<T> values, Comparison<T> byDate, Func<T, DateOnly> fromOf, Func<(IReadOnlyList<T> Values, (DateOnly, DateOnly)? Overflow), AriBatch> build, DateOnly lastNight)
    {
        if (values.Count <= AriPusher.MaxValuesPerCall)
        {
            return build((values, null));
        }

        // Earliest nights first: they matter most. The rest (from the first night left out) is queued again.
        values.Sort(byDate);
        var cutAt = fromOf(values[AriPusher.MaxValuesPerCall]);
        return build((values.Where(v => fromOf(v) < cutAt).ToList(), (cutAt, lastNight)));
    }

    /// <summary>What the channels sell on one night of one rate plan.</summary>
    private readonly record struct Night(long RateMinor, int MinStay, bool ClosedToArrival, bool ClosedToDeparture, bool StopSell);
}
