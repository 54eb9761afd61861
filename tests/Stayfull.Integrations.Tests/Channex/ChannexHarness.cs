using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Stayfull.Domain;
using Stayfull.Domain.Channels;
using Stayfull.Domain.Data;
using Stayfull.Domain.Integrations;
using Stayfull.Domain.Live;
using Stayfull.Domain.Tenancy;
using Stayfull.Integrations.Channex;
using Stayfull.Integrations.Tests.Messaging;
using Stayfull.Tests.Support;
using WireMock.Logging;
using WireMock.Server;

namespace Stayfull.Integrations.Tests.Channex;

/// <summary>
/// A test hotel wired as in production (domain + <c>AddStayfullIntegrations</c>) with Channex pointed at a local
/// WireMock server under <c>/api/v1/</c>, and the simulated property seeded so its story is the same every run.
/// </summary>
public sealed class ChannexHarness : IAsyncDisposable
{
    public const string PropertyId = "716305c4-561a-4561-a187-7f5b8aeb5920";

    /// <summary>Not shaped like any known key, so redaction cannot hide a leak: the adapter itself must never write it.</summary>
    public static readonly string ApiKey = "test-key-" + Guid.NewGuid().ToString("N");

    public static readonly string WebhookSecret = "test-secret-" + Guid.NewGuid().ToString("N");

    private ChannexHarness(TestHotel hotel, ServiceProvider services, WireMockServer server)
    {
        Hotel = hotel;
        Services = services;
        Server = server;
    }

    public TestHotel Hotel { get; }

    public ServiceProvider Services { get; }

    public WireMockServer Server { get; }

    public Guid HotelId => Hotel.HotelId;

    public IChannelManager Channels => Services.GetRequiredService<IChannelManager>();

    public DemoChannelManager Demo => Services.GetRequiredService<DemoChannelManager>();

    public DemoChannexActivity Activity => Services.GetRequiredService<DemoChannexActivity>();

    public IWebhookVerifier Verifier => Services.GetServices<IWebhookVerifier>().Single(v => v.Vendor == IntegrationVendor.Channex);

    public static async Task<ChannexHarness> CreateAsync(TimeSpan? timeout = null, int pageSize = 100, int roomTypes = 2)
    {
        var hotel = await TestHotel.CreateAsync(roomTypes);
        var server = WireMockServer.Start();
        var database = hotel.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Database:Provider"] = database.Provider.ToString(),
                ["Database:ConnectionString"] = database.ConnectionString,
                ["Integrations:Channex:BaseUrl"] = server.Url + "/api/v1/",
                ["Integrations:Channex:Timeout"] = (timeout ?? TimeSpan.FromSeconds(10)).ToString("c", CultureInfo.InvariantCulture),
                ["Integrations:Channex:PageSize"] = pageSize.ToString(CultureInfo.InvariantCulture),
                ["Integrations:Channex:Demo:Seed"] = "4242",
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
            .BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        return new ChannexHarness(hotel, services, server);
    }

    public async Task ConnectAsync(string propertyId = PropertyId, string? webhookSecret = null)
    {
        Hotel.ActAs(StaffRole.Owner);
        using var scope = Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<IntegrationSettingsService>().ConnectAsync(
            IntegrationVendor.Channex,
            new Dictionary<string, string> { ["ApiKey"] = ApiKey, ["PropertyId"] = propertyId, ["WebhookSecret"] = webhookSecret ?? WebhookSecret },
            CancellationToken.None);
    }

    /// <summary>Maps each of the hotel's room types (and its default plan) to the simulated property, as a demo hotel is.</summary>
    public async Task MapToDemoAsync()
    {
        await using var db = Hotel.Db();
        foreach (var type in Hotel.RoomTypes)
        {
            db.ChannelRoomTypeMappings.Add(new ChannelRoomTypeMapping(HotelId, type.Id, DemoChannelManager.RoomTypeIdOf(type.Code), type.Name));
            var plan = Hotel.RatePlans[0];
            db.ChannelRatePlanMappings.Add(new ChannelRatePlanMapping(HotelId, type.Id, plan.Id, DemoChannelManager.RatePlanIdOf(type.Code, plan.Code), plan.Name));
        }

        await db.SaveChangesAsync();
    }

    public async Task<List<IntegrationLogEntry>> LogAsync()
    {
        await using var db = Hotel.Db();
        return await db.IntegrationLog.Where(e => e.Vendor == IntegrationVendor.Channex).ToListAsync();
    }

    public async Task<List<InboxEvent>> InboxAsync()
    {
        await using var db = Hotel.Db();
        return await db.InboxEvents.Where(e => e.Vendor == IntegrationVendor.Channex).OrderBy(e => e.ReceivedAt).ThenBy(e => e.Id).ToListAsync();
    }

    /// <summary>Requests the fake received, in order.</summary>
    public List<ILogEntry> Requests() => Server.LogEntries.OrderBy(e => e.RequestMessage.DateTime).ToList();

    public static JsonElement Body(ILogEntry entry)
    {
        using var document = JsonDocument.Parse(entry.RequestMessage.Body!);
        return document.RootElement.Clone();
    }

    public async ValueTask DisposeAsync()
    {
        Server.Stop();
        Server.Dispose();
        await Services.DisposeAsync();
        await Hotel.DisposeAsync();
    }
}
