using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Stayfull.Domain;
using Stayfull.Domain.Data;
using Stayfull.Domain.Integrations;
using Stayfull.Domain.Live;
using Stayfull.Domain.Messaging;
using Stayfull.Domain.Reservations;
using Stayfull.Domain.Tenancy;
using Stayfull.Tests.Support;
using WireMock.Server;

namespace Stayfull.Integrations.Tests.Messaging;

/// <summary>
/// A test hotel wired as in production (domain + <c>AddStayfullIntegrations</c>) over the same SQLite file,
/// with SendGrid and Twilio pointed at a local WireMock server.
/// </summary>
public sealed class MessagingHarness : IAsyncDisposable
{
    public const string PublicBaseUrl = "https://pms.example.test";

    private MessagingHarness(TestHotel hotel, ServiceProvider services, WireMockServer server)
    {
        Hotel = hotel;
        Services = services;
        Server = server;
    }

    public TestHotel Hotel { get; }

    public ServiceProvider Services { get; }

    public WireMockServer Server { get; }

    public Guid HotelId => Hotel.HotelId;

    public static async Task<MessagingHarness> CreateAsync(TimeSpan? timeout = null)
    {
        var hotel = await TestHotel.CreateAsync();
        var server = WireMockServer.Start();
        var database = hotel.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        var wait = (timeout ?? TimeSpan.FromSeconds(10)).ToString("c", System.Globalization.CultureInfo.InvariantCulture);
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Database:Provider"] = database.Provider.ToString(),
                ["Database:ConnectionString"] = database.ConnectionString,
                ["SendGrid:Host"] = server.Url,
                ["SendGrid:Timeout"] = wait,
                ["Twilio:ApiBaseUrl"] = server.Url,
                ["Twilio:PublicBaseUrl"] = PublicBaseUrl,
                ["Twilio:Timeout"] = wait,
                // Several messages go out within one frozen second here; the budget itself is tested in the domain.
                ["Integrations:RateLimits:PerSecond:Twilio"] = "100",
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
        return new MessagingHarness(hotel, services, server);
    }

    public T Get<T>()
        where T : notnull => Services.CreateScope().ServiceProvider.GetRequiredService<T>();

    public IWebhookVerifier Verifier(IntegrationVendor vendor) => Services.GetServices<IWebhookVerifier>().Single(v => v.Vendor == vendor);

    public IWebhookApplier Applier(IntegrationVendor vendor) => Services.CreateScope().ServiceProvider.GetServices<IWebhookApplier>().Single(a => a.Vendor == vendor);

    public async Task ConnectAsync(IntegrationVendor vendor, Dictionary<string, string> credentials)
    {
        Hotel.ActAs(StaffRole.Owner);
        await Get<IntegrationSettingsService>().ConnectAsync(vendor, credentials, CancellationToken.None);
    }

    /// <summary>Books a stay; a guest with an email gets the booking confirmation queued with it.</summary>
    public Task<Reservation> BookAsync(string guestName = "Ada Lovelace", string? email = null, string? phone = null) =>
        Get<BookingService>().BookAsync(
            new BookingRequest { RoomTypeId = Hotel.RoomTypes[0].Id, Arrival = Hotel.Today.AddDays(3), Departure = Hotel.Today.AddDays(5), GuestName = guestName, GuestEmail = email, GuestPhone = phone },
            CancellationToken.None);

    public Task<int> RunOutboxAsync() => Services.GetRequiredService<OutboxProcessor>().ProcessDueAsync(20, CancellationToken.None);

    public Task<int> RunInboxAsync() => Services.GetRequiredService<InboxProcessor>().ProcessDueAsync(20, CancellationToken.None);

    public async Task<GuestMessage> MessageAsync(Guid id)
    {
        await using var db = Hotel.Db();
        return await db.GuestMessages.Include(m => m.StatusChanges).SingleAsync(m => m.Id == id);
    }

    public async Task<GuestMessage> OnlyMessageAsync(Guid reservationId)
    {
        await using var db = Hotel.Db();
        return await db.GuestMessages.Include(m => m.StatusChanges).SingleAsync(m => m.ReservationId == reservationId);
    }

    public async Task<OutboxMessage> OutboxAsync(Guid messageId)
    {
        await using var db = Hotel.Db();
        var all = await db.OutboxMessages.ToListAsync();
        return all.Single(m => m.Payload.Contains(messageId.ToString(), StringComparison.OrdinalIgnoreCase));
    }

    public async Task<List<IntegrationLogEntry>> LogAsync()
    {
        await using var db = Hotel.Db();
        return await db.IntegrationLog.ToListAsync();
    }

    public async ValueTask DisposeAsync()
    {
        Server.Stop();
        Server.Dispose();
        await Services.DisposeAsync();
        await Hotel.DisposeAsync();
    }
}

/// <summary>Stands in for Data Protection: reversible, and never the plain text.</summary>
public sealed class ReversibleTestProtector : ICredentialProtector
{
    public string Protect(string plaintext) => "sealed:" + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(plaintext));

    public string Unprotect(string protectedText) => System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(protectedText["sealed:".Length..]));
}
