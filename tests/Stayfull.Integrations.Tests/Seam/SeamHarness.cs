using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Stayfull.Domain;
using Stayfull.Domain.Data;
using Stayfull.Domain.Integrations;
using Stayfull.Domain.Live;
using Stayfull.Domain.SmartRooms;
using Stayfull.Domain.Tenancy;
using Stayfull.Integrations.Tests.Messaging;
using Stayfull.Tests.Support;
using WireMock.Server;

namespace Stayfull.Integrations.Tests.Seam;

/// <summary>A test hotel wired as in production (domain + <c>AddStayfullIntegrations</c>) with Seam pointed at a local WireMock server.</summary>
public sealed class SeamHarness : IAsyncDisposable
{
    /// <summary>Not shaped like a Seam key, so redaction cannot hide a leak: the adapter itself must never write it.</summary>
    public static readonly string ApiKey = "test-key-" + Guid.NewGuid().ToString("N");

    private SeamHarness(TestHotel hotel, ServiceProvider services, WireMockServer server)
    {
        Hotel = hotel;
        Services = services;
        Server = server;
    }

    public TestHotel Hotel { get; }

    public ServiceProvider Services { get; }

    public WireMockServer Server { get; }

    public Guid HotelId => Hotel.HotelId;

    public ISmartRoomHub Hub => Services.GetRequiredService<ISmartRoomHub>();

    public static async Task<SeamHarness> CreateAsync(TimeSpan? timeout = null, int pageSize = 100)
    {
        var hotel = await TestHotel.CreateAsync();
        var server = WireMockServer.Start();
        var database = hotel.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Database:Provider"] = database.Provider.ToString(),
                ["Database:ConnectionString"] = database.ConnectionString,
                ["Integrations:Seam:BaseUrl"] = server.Url,
                ["Integrations:Seam:Timeout"] = (timeout ?? TimeSpan.FromSeconds(10)).ToString("c", System.Globalization.CultureInfo.InvariantCulture),
                ["Integrations:Seam:PageSize"] = pageSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
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
        return new SeamHarness(hotel, services, server);
    }

    public async Task ConnectAsync(string? webhookSecret = null, string workspaceId = "")
    {
        webhookSecret ??= "whsec_" + Convert.ToBase64String(Guid.NewGuid().ToByteArray());
        Hotel.ActAs(StaffRole.Owner);
        using var scope = Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<IntegrationSettingsService>().ConnectAsync(
            IntegrationVendor.Seam,
            new Dictionary<string, string> { ["ApiKey"] = ApiKey, ["WebhookSecret"] = webhookSecret, ["WorkspaceId"] = workspaceId },
            CancellationToken.None);
    }

    public IWebhookVerifier Verifier => Services.GetServices<IWebhookVerifier>().Single(v => v.Vendor == IntegrationVendor.Seam);

    public async Task<List<IntegrationLogEntry>> LogAsync()
    {
        await using var db = Hotel.Db();
        return await db.IntegrationLog.Where(e => e.Vendor == IntegrationVendor.Seam).ToListAsync();
    }

    public async ValueTask DisposeAsync()
    {
        Server.Stop();
        Server.Dispose();
        await Services.DisposeAsync();
        await Hotel.DisposeAsync();
    }
}
