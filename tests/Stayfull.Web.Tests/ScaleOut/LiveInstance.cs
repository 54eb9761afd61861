using System.Collections.Concurrent;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Stayfull.Domain.Live;
using Stayfull.Web.Live;
using Stayfull.Web.Startup;

namespace Stayfull.Web.Tests.ScaleOut;

/// <summary>
/// The live-update part of one web instance, wired as the app wires it with <c>Redis:ConnectionString</c> set
/// (in-memory SignalR hub, the Redis live channel, the shared publisher), with one open screen of one hotel.
/// </summary>
internal sealed class LiveInstance : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly IDisposable _screen;
    private readonly ConcurrentQueue<HotelChange> _seen = new();

    private LiveInstance(ServiceProvider services, Guid hotelId, RecordedLogs logs)
    {
        _services = services;
        Logs = logs;
        _screen = Notifier.Subscribe(hotelId, change =>
        {
            _seen.Enqueue(change);
            return Task.CompletedTask;
        });
    }

    public HotelChangeNotifier Notifier => _services.GetRequiredService<HotelChangeNotifier>();

    public ILiveUpdatePublisher Publisher => _services.GetRequiredService<ILiveUpdatePublisher>();

    public T Get<T>()
        where T : notnull => _services.GetRequiredService<T>();

    /// <summary>What this instance's open screen was told, in order.</summary>
    public IReadOnlyList<HotelChange> Seen => [.. _seen];

    public RecordedLogs Logs { get; }

    public static async Task<LiveInstance> StartAsync(string name, string redisConnectionString, Guid hotelId)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [RedisSetup.ConnectionStringKey] = redisConnectionString })
            .Build();
        var logs = new RecordedLogs();
        var services = new ServiceCollection()
            .AddLogging(l => l.AddProvider(logs))
            .AddSingleton(new InstanceIdentity(name));
        services.AddSignalR();
        services.AddStayfullRedis(configuration);
        services.AddStayfullLiveUpdates(configuration);
        var instance = new LiveInstance(services.BuildServiceProvider(), hotelId, logs);
        await instance.Get<RedisLiveChangeChannel>().StartAsync(CancellationToken.None);
        return instance;
    }

    /// <summary>Waits until the screen has seen <paramref name="change"/> (a fence: everything sent before it was handled first).</summary>
    public async Task WaitToSeeAsync(HotelChange change)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!_seen.Contains(change))
        {
            await Task.Delay(20, limit.Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _screen.Dispose();
        await Get<RedisLiveChangeChannel>().StopAsync(CancellationToken.None);
        await _services.DisposeAsync();
    }
}

/// <summary>The log lines an instance wrote, to see that a failure was reported.</summary>
internal sealed class RecordedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<(LogLevel Level, string Category, string Message)> _lines = new();

    public IReadOnlyList<(LogLevel Level, string Category, string Message)> Lines => [.. _lines];

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(RecordedLogs owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner._lines.Enqueue((logLevel, category, formatter(state, exception)));
    }
}
