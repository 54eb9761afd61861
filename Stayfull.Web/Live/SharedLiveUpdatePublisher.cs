using Stayfull.Domain.Live;

namespace Stayfull.Web.Live;

/// <summary>
/// The publisher when several instances share Redis: this instance's screens and the hub's clients first (the
/// backplane carries the hub's send to every instance), then the other instances' screens through the Redis channel.
/// Each screen and each hub client gets a change once; a Redis outage costs only the other instances' screens.
/// </summary>
public sealed class SharedLiveUpdatePublisher(HotelChangeNotifier notifier, RedisLiveChangeChannel channel) : ILiveUpdatePublisher
{
    public async ValueTask PublishAsync(HotelChange change, CancellationToken cancellationToken = default)
    {
        await notifier.PublishAsync(change, cancellationToken);
        await channel.ShareAsync(change);
    }
}
