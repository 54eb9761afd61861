using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Stayfull.Domain.Live;
using Stayfull.Domain.Tenancy;
using Stayfull.Web.Live;
using Stayfull.Web.Tests.Http.Harness;

namespace Stayfull.Web.Tests.Http;

/// <summary>The hotel hub, as a non-Blazor console uses it: connect with the sign-in cookie, receive "Changed".</summary>
public sealed class LiveUpdateTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task ABookingThroughTheApiReachesTheHotelsHubClientsButNotAnotherHotels()
    {
        await using var app = new StayfullApplication();
        var a = await app.CreateHotelAsync();
        var b = await app.CreateHotelAsync();
        using var aDesk = await app.SignInAsync(a, StaffRole.FrontDesk);
        using var bDesk = await app.SignInAsync(b, StaffRole.FrontDesk);
        using var aManager = await app.SignInAsync(a, StaffRole.Manager);
        using var bManager = await app.SignInAsync(b, StaffRole.Manager);
        await using var aListener = await Listener.ConnectAsync(app, aDesk);
        await using var bListener = await Listener.ConnectAsync(app, bDesk);

        using var aBooking = await aManager.PostAsJsonAsync(new Uri("/api/reservations", UriKind.Relative), ReservationApiTests.Booking(a, app.TodayOf(a).AddDays(3), "Live Guest"));
        await HttpAssert.StatusAsync(aBooking, HttpStatusCode.Created);
        var aChange = await aListener.NextAsync();

        // B books next; B's own change arriving proves B's connection was live all along.
        using var bBooking = await bManager.PostAsJsonAsync(new Uri("/api/reservations", UriKind.Relative), ReservationApiTests.Booking(b, app.TodayOf(b).AddDays(3), "Other Guest"));
        await HttpAssert.StatusAsync(bBooking, HttpStatusCode.Created);
        var bChange = await bListener.NextAsync();

        Assert.Equal(a.HotelId, aChange.HotelId);
        Assert.Equal(ChangeTopic.Reservations, aChange.Topic);
        Assert.Contains("Live Guest", aChange.Summary, StringComparison.Ordinal);
        Assert.Equal(b.HotelId, bChange.HotelId);
        Assert.All(bListener.Received, change => Assert.Equal(b.HotelId, change.HotelId));
        Assert.All(aListener.Received, change => Assert.Equal(a.HotelId, change.HotelId));
    }

    [Fact]
    public async Task AConnectionWithoutASignInIsRefused()
    {
        await using var app = new StayfullApplication();
        using var anonymous = app.CreateAnonymousClient();

        var refused = await Assert.ThrowsAsync<HttpRequestException>(async () => await Listener.ConnectAsync(app, anonymous));

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    /// <summary>A hub connection over long polling through the in-memory server, carrying a client's cookies.</summary>
    private sealed class Listener : IAsyncDisposable
    {
        private readonly HubConnection _connection;
        private readonly ConcurrentQueue<HotelChange> _received = new();
        private readonly Channel<HotelChange> _pending = Channel.CreateUnbounded<HotelChange>();

        private Listener(HubConnection connection)
        {
            _connection = connection;
            _connection.On<HotelChange>(nameof(ILiveClient.Changed), change =>
            {
                _received.Enqueue(change);
                _pending.Writer.TryWrite(change);
            });
        }

        public IReadOnlyCollection<HotelChange> Received => [.. _received];

        public static async Task<Listener> ConnectAsync(StayfullApplication app, StaffClient client)
        {
            var connection = new HubConnectionBuilder()
                .WithUrl(new Uri(client.BaseAddress!, LiveHub.Path), o =>
                {
                    o.Transports = HttpTransportType.LongPolling;
                    o.HttpMessageHandlerFactory = _ => app.Server.CreateHandler();
                    if (client.CookieHeader is { Length: > 0 } cookies)
                    {
                        o.Headers["Cookie"] = cookies;
                    }
                })
                .Build();
            var listener = new Listener(connection);
            try
            {
                await connection.StartAsync();
            }
            catch
            {
                await listener.DisposeAsync();
                throw;
            }

            return listener;
        }

        /// <summary>Waits for the next change this connection has not yet handed out.</summary>
        public async Task<HotelChange> NextAsync()
        {
            using var timeout = new CancellationTokenSource(Patience);
            try
            {
                return await _pending.Reader.ReadAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"No live update arrived within {Patience.TotalSeconds} s.");
            }
        }

        public async ValueTask DisposeAsync()
        {
            await _connection.DisposeAsync();
        }
    }
}
