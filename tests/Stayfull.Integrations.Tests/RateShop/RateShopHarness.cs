using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Stayfull.Domain;
using Stayfull.Domain.Data;
using Stayfull.Domain.Integrations;
using Stayfull.Domain.Live;
using Stayfull.Domain.Pricing;
using Stayfull.Domain.Tenancy;
using Stayfull.Integrations.Tests.Messaging;
using Stayfull.Tests.Support;
using WireMock.Server;

namespace Stayfull.Integrations.Tests.RateShop;

/// <summary>A test hotel wired as in production with its rate provider pointed at a local WireMock server.</summary>
public sealed class RateShopHarness : IAsyncDisposable
{
    /// <summary>Not shaped like any known key, so redaction cannot hide a leak: the adapter itself must never write it.</summary>
    public static readonly string ApiKey = "rate-key-" + Guid.NewGuid().ToString("N");

    private RateShopHarness(TestHotel hotel, ServiceProvider services, WireMockServer server)
    {
        Hotel = hotel;
        Services = services;
        Server = server;
    }

    public TestHotel Hotel { get; }

    public ServiceProvider Services { get; }

    public WireMockServer Server { get; }

    public Guid HotelId => Hotel.HotelId;

    public IRateShopper Shopper => Services.GetRequiredService<IRateShopper>();

    public static async Task<RateShopHarness> CreateAsync(int chunkDays = 31, int hotelsPerRequest = 10, int pageSize = 500, TimeSpan? timeout = null)
    {
        var hotel = await TestHotel.CreateAsync();
        var server = WireMockServer.Start();
        var database = hotel.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Database:Provider"] = database.Provider.ToString(),
                ["Database:ConnectionString"] = database.ConnectionString,
                ["Database:SeedDemoData"] = "false",
                ["Integrations:RateShop:ChunkDays"] = chunkDays.ToString(CultureInfo.InvariantCulture),
                ["Integrations:RateShop:HotelsPerRequest"] = hotelsPerRequest.ToString(CultureInfo.InvariantCulture),
                ["Integrations:RateShop:PageSize"] = pageSize.ToString(CultureInfo.InvariantCulture),
                ["Integrations:RateShop:RetryDelay"] = "00:00:00.010",
                ["Integrations:RateShop:Timeout"] = (timeout ?? TimeSpan.FromSeconds(10)).ToString("c", CultureInfo.InvariantCulture),
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
        return new RateShopHarness(hotel, services, server);
    }

    public async Task ConnectAsync(string? baseUrl = null)
    {
        Hotel.ActAs(StaffRole.Owner);
        using var scope = Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<IntegrationSettingsService>().ConnectAsync(
            IntegrationVendor.RateShop,
            new Dictionary<string, string> { ["ApiKey"] = ApiKey, ["BaseUrl"] = baseUrl ?? Server.Url! + "/" },
            CancellationToken.None);
    }

    public T Get<T>()
        where T : notnull => Services.CreateScope().ServiceProvider.GetRequiredService<T>();

    public async Task<List<IntegrationLogEntry>> LogAsync()
    {
        await using var db = Hotel.Db();
        return await db.IntegrationLog.Where(e => e.Vendor == IntegrationVendor.RateShop).OrderBy(e => e.At).ToListAsync();
    }

    public async ValueTask DisposeAsync()
    {
        Server.Stop();
        Server.Dispose();
        await Services.DisposeAsync();
        await Hotel.DisposeAsync();
    }
}
