using Microsoft.EntityFrameworkCore;
using Stayfull.Domain.Reservations;
using Stayfull.Domain.Rooms;
using Stayfull.Domain.Sessions;

namespace Stayfull.Domain.Pricing;

/// <summary>
/// Everything pricing reads for a range of stay dates, loaded in a handful of queries: room types and
/// their sellable rooms, rates and rooms sold per night, the same weekday last year, the last 7 days'
/// bookings, competitors' latest prices for the comparable categories, events, weights and guardrails.
/// </summary>
internal sealed class PricingSnapshot
{
    /// <summary>52 weeks: the same weekday of last year.</summary>
    public const int LastYearOffsetDays = 364;

    private readonly Dictionary<(Guid, DateOnly), (long? Rate, int Booked)> _nights = [];
    private readonly Dictionary<(Guid, DateOnly), int> _lastYearBooked = [];
    private readonly Dictionary<(Guid, DateOnly), List<int>> _lastYearLeads = [];
    private readonly Dictionary<(Guid, DateOnly), int> _pickup = [];
    private readonly Dictionary<(Guid, DateOnly), List<(long Price, string Competitor)>> _market = [];
    private readonly Dictionary<Guid, RoomTypePricing> _pricing = [];

    private PricingSnapshot(DateOnly today)
    {
        Today = today;
    }

    public DateOnly Today { get; }

    public IReadOnlyList<RoomType> RoomTypes { get; private set; } = [];

    public IReadOnlyDictionary<Guid, int> Sellable { get; private set; } = new Dictionary<Guid, int>();

    public PricingWeights Weights { get; private set; } = PricingWeights.Default;

    public HotelPricingSettings Settings { get; private set; } = null!;

    public IReadOnlyList<LocalEvent> Events { get; private set; } = [];

    public static async Task<PricingSnapshot> LoadAsync(HotelSession s, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var snapshot = new PricingSnapshot(s.Today);
        snapshot.RoomTypes = await s.Db.RoomTypes.AsNoTracking().OrderBy(t => t.Name).ToListAsync(cancellationToken);
        snapshot.Sellable = await s.Db.Rooms.Where(r => r.Housekeeping != HousekeepingStatus.OutOfOrder)
            .GroupBy(r => r.RoomTypeId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        snapshot.Settings = await s.Db.PricingSettings.AsNoTracking().SingleOrDefaultAsync(cancellationToken) ?? new HotelPricingSettings(s.HotelId);
        snapshot.Weights = snapshot.Settings.Weights;
        snapshot.Events = await s.Db.DemandEvents.AsNoTracking().Where(e => e.To >= from && e.From < to).Select(e => new LocalEvent(e.Name, e.From, e.To, e.ExpectedUplift)).ToListAsync(cancellationToken);
        foreach (var pricing in await s.Db.RoomTypePricing.AsNoTracking().ToListAsync(cancellationToken))
        {
            snapshot._pricing[pricing.RoomTypeId] = pricing;
        }

        foreach (var night in await s.Db.RoomTypeDays.AsNoTracking().Where(d => d.Date >= from && d.Date < to).Select(d => new { d.RoomTypeId, d.Date, d.RateMinor, d.Booked }).ToListAsync(cancellationToken))
        {
            snapshot._nights[(night.RoomTypeId, night.Date)] = (night.RateMinor, night.Booked);
        }

        var lastYearFrom = from.AddDays(-LastYearOffsetDays);
        var lastYearTo = to.AddDays(-LastYearOffsetDays);
        foreach (var night in await s.Db.RoomTypeDays.AsNoTracking().Where(d => d.Date >= lastYearFrom && d.Date < lastYearTo && d.Date < s.Today).Select(d => new { d.RoomTypeId, d.Date, d.Booked }).ToListAsync(cancellationToken))
        {
            snapshot._lastYearBooked[(night.RoomTypeId, night.Date.AddDays(LastYearOffsetDays))] = night.Booked;
        }

        await snapshot.LoadBookingsAsync(s, from, to, lastYearFrom, lastYearTo, cancellationToken);
        await snapshot.LoadMarketAsync(s, from, to, cancellationToken);
        return snapshot;
    }

    public RoomTypePricing PricingOf(RoomType type) =>
        _pricing.TryGetValue(type.Id, out var pricing) ? pricing : RoomTypePricing.DefaultFor(type.HotelId, type.Id, type.BaseRateMinor);

    public long CurrentRate(RoomType type, DateOnly date) => _nights.TryGetValue((type.Id, date), out var night) && night.Rate is { } rate ? rate : type.BaseRateMinor;

    public int Booked(RoomType type, DateOnly date) => _nights.TryGetValue((type.Id, date), out var night) ? night.Booked : 0;

    public IReadOnlyList<(long Price, string Competitor)> Market(RoomType type, DateOnly date) =>
        _market.TryGetValue((type.Id, date), out var prices) ? prices : [];

    public PricingInput InputFor(RoomType type, DateOnly date)
    {
        var capacity = Sellable.GetValueOrDefault(type.Id);
        var lead = date.DayNumber - Today.DayNumber;
        var lastYearLeads = _lastYearLeads.TryGetValue((type.Id, date), out var leads) ? leads : [];
        decimal? lastYear = capacity > 0 && _lastYearBooked.TryGetValue((type.Id, date), out var booked) ? Math.Min(1, booked / (decimal)capacity) : null;
        return new PricingInput(
            date,
            Today,
            type.BaseRateMinor,
            CurrentRate(type, date),
            MarketStatistics.Summarise([.. Market(type, date).Select(m => m.Price)]),
            capacity == 0 ? 0 : Math.Min(1, Booked(type, date) / (decimal)capacity),
            PaceCurve.Expected(lead, lastYearLeads, capacity, Weights.TargetOccupancy),
            _pickup.GetValueOrDefault((type.Id, date)),
            capacity,
            lastYear,
            Events);
    }

    private async Task LoadBookingsAsync(HotelSession s, DateOnly from, DateOnly to, DateOnly lastYearFrom, DateOnly lastYearTo, CancellationToken cancellationToken)
    {
        var weekAgo = s.Now.AddDays(-7);
        var stays = await s.Db.Reservations.AsNoTracking()
            .Where(r => r.Status != ReservationStatus.Cancelled
                && ((r.Arrival < to && r.Departure > from && r.CreatedAt >= weekAgo) || (r.Arrival < lastYearTo && r.Departure > lastYearFrom)))
            .Select(r => new { r.RoomTypeId, r.Arrival, r.Departure, r.CreatedAt })
            .ToListAsync(cancellationToken);
        foreach (var stay in stays)
        {
            var bookedOn = s.Hotel.LocalDate(stay.CreatedAt);
            for (var night = stay.Arrival; night < stay.Departure; night = night.AddDays(1))
            {
                if (night >= from && night < to && stay.CreatedAt >= weekAgo)
                {
                    _pickup[(stay.RoomTypeId, night)] = _pickup.GetValueOrDefault((stay.RoomTypeId, night)) + 1;
                }

                if (night >= lastYearFrom && night < lastYearTo)
                {
                    var key = (stay.RoomTypeId, night.AddDays(LastYearOffsetDays));
                    if (!_lastYearLeads.TryGetValue(key, out var leads))
                    {
                        _lastYearLeads[key] = leads = [];
                    }

                    leads.Add(night.DayNumber - bookedOn.DayNumber);
                }
            }
        }
    }

    private async Task LoadMarketAsync(HotelSession s, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var matches = await s.Db.CompetitorRoomMatches.AsNoTracking().ToListAsync(cancellationToken);
        if (matches.Count == 0)
        {
            return;
        }

        var names = await s.Db.Competitors.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);
        var byCategory = matches.ToLookup(m => (m.CompetitorId, m.Category), m => m.RoomTypeId);
        var currency = s.Hotel.Currency;
        var rates = await s.Db.CompetitorRates.AsNoTracking()
            .Where(r => r.Date >= from && r.Date < to && r.Currency == currency)
            .Select(r => new { r.CompetitorId, r.Category, r.Date, r.PriceMinor })
            .ToListAsync(cancellationToken);
        foreach (var rate in rates)
        {
            foreach (var roomTypeId in byCategory[(rate.CompetitorId, rate.Category)])
            {
                if (!_market.TryGetValue((roomTypeId, rate.Date), out var prices))
                {
                    _market[(roomTypeId, rate.Date)] = prices = [];
                }

                prices.Add((rate.PriceMinor, names.GetValueOrDefault(rate.CompetitorId, "A competitor")));
            }
        }
    }
}
