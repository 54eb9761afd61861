using System.Text.Json;
using StackExchange.Redis;
using Stayfull.Domain.Live;
using Stayfull.Web.Startup;

namespace Stayfull.Web.Live;

/// <summary>
/// The Redis channel that carries every live change to every instance's open Blazor screens. Each message names
/// the instance that sent it; that instance has told its own screens already, so it skips its echo, and every
/// other instance tells its screens once. The hub's clients are not served from here: the SignalR backplane
/// reaches them. Messages are handled one at a time, in the order Redis delivers them.
/// </summary>
public sealed class RedisLiveChangeChannel(
    IConnectionMultiplexer redis,
    HotelChangeNotifier notifier,
    InstanceIdentity instance,
    ILogger<RedisLiveChangeChannel> logger) : IHostedService
{
    /// <summary>Under the configured channel prefix (<c>Redis:ChannelPrefix</c>).</summary>
    public static readonly RedisChannel Channel = RedisChannel.Literal("live-changes");

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private ChannelMessageQueue? _queue;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            _queue = await redis.GetSubscriber().SubscribeAsync(Channel);
            _queue.OnMessage(OnMessageAsync);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            // The instance still serves its own screens; the health check reports Redis until it answers.
            logger.LogError(ex, "Could not subscribe to the live changes of the other instances");
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_queue is not null)
        {
            await _queue.UnsubscribeAsync();
        }
    }

    /// <summary>Sends a change this instance saved (and has shown on its own screens) to the other instances.</summary>
    public async ValueTask ShareAsync(HotelChange change)
    {
        try
        {
            await redis.GetSubscriber().PublishAsync(Channel, JsonSerializer.Serialize(new SharedChange(instance.Id, change), Json));
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            // The change is saved and this instance's screens have it; screens on other instances see it on their next load.
            logger.LogError(ex, "Could not share a {Topic} change of hotel {HotelId} with the other instances", change.Topic, change.HotelId);
        }
    }

    private async Task OnMessageAsync(ChannelMessage message)
    {
        SharedChange? shared;
        try
        {
            shared = JsonSerializer.Deserialize<SharedChange>(message.Message.ToString(), Json);
        }
        catch (JsonException ex)
        {
            logger.LogWarning(ex, "Ignored an unreadable live change from the shared channel");
            return;
        }

        if (shared?.Change is null || shared.Origin == instance.Id)
        {
            return;
        }

        await notifier.DeliverToScreensAsync(shared.Change);
    }

    /// <summary>What goes over the channel: the change and the instance that saved it.</summary>
    internal sealed record SharedChange(string Origin, HotelChange Change);
}
