using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Stayfull.Domain.Data;
using Stayfull.Domain.Hotels;
using Stayfull.Domain.Live;
using Stayfull.Domain.Reservations;
using Stayfull.Domain.Sessions;
using Stayfull.Domain.Tenancy;

namespace Stayfull.Web.Tests.Http.Harness;

/// <summary>
/// The whole web app in memory: real pipeline, real Identity cookie sign-in, real SQLite in a file
/// of its own. One per test; nothing is shared between instances.
/// </summary>
/// <param name="configureServices">Test-only replacements, applied after the app's own registrations.</param>
/// <param name="settings">Configuration values on top of the test defaults (e.g. <c>Stayfull:TrustForwardedHeaders</c>).</param>
public sealed class StayfullApplication(bool seedDemoData = false, string environment = "Development", Action<IServiceCollection>? configureServices = null, IReadOnlyDictionary<string, string?>? settings = null) : WebApplicationFactory<Program>
{
    public const string Password = "Str0ng!Pass";

    private static readonly Uri BaseUri = new("http://localhost/");

    private readonly string _file = Path.Combine(Path.GetTempPath(), "stayfull-web-tests", $"{Guid.NewGuid():N}.db");

    public string DatabaseFile => _file;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_file)!);
        builder.UseEnvironment(environment);
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("Database:ConnectionString", $"Data Source={_file}");
        builder.UseSetting("Database:MigrateOnStart", "true");
        builder.UseSetting("Database:SeedDemoData", seedDemoData ? "true" : "false");
        builder.UseSetting("Stayfull:Culture", "en-GB");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        builder.ConfigureTestServices(services =>
        {
            // Same algorithm, fewer rounds: dozens of sign-ins per run on a small machine.
            services.Configure<PasswordHasherOptions>(o => o.IterationCount = 1_000);
            configureServices?.Invoke(services);
        });
    }

    /// <summary>A new hotel (through sign-up's own onboarding) with one staff account per role.</summary>
    public async Task<TestTenant> CreateHotelAsync(string? name = null, int roomTypes = 2, int roomsPerType = 3)
    {
        var slug = Guid.NewGuid().ToString("N")[..8];
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var owner = await CreateUserAsync(users, $"owner-{slug}@hotel.test", "Olga Owner");

        var specs = Enumerable.Range(1, roomTypes)
            .Select(i => new RoomTypeSpec($"T{i}", $"Type {i}", 2, 10000 * i, $"{i}01-{i}{roomsPerType:00}"))
            .ToList();
        var hotel = await Services.GetRequiredService<HotelOnboarding>().CreateAsync(
            owner.Id,
            new OnboardingRequest(name ?? $"Hotel {slug}", "Europe/Lisbon", "EUR", new TimeOnly(15, 0), new TimeOnly(11, 0), Address.Empty, specs),
            CancellationToken.None);

        var emails = new Dictionary<StaffRole, string> { [StaffRole.Owner] = owner.Email! };
        var directory = As<StaffDirectory>(new StaffContext(hotel.Id, owner.Id, owner.UserName!, StaffRole.Owner));
        foreach (var role in new[] { StaffRole.Manager, StaffRole.FrontDesk, StaffRole.Housekeeping })
        {
            var user = await CreateUserAsync(users, $"{role.ToString().ToLowerInvariant()}-{slug}@hotel.test", role + " Tester");
            await directory.GrantAsync(user.Id, role, CancellationToken.None);
            emails[role] = user.Email!;
        }

        await using var db = Services.GetRequiredService<StayfullDb>().ForHotel(hotel.Id);
        return new TestTenant(
            hotel,
            emails,
            await db.RoomTypes.AsNoTracking().OrderBy(t => t.Code).ToListAsync(),
            await db.Rooms.AsNoTracking().OrderBy(r => r.Number).ToListAsync(),
            await db.RatePlans.AsNoTracking().OrderByDescending(p => p.IsDefault).ToListAsync());
    }

    /// <summary>A staff account that belongs to no hotel (yet).</summary>
    public async Task<StaffUser> CreateUserAsync(string email, string displayName = "New Person")
    {
        await using var scope = Services.CreateAsyncScope();
        return await CreateUserAsync(scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>(), email, displayName);
    }

    /// <summary>A domain service of the app acting as <paramref name="staff"/>, as a job or webhook would.</summary>
    public T As<T>(StaffContext staff)
        where T : class
    {
        var sessions = new HotelSessions(
            Services.GetRequiredService<StayfullDb>(),
            new FixedCurrentStaff(staff),
            Services.GetRequiredService<TimeProvider>(),
            Services.GetRequiredService<ILiveUpdatePublisher>());
        return ActivatorUtilities.CreateInstance<T>(Services, sessions);
    }

    public T As<T>(TestTenant tenant, StaffRole role = StaffRole.Owner)
        where T : class => As<T>(new StaffContext(tenant.HotelId, "test-" + role, role + " (test)", role));

    /// <summary>Books through the domain's booking service, as the hotel's owner.</summary>
    public Task<Reservation> BookAsync(TestTenant tenant, DateOnly arrival, int nights = 2, int roomTypeIndex = 0, Guid? roomId = null, string guest = "Grace Guest") =>
        As<BookingService>(tenant).BookAsync(
            new BookingRequest
            {
                RoomTypeId = tenant.RoomTypes[roomTypeIndex].Id,
                Arrival = arrival,
                Departure = arrival.AddDays(nights),
                GuestName = guest,
                RoomId = roomId,
            },
            CancellationToken.None);

    /// <summary>The hotel's calendar date now, by the app's clock.</summary>
    public DateOnly TodayOf(TestTenant tenant) => tenant.Hotel.LocalDate(Services.GetRequiredService<TimeProvider>().GetUtcNow());

    /// <summary>A context bound to one hotel, for arranging and asserting on stored rows.</summary>
    public StayfullDbContext Db(Guid hotelId) => Services.GetRequiredService<StayfullDb>().ForHotel(hotelId);

    /// <summary>
    /// Everything stored for a hotel, as text: two snapshots are equal only when no reservation, folio line,
    /// room, rate, guest, membership or audit line of that hotel was added, removed or changed in between.
    /// </summary>
    public async Task<string> SnapshotAsync(Guid hotelId)
    {
        await using var db = Db(hotelId);
        var hotel = await db.Hotels.AsNoTracking().SingleAsync(h => h.Id == hotelId);
        var parts = new object[]
        {
            new { hotel.Name, hotel.Version, hotel.Currency },
            await db.Memberships.AsNoTracking().OrderBy(x => x.Id).ToListAsync(),
            await db.RoomTypes.AsNoTracking().OrderBy(x => x.Id).ToListAsync(),
            await db.Rooms.AsNoTracking().OrderBy(x => x.Id).ToListAsync(),
            await db.RatePlans.AsNoTracking().OrderBy(x => x.Id).ToListAsync(),
            await db.RoomTypeDays.AsNoTracking().OrderBy(x => x.RoomTypeId).ThenBy(x => x.Date).ToListAsync(),
            await db.Guests.AsNoTracking().OrderBy(x => x.Id).ToListAsync(),
            await db.Reservations.AsNoTracking().OrderBy(x => x.Id).ToListAsync(),
            await db.FolioEntries.AsNoTracking().OrderBy(x => x.Id).ToListAsync(),
            await db.AuditEntries.AsNoTracking().OrderBy(x => x.Id).ToListAsync(),
        };
        return JsonSerializer.Serialize(parts);
    }

    /// <summary>A client that keeps cookies and never follows redirects, so each answer can be asserted.</summary>
    public StaffClient CreateAnonymousClient()
    {
        var cookies = new CookieContainer();
        var handler = new CookieContainerHandler(cookies) { InnerHandler = Server.CreateHandler() };
        return new StaffClient(handler, cookies) { BaseAddress = BaseUri };
    }

    /// <summary>Signs in through the real form post (antiforgery token and all); fails the test when sign-in is refused.</summary>
    public async Task<StaffClient> SignInAsync(string email, string password = Password)
    {
        var client = CreateAnonymousClient();
        using var response = await client.PostLoginAsync(email, password);
        var location = response.Headers.Location?.OriginalString ?? "";
        if (response.StatusCode != HttpStatusCode.Found || location.StartsWith("/account/login", StringComparison.Ordinal) || !client.HasAuthCookie)
        {
            client.Dispose();
            throw new InvalidOperationException($"Signing in as {email} failed: {(int)response.StatusCode} to '{location}'.");
        }

        return client;
    }

    public Task<StaffClient> SignInAsync(TestTenant tenant, StaffRole role) => SignInAsync(tenant.Emails[role]);

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            try
            {
                File.Delete(_file + suffix);
            }
            catch (IOException)
            {
                // Still held by a connection being torn down; the temp folder is cleaned by the OS.
            }
        }
    }

    private static async Task<StaffUser> CreateUserAsync(UserManager<StaffUser> users, string email, string displayName)
    {
        var user = new StaffUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName };
        var result = await users.CreateAsync(user, Password);
        return result.Succeeded
            ? user
            : throw new InvalidOperationException("Could not create a user: " + string.Join("; ", result.Errors.Select(e => e.Description)));
    }
}
