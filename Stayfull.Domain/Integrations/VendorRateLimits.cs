using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Stayfull.Domain.Integrations;

/// <summary>
/// Calls per second each hotel's account may make to a vendor, bound from <c>Integrations:RateLimits</c>.
/// The defaults sit under the vendors' published limits: Stripe allows 100 read/write operations per second
/// in live mode (25 in test mode); SendGrid's mail send is far above a hotel's volume; a Twilio long code
/// sends about one message segment per second; Seam limits each device (10 code changes and 15 lock
/// actions a minute), so a hotel's account stays at a few calls a second.
/// </summary>
public sealed class VendorRateLimitOptions
{
    public const string Section = "Integrations:RateLimits";

    public Dictionary<IntegrationVendor, int> PerSecond { get; set; } = new()
    {
        [IntegrationVendor.Stripe] = 20,
        [IntegrationVendor.SendGrid] = 10,
        [IntegrationVendor.Twilio] = 1,
        [IntegrationVendor.Seam] = 5,
        [IntegrationVendor.Channex] = 2,
    };

    public int For(IntegrationVendor vendor) => PerSecond.TryGetValue(vendor, out var limit) && limit > 0 ? limit : 1;
}

/// <summary>
/// A token bucket per (vendor, hotel): outbound work that finds it empty waits for the next tokens
/// instead of being sent. It runs on the injected clock, so it is exact in tests and across a paused process.
/// </summary>
public sealed class VendorRateLimits(IOptions<VendorRateLimitOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<(IntegrationVendor Vendor, Guid HotelId), Bucket> _buckets = new();

    /// <summary>Takes one call's worth of the vendor's budget for the hotel, if any is left.</summary>
    public bool TryTake(IntegrationVendor vendor, Guid hotelId)
    {
        var perSecond = options.Value.For(vendor);
        var now = time.GetUtcNow();
        return _buckets.GetOrAdd((vendor, hotelId), _ => new Bucket(perSecond, now)).TryTake(perSecond, now);
    }

    private sealed class Bucket(int capacity, DateTimeOffset start)
    {
        private readonly Lock _gate = new();
        private double _tokens = capacity;
        private DateTimeOffset _refilledAt = start;

        public bool TryTake(int perSecond, DateTimeOffset now)
        {
            lock (_gate)
            {
                var elapsed = Math.Max(0, (now - _refilledAt).TotalSeconds);
                _tokens = Math.Min(perSecond, _tokens + (elapsed * perSecond));
                _refilledAt = now;
                if (_tokens < 1)
                {
                    return false;
                }

                _tokens--;
                return true;
            }
        }
    }
}
