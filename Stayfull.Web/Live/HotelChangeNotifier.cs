using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using Stayfull.Domain.Live;

namespace Stayfull.Web.Live;

/// <summary>
/// Hands each open Blazor screen a subscription to its hotel's changes, and forwards every change to
/// the live hub's group of that hotel (<see cref="LiveHub"/>). Subscriptions are disposed with the component.
/// With several instances, <see cref="SharedLiveUpdatePublisher"/> also shares each change with the others.
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

    /// <summary>
    /// Tells this instance's open screens and the hub's clients of the hotel (on every instance, through the
    /// backplane when there is one). Both start at once: a screen reloads its data before it shows a change,
    /// and hub clients should not wait for that.
    /// </summary>
    public async ValueTask PublishAsync(HotelChange change, CancellationToken cancellationToken = default)
    {
        var screens = DeliverToScreensAsync(change);
        try
        {
            await hub.Clients.Group(LiveHub.GroupOf(change.HotelId)).Changed(change);
        }
#pragma warning disable CA1031 // a backplane outage must not undo a saved change or stop this instance's screens
        catch (Exception ex)
#pragma warning restore CA1031
        {
            logger.LogError(ex, "The live hub could not send a {Topic} change of hotel {HotelId}", change.Topic, change.HotelId);
        }

        await screens;
    }

    /// <summary>
    /// Tells this instance's open screens only: for a change another instance saved, whose hub clients the
    /// backplane has already reached. Screens are told side by side, not one after another: each reloads
    /// from the database, and with dozens of consoles open the last would otherwise wait for all the others.
    /// </summary>
    public Task DeliverToScreensAsync(HotelChange change) =>
        _subscriptions.TryGetValue(change.HotelId, out var subscribers)
            ? Task.WhenAll(subscribers.Keys.Select(subscriber => DeliverAsync(subscriber, change)))
            : Task.CompletedTask;

    private async Task DeliverAsync(Subscription subscriber, HotelChange change)
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
