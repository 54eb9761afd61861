using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using Stayfull.Domain.Live;

namespace Stayfull.Web.Live;

/// <summary>
/// Hands each open Blazor screen a subscription to its hotel's changes, and forwards every change to
/// the live hub's group of that hotel (<see cref="LiveHub"/>). Subscriptions are disposed with the component.
/// </summary>
public sealed class HotelChangeNotifier(IHubContext<LiveHub, ILiveClient> hub, ILogger<HotelChangeNotifier> logger) : ILiveUpdatePublisher
{
    private readonly ConcurrentDictionary<Guid, ConcurrentDictionary<Subscription, byte>> _subscriptions = new();

    public IDisposable Subscribe(Guid hotelId, Func<HotelChange, Task> onChange)
    {
        var subscription = new Subscription(this, hotelId, onChange);
        _subscriptions.GetOrAdd(hotelId, _ => new()).TryAdd(subscription, 0);
        return subscription;
    }

    public async ValueTask PublishAsync(HotelChange change, CancellationToken cancellationToken = default)
    {
        if (_subscriptions.TryGetValue(change.HotelId, out var subscribers))
        {
            foreach (var subscriber in subscribers.Keys)
            {
                try
                {
                    await subscriber.OnChange(change);
                }
#pragma warning disable CA1031 // one broken screen must not stop the others from updating
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    logger.LogWarning(ex, "A live subscriber of hotel {HotelId} failed", change.HotelId);
                }
            }
        }

        await hub.Clients.Group(LiveHub.GroupOf(change.HotelId)).Changed(change);
    }

    private void Remove(Subscription subscription)
    {
        if (_subscriptions.TryGetValue(subscription.HotelId, out var subscribers))
        {
            subscribers.TryRemove(subscription, out _);
        }
    }

    private sealed class Subscription(HotelChangeNotifier owner, Guid hotelId, Func<HotelChange, Task> onChange) : IDisposable
    {
        public Guid HotelId { get; } = hotelId;

        public Func<HotelChange, Task> OnChange { get; } = onChange;

        public void Dispose() => owner.Remove(this);
    }
}
