using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Stayfull.Domain;
using Stayfull.Domain.Data;
using Stayfull.Domain.Integrations;
using Stayfull.Domain.Live;
using Stayfull.Domain.Tenancy;
using Stayfull.Integrations.Seam;
using Stayfull.Integrations.Tests.Messaging;
using Stayfull.Tests.Support;

namespace Stayfull.Integrations.Tests.Seam;

/// <summary>
/// A test hotel wired as in production (domain + <c>AddStayfullIntegrations</c>) in Seam demo mode, with the
/// demo workspace's liveliness set by the test (all chances off unless asked) and its webhook feed.
/// </summary>
public sealed class DemoWorkspaceHarness : IAsyncDisposable
{
    private DemoWorkspaceHarness(TestHotel hotel, ServiceProvider services, SeamDemoOptions options)
    {
        Hotel = hotel;
        Services = services;
        Options = options;
    }

    public TestHotel Hotel { get; }

    public ServiceProvider Services { get; }

    /// <summary>The workspace's settings; a test may change a chance between ticks.</summary>
    public SeamDemoOptions Options { get; }

    public Guid HotelId => Hotel.HotelId;

    public DemoSmartRoomHub Hub => Services.GetRequiredService<DemoSmartRoomHub>();

    public DemoSeamWebhookFeed Feed => Services.GetRequiredService<DemoSeamWebhookFeed>();

    public static async Task<DemoWorkspaceHarness> CreateAsync(Action<SeamDemoOptions>? configure = null, int roomTypes = 2, int roomsPerType = 3)
    {
        var hotel = await TestHotel.CreateAsync(roomTypes, roomsPerType);
        var options = new SeamDemoOptions { Seed = 4242, GuestActivityChance = 0, BatteryDrainChance = 0, DisconnectChance = 0, ThermostatStepsPerTick = 0 };
        configure?.Invoke(options);
        var database = hotel.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Database:Provider"] = database.Provider.ToString(),
                ["Database:ConnectionString"] = database.ConnectionString,
            })
            .Build();
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<TimeProvider>(hotel.Time)
            .AddStayfullDomain(configuration)
            .AddSingleton<ICurrentStaff>(hotel.Staff)
            .AddSingleton<ILiveUpdatePublisher>(hotel.Published)
            .AddSingleton<ICredentialProtector, ReversibleTestProtector>()
            .AddStayfullIntegrations(configuration)
            .AddSingleton<IOptions<SeamDemoOptions>>(Microsoft.Extensions.Options.Options.Create(options))
            .AddSingleton<DemoSeamWebhookFeed>()
            .BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        return new DemoWorkspaceHarness(hotel, services, options);
    }

    /// <summary>A domain service acting as the hotel's current test staff member.</summary>
    public T Get<T>()
        where T : notnull => Services.CreateScope().ServiceProvider.GetRequiredService<T>();

    /// <summary>Ticks the workspace and takes its new events, as a feed that stored them would.</summary>
    public async Task<IReadOnlyList<DemoSeamEvent>> TickAsync()
    {
        var events = await Hub.TickAsync(HotelId, CancellationToken.None);
        await Hub.DeliveredAsync(HotelId, [.. events.Select(e => e.Id)]);
        return events;
    }

    /// <summary>Lets the outbox call the hub and the inbox apply what is stored, until both are idle.</summary>
    public async Task ProcessAsync()
    {
        var outbox = Services.GetRequiredService<OutboxProcessor>();
        var inbox = Services.GetRequiredService<InboxProcessor>();
        while (await outbox.ProcessDueAsync(50, CancellationToken.None) + await inbox.ProcessDueAsync(50, CancellationToken.None) > 0)
        {
        }
    }

    public async Task<List<InboxEvent>> InboxAsync()
    {
        await using var db = Hotel.Db();
        return await db.InboxEvents.Where(e => e.Vendor == IntegrationVendor.Seam).OrderBy(e => e.Id).ToListAsync();
    }

    public static JsonElement Body(DemoSeamEvent seamEvent) => JsonDocument.Parse(seamEvent.Payload).RootElement;

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await Hotel.DisposeAsync();
    }
}
