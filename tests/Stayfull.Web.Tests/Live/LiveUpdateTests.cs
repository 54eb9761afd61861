using System.Collections.Concurrent;
using System.Security.Claims;
using Bunit;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Stayfull.Domain.Live;
using Stayfull.Web.Auth;
using Stayfull.Web.Live;
using Stayfull.Web.Tests.Integrations;

namespace Stayfull.Web.Tests.Live;

public sealed class LiveUpdateTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private readonly IntegrationsApp _app = new();
    private readonly BunitContext _screen = new();
    private TestAccount _a = default!;
    private TestAccount _b = default!;

    public async Task InitializeAsync()
    {
        _a = await _app.CreateHotelAsync("Hotel A");
        _b = await _app.CreateHotelAsync("Hotel B");
    }

    public async Task DisposeAsync()
    {
        await _screen.DisposeAsync();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task AChangePublishedInTheDomainReachesTheHotelsScreenAndHubClientAndNeverAnotherHotels()
    {
        await using var clientA = await ConnectAsync(await _app.SignInAsync(_a));
        await using var clientB = await ConnectAsync(await _app.SignInAsync(_b));
        var receivedA = Collect(clientA);
        var receivedB = Collect(clientB);
        // An invocation is handled only after the connection's own join: this also orders the test after it.
        await Assert.ThrowsAsync<HubException>(() => clientA.InvokeAsync("JoinHotel", _b.HotelId));
        await Assert.ThrowsAsync<HubException>(() => clientB.InvokeAsync("JoinHotel", _a.HotelId));

        _screen.Services.AddSingleton(_app.Services.GetRequiredService<HotelChangeNotifier>());
        var auth = _screen.AddAuthorization();
        auth.SetAuthorized(_a.Email);
        auth.SetClaims(new Claim(StaffClaims.HotelId, _a.HotelId.ToString()));
        var screen = _screen.Render<LiveProbe>();
        Assert.Equal(1, screen.Instance.Loads);

        var publisher = _app.Services.GetRequiredService<ILiveUpdatePublisher>();
        var forA = HotelChange.ReservationCreated(_a.HotelId, Guid.NewGuid(), "Booking K7Q2 for Ada Lovelace");
        await publisher.PublishAsync(forA);
        screen.WaitForAssertion(() => Assert.Equal("2", screen.Find("#loads").TextContent), Patience);
        await EventuallyAsync(() => !receivedA.IsEmpty);

        var forB = HotelChange.PaymentReceived(_b.HotelId, Guid.NewGuid(), "Payment of €120.00");
        await publisher.PublishAsync(forB);
        await EventuallyAsync(() => !receivedB.IsEmpty);

        Assert.Equal(forA, Assert.Single(receivedA));
        Assert.Equal(forB, Assert.Single(receivedB));
        Assert.Equal(2, screen.Instance.Loads);
    }

    [Fact]
    public async Task JoiningTheOwnHotelSucceedsAndAnotherHotelIsRefused()
    {
        await using var client = await ConnectAsync(await _app.SignInAsync(_a));

        await client.InvokeAsync("JoinHotel", _a.HotelId);
        var refused = await Assert.ThrowsAsync<HubException>(() => client.InvokeAsync("JoinHotel", _b.HotelId));
        await Assert.ThrowsAsync<HubException>(() => client.InvokeAsync("JoinHotel", Guid.NewGuid()));

        Assert.Contains("signed in to", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AClientWithoutSignInCannotConnect()
    {
        await using var anonymous = Build(cookie: null);

        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => anonymous.StartAsync());

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    private static ConcurrentQueue<HotelChange> Collect(HubConnection connection)
    {
        var received = new ConcurrentQueue<HotelChange>();
        connection.On<HotelChange>(nameof(ILiveClient.Changed), received.Enqueue);
        return received;
    }

    private async Task<HubConnection> ConnectAsync(string cookie)
    {
        var connection = Build(cookie);
        await connection.StartAsync();
        return connection;
    }

    private HubConnection Build(string? cookie) =>
        new HubConnectionBuilder()
            .WithUrl(new Uri(_app.Server.BaseAddress, LiveHub.Path), o =>
            {
                o.Transports = HttpTransportType.LongPolling;
                o.HttpMessageHandlerFactory = _ => _app.Server.CreateHandler();
                if (cookie is not null)
                {
                    o.Headers.Add("Cookie", cookie);
                }
            })
            .Build();

    private static async Task EventuallyAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The live update did not arrive in time.");
            await Task.Delay(20);
        }
    }
}
