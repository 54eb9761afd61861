using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;
using Stayfull.Domain.Live;
using Stayfull.Tests.Support.Servers;
using Stayfull.Web.Health;
using Stayfull.Web.Live;

namespace Stayfull.Web.Tests.ScaleOut;

/// <summary>
/// Several instances on one Redis: a change saved on any of them reaches every instance's open screens exactly
/// once, in order; with Redis gone, the saving instance's own screens still get it and the outage is logged.
/// </summary>
public sealed class RedisLiveChangeChannelTests
{
    private static readonly Guid HotelId = Guid.NewGuid();

    [Fact]
    public async Task AChangeSavedOnOneInstanceReachesEveryInstancesScreensOnceAndInOrder()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var a = await LiveInstance.StartAsync("a", redis.ConnectionString, HotelId);
        await using var b = await LiveInstance.StartAsync("b", redis.ConnectionString, HotelId);
        var first = Change("first, saved on A");
        var second = Change("second, saved on A");
        var third = Change("third, saved on B");

        await a.Publisher.PublishAsync(first);
        await a.Publisher.PublishAsync(second);
        await b.WaitToSeeAsync(second);
        await b.Publisher.PublishAsync(third);

        // Redis delivers one channel in order: once each has seen the third, any echo of the first two would be in already.
        await a.WaitToSeeAsync(third);
        await b.WaitToSeeAsync(third);
        Assert.Equal([first, second, third], a.Seen);
        Assert.Equal([first, second, third], b.Seen);
    }

    [Fact]
    public async Task AnotherHotelsScreensAreNotTold()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var a = await LiveInstance.StartAsync("a", redis.ConnectionString, HotelId);
        await using var b = await LiveInstance.StartAsync("b", redis.ConnectionString, HotelId);
        var otherHotel = new HotelChange(Guid.NewGuid(), ChangeTopic.Locks, Guid.NewGuid(), "another hotel's door");
        var fence = Change("this hotel");

        await a.Publisher.PublishAsync(otherHotel);
        await a.Publisher.PublishAsync(fence);
        await b.WaitToSeeAsync(fence);

        Assert.Equal([fence], b.Seen);
    }

    [Fact]
    public async Task WithRedisGoneTheSavingInstancesScreensStillGetTheChangeAndTheOutageIsLogged()
    {
        var closedPort = FreeTcpPort.Next();
        await using var a = await LiveInstance.StartAsync("a", $"127.0.0.1:{closedPort},abortConnect=false,connectTimeout=500", HotelId);
        var change = Change("saved while Redis is away");

        await a.Publisher.PublishAsync(change);

        Assert.Equal([change], a.Seen);
        Assert.Contains(a.Logs.Lines, l => l.Level == LogLevel.Error && l.Category == typeof(RedisLiveChangeChannel).FullName);
    }

    [Fact]
    public async Task TheRedisHealthCheckAnswersWhetherRedisDoes()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var up = await LiveInstance.StartAsync("up", redis.ConnectionString, HotelId);
        await using var down = await LiveInstance.StartAsync("down", $"127.0.0.1:{FreeTcpPort.Next()},abortConnect=false,connectTimeout=500", HotelId);

        var healthy = await new RedisHealthCheck(up.Get<IConnectionMultiplexer>()).CheckHealthAsync(new HealthCheckContext());
        var unhealthy = await new RedisHealthCheck(down.Get<IConnectionMultiplexer>()).CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Healthy, healthy.Status);
        Assert.Equal(HealthStatus.Unhealthy, unhealthy.Status);
    }

    private static HotelChange Change(string summary) => new(HotelId, ChangeTopic.Locks, Guid.NewGuid(), summary);
}
