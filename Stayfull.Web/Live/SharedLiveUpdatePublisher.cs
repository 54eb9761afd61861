using Stayfull.Domain.Live;

namespace Stayfull.Web.Live;

/// <summary>
/// The publisher when several instances share Redis: this instance's screens and the hub's clients (the backplane
/// carries the hub's send to every instance), and the other instances' screens through the Redis channel, side by
/// side: other instances need not wait while this one's screens reload. Each screen and each hub client gets a
/// change once; a Redis outage costs only the other instances' screens.
/// </summary>
public sealed class SharedLiveUpdatePublisher(HotelChangeNotifier notifier, RedisLiveChangeChannel channel) : ILiveUpdatePublisher
{
    public async ValueTask PublishAsync(HotelChange change, CancellationToken cancellationToken = default)
    {
        var here = notifier.PublishAsync(change, cancellationToken).AsTask();
        await channel.ShareAsync(change);
        await here;
    }
}
