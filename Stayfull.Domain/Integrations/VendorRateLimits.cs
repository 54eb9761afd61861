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
/// A sliding one-second window per (vendor, hotel): outbound work that finds the last second's budget spent
/// waits instead of being sent, so no second ever holds more calls than the limit (a token bucket of the same
/// size would let a full burst and a full refill into one second: twice the limit). It runs on the injected
/// clock, so it is exact in tests and across a paused process.
/// </summary>
public sealed class VendorRateLimits(IOptions<VendorRateLimitOptions> options, TimeProvider time)
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<(IntegrationVendor Vendor, Guid HotelId), CallWindow> _windows = new();

    /// <summary>Takes one call's worth of the vendor's budget for the hotel, if any is left.</summary>
    public bool TryTake(IntegrationVendor vendor, Guid hotelId) =>
        _windows.GetOrAdd((vendor, hotelId), _ => new CallWindow()).TryTake(options.Value.For(vendor), time.GetUtcNow());

    private sealed class CallWindow
    {
        private readonly Lock _gate = new();
        private readonly Queue<DateTimeOffset> _calls = new();

        public bool TryTake(int perSecond, DateTimeOffset now)
        {
            lock (_gate)
            {
                while (_calls.TryPeek(out var oldest) && oldest <= now - Window)
                {
                    _calls.Dequeue();
                }

                if (_calls.Count >= perSecond)
                {
                    return false;
                }

                _calls.Enqueue(now);
                return true;
            }
        }
    }
}
