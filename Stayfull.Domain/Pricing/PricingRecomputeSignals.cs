using Microsoft.Extensions.Options;

namespace Stayfull.Domain.Pricing;

/// <summary>Bound from <c>Pricing:Recompute</c>.</summary>
public sealed class PricingRecomputeOptions
{
    public const string Section = "Pricing:Recompute";

    /// <summary>This many bookings for one hotel within <see cref="BurstWindow"/> is a burst worth repricing for.</summary>
    public int BurstBookings { get; set; } = 5;

    public TimeSpan BurstWindow { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The hotel-local hour in which the nightly recompute runs.</summary>
    public int NightlyHour { get; set; } = 3;
}

/// <summary>Why a hotel's recommendations are recomputed before the nightly run.</summary>
public enum RecomputeReason
{
    BookingBurst = 0,
    CompetitorMove = 1,
    SettingsChanged = 2,
}

/// <summary>
/// Big changes that make a hotel's recommendations stale before the nightly run: a burst of bookings,
/// a competitor move, new guardrails or weights. Bookings, the rate shop and settings signal here; the
/// recompute job takes the hotels due. Signals coalesce: a hotel is due once however many signals it
/// got, so a burst of bookings costs one recompute, not one per booking.
/// Kept in memory on purpose: a lost signal (a restart, a burst split across instances) only means the
/// nightly recompute catches up, and recomputing is idempotent.
/// </summary>
public sealed class PricingRecomputeSignals(TimeProvider time, IOptions<PricingRecomputeOptions> options)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<Guid, List<DateTimeOffset>> _bookings = [];
    private readonly Dictionary<Guid, RecomputeReason> _due = [];

    /// <summary>A reservation was made; returns true when it completes a burst and the hotel is now due.</summary>
    public bool BookingMade(Guid hotelId)
    {
        var now = time.GetUtcNow();
        var window = options.Value.BurstWindow;
        lock (_gate)
        {
            if (!_bookings.TryGetValue(hotelId, out var recent))
            {
                recent = [];
                _bookings[hotelId] = recent;
            }

            recent.RemoveAll(at => at <= now - window);
            recent.Add(now);
            if (recent.Count < Math.Max(1, options.Value.BurstBookings))
            {
                return false;
            }

            // The burst is spent: the next one has to build up again.
            recent.Clear();
            _due.TryAdd(hotelId, RecomputeReason.BookingBurst);
            return true;
        }
    }

    /// <summary>The competitor set moved a lot in one shop (see <see cref="RateShopResult.IsBigMove"/>).</summary>
    public void MarketMoved(Guid hotelId) => MarkDue(hotelId, RecomputeReason.CompetitorMove);

    /// <summary>Guardrails, weights, thresholds or local events changed.</summary>
    public void SettingsChanged(Guid hotelId) => MarkDue(hotelId, RecomputeReason.SettingsChanged);

    public bool IsDue(Guid hotelId)
    {
        lock (_gate)
        {
            return _due.ContainsKey(hotelId);
        }
    }

    /// <summary>The hotels due, each once; they are no longer due afterwards.</summary>
    public IReadOnlyList<(Guid HotelId, RecomputeReason Reason)> TakeDue()
    {
        lock (_gate)
        {
            var due = _due.Select(d => (d.Key, d.Value)).ToList();
            foreach (var (hotelId, _) in due)
            {
                _due.Remove(hotelId);

                // The recompute sees every booking made so far; they must not count toward the next burst.
                _bookings.Remove(hotelId);
            }

            return due;
        }
    }

    internal void MarkDue(Guid hotelId, RecomputeReason reason)
    {
        lock (_gate)
        {
            _due.TryAdd(hotelId, reason);
        }
    }
}
