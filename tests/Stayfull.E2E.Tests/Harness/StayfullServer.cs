using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Stayfull.Domain.Data;
using Stayfull.Domain.Demo;
using Stayfull.Domain.Reservations;

namespace Stayfull.E2E.Tests.Harness;

/// <summary>
/// The real app on Kestrel at http://127.0.0.1:{free port}, with its own SQLite file in a temp folder,
/// migrated and seeded with the demo hotel at start (Program's own start-up), en-GB culture, and a
/// clock the test can move forward. One per test; nothing is shared.
/// </summary>
public sealed class StayfullServer : WebApplicationFactory<Program>
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "stayfull-e2e", Guid.NewGuid().ToString("N"));

    private readonly IReadOnlyDictionary<string, string?> _settings;

    private StayfullServer(IReadOnlyDictionary<string, string?>? settings)
    {
        _settings = settings ?? new Dictionary<string, string?>();
    }

    public Uri BaseAddress { get; private set; } = null!;

    public TravelClock Clock { get; } = new();

    /// <param name="settings">Extra configuration, e.g. <c>Integrations:Stripe:ApiBase</c> pointed at a local fake.</param>
    public static StayfullServer Start(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var server = new StayfullServer(settings);
        server.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        server.StartServer();
        var addresses = server.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
        server.BaseAddress = new Uri(addresses.Single().TrimEnd('/') + "/");
        return server;
    }

    /// <summary>The demo hotel's calendar date by the app's clock.</summary>
    /// <remarks>Reads around the tenant filter, as an assertion would; the browser does everything else.</remarks>
    public async Task<DateOnly> HotelTodayAsync()
    {
        await using var db = Services.GetRequiredService<StayfullDb>().ForPlatform();
        var hotel = await db.Hotels.IgnoreQueryFilters().AsNoTracking().SingleAsync(h => h.Name == DemoHotel.Name);
        return hotel.LocalDate(Clock.GetUtcNow());
    }

    public async Task<Guid> DemoHotelIdAsync()
    {
        await using var db = Services.GetRequiredService<StayfullDb>().ForPlatform();
        return await db.Hotels.IgnoreQueryFilters().AsNoTracking().Where(h => h.Name == DemoHotel.Name).Select(h => h.Id).SingleAsync();
    }

    /// <summary>The confirmation code of the one reservation booked for <paramref name="guestName"/>.</summary>
    public async Task<string> ConfirmationCodeOfAsync(string guestName)
    {
        await using var db = Services.GetRequiredService<StayfullDb>().ForPlatform();
        var guestIds = db.Guests.IgnoreQueryFilters().Where(g => g.FullName == guestName).Select(g => g.Id);
        return await db.Reservations.IgnoreQueryFilters().AsNoTracking().Where(r => guestIds.Contains(r.GuestId)).Select(r => r.ConfirmationCode).SingleAsync();
    }

    public async Task<ReservationStatus> StatusOfAsync(string confirmationCode)
    {
        await using var db = Services.GetRequiredService<StayfullDb>().ForPlatform();
        return await db.Reservations.IgnoreQueryFilters().AsNoTracking().Where(r => r.ConfirmationCode == confirmationCode).Select(r => r.Status).SingleAsync();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(_folder);

        // Development: the static web assets manifest maps _framework/blazor.web.js and _content/MudBlazor/*
        // to the SDK and package folders, as under `dotnet run`; the content root is the Web project's folder.
        builder.UseEnvironment("Development");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("Database:ConnectionString", $"Data Source={Path.Combine(_folder, "stayfull.db")}");
        builder.UseSetting("Database:MigrateOnStart", "true");
        builder.UseSetting("Database:SeedDemoData", "true");
        builder.UseSetting("Stayfull:Culture", "en-GB");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A connection still closing holds the file; the temp folder is the OS's to clean.
        }
    }
}
