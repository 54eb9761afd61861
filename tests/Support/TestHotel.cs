using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using Stayfull.Domain;
using Stayfull.Domain.Data;
using Stayfull.Domain.Hotels;
using Stayfull.Domain.Live;
using Stayfull.Domain.Rates;
using Stayfull.Domain.Rooms;
using Stayfull.Domain.Tenancy;

namespace Stayfull.Tests.Support;

/// <summary>
/// A real hotel in a real SQLite file (or, through <see cref="CreateAsync(TestDatabase, int, int, DateTimeOffset?, Action{IServiceCollection}?)"/>,
/// in any database the app runs on), with the domain services wired as in production,
/// a controllable clock and a switchable staff member. One per test; nothing is shared.
/// </summary>
public sealed class TestHotel : IAsyncDisposable
{
    public static readonly DateTimeOffset DefaultNow = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    private readonly TestDatabase _database;

    private TestHotel(ServiceProvider services, TestDatabase database, FakeTimeProvider time, TestStaff staff, Hotel hotel, IReadOnlyList<RoomType> roomTypes, IReadOnlyList<Room> rooms, IReadOnlyList<RatePlan> ratePlans, string ownerUserId)
    {
        Services = services;
        _database = database;
        Time = time;
        Staff = staff;
        Hotel = hotel;
        RoomTypes = roomTypes;
        Rooms = rooms;
        RatePlans = ratePlans;
        OwnerUserId = ownerUserId;
    }

    public ServiceProvider Services { get; }

    public FakeTimeProvider Time { get; }

    public TestStaff Staff { get; }

    public Hotel Hotel { get; }

    public Guid HotelId => Hotel.Id;

    public IReadOnlyList<RoomType> RoomTypes { get; }

    public IReadOnlyList<Room> Rooms { get; }

    public IReadOnlyList<RatePlan> RatePlans { get; }

    public string OwnerUserId { get; }

    public RecordingPublisher Published => Services.GetRequiredService<RecordingPublisher>();

    /// <summary>The hotel's calendar date now.</summary>
    public DateOnly Today => Hotel.LocalDate(Time.GetUtcNow());

    /// <summary>A domain service resolved in a fresh scope, acting as <see cref="Staff"/>.</summary>
    public T Get<T>()
        where T : notnull => Services.CreateScope().ServiceProvider.GetRequiredService<T>();

    /// <summary>Acts as a member of this hotel with <paramref name="role"/> from now on.</summary>
    public TestHotel ActAs(StaffRole role)
    {
        Staff.Current = new StaffContext(HotelId, "user-" + role, role + " tester", role);
        return this;
    }

    /// <summary>A context bound to this hotel, for arranging and asserting on stored rows.</summary>
    public StayfullDbContext Db() => Services.GetRequiredService<StayfullDb>().ForHotel(HotelId);

    /// <summary>The SQLite file, so a test can open it again with a fresh set of services.</summary>
    public string DatabaseFile => _database.SqliteFile ?? throw new InvalidOperationException($"This hotel is on {_database.Provider}, not in a SQLite file.");

    /// <summary>The database this hotel lives in.</summary>
    public TestDatabase Database => _database;

    /// <param name="roomsPerType">Rooms of each type; numbers are 101, 102… for the first type, 201… for the second.</param>
    /// <param name="configure">Adds or replaces services after the domain's (adapters, fakes of ports).</param>
    public static Task<TestHotel> CreateAsync(int roomTypes = 2, int roomsPerType = 3, DateTimeOffset? now = null, string? databaseFile = null, Action<IServiceCollection>? configure = null) =>
        CreateAsync(TestDatabase.InSqliteFile(databaseFile ?? Path.Combine(Path.GetTempPath(), "stayfull-tests", $"{Guid.NewGuid():N}.db")), roomTypes, roomsPerType, now, configure);

    /// <summary>A hotel in <paramref name="database"/> (a SQLite file, or a PostgreSQL database from <c>PostgresDatabases</c>).</summary>
    /// <param name="roomsPerType">Rooms of each type; numbers are 101, 102… for the first type, 201… for the second.</param>
    /// <param name="configure">Adds or replaces services after the domain's (adapters, fakes of ports).</param>
    public static async Task<TestHotel> CreateAsync(TestDatabase database, int roomTypes = 2, int roomsPerType = 3, DateTimeOffset? now = null, Action<IServiceCollection>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(database);
        if (database.SqliteFile is { } file)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        }

        var time = new FakeTimeProvider(now ?? DefaultNow);
        var staff = new TestStaff();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Database:Provider"] = database.Provider.ToString(),
                ["Database:ConnectionString"] = database.ConnectionString,
            })
            .Build();
        var collection = new ServiceCollection()
            .AddSingleton<TimeProvider>(time)
            .AddStayfullDomain(configuration)
            .AddSingleton(staff)
            .AddSingleton<ICurrentStaff>(staff)
            .AddSingleton<RecordingPublisher>()
            .AddSingleton<ILiveUpdatePublisher>(sp => sp.GetRequiredService<RecordingPublisher>());
        configure?.Invoke(collection);
        var services = collection.BuildServiceProvider();

        await services.GetRequiredService<DatabaseInitializer>().MigrateAsync(CancellationToken.None);
        var ownerId = "owner-" + Guid.NewGuid().ToString("N");
        await using (var platform = services.GetRequiredService<StayfullDb>().ForPlatform())
        {
            platform.Users.Add(new StaffUser { Id = ownerId, UserName = ownerId + "@test", Email = ownerId + "@test", DisplayName = "Test Owner" });
            await platform.SaveChangesAsync();
        }

        var specs = Enumerable.Range(1, roomTypes)
            .Select(i => new RoomTypeSpec($"T{i}", $"Type {i}", 2 + (i % 3), 10000 * i, roomsPerType == 0 ? "" : $"{i}01-{i}{roomsPerType:00}"))
            .ToList();
        var hotel = await services.GetRequiredService<HotelOnboarding>().CreateAsync(
            ownerId,
            new OnboardingRequest("Test Hotel " + Guid.NewGuid().ToString("N")[..6], "Europe/Lisbon", "EUR", new TimeOnly(15, 0), new TimeOnly(11, 0), Address.Empty, specs),
            CancellationToken.None);

        await using var db = services.GetRequiredService<StayfullDb>().ForHotel(hotel.Id);
        var types = await db.RoomTypes.AsNoTracking().OrderBy(t => t.Code).ToListAsync();
        var rooms = await db.Rooms.AsNoTracking().OrderBy(r => r.Number).ToListAsync();
        var plans = await db.RatePlans.AsNoTracking().OrderByDescending(p => p.IsDefault).ToListAsync();
        var result = new TestHotel(services, database, time, staff, hotel, types, rooms, plans, ownerId);
        result.ActAs(StaffRole.Owner);
        return result;
    }

    /// <summary>A second hotel in the same database, for tenant-isolation tests.</summary>
    public Task<TestHotel> CreateNeighbourAsync(int roomTypes = 1, int roomsPerType = 2) =>
        CreateAsync(_database, roomTypes, roomsPerType, Time.GetUtcNow());

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await _database.ReleaseAsync();
    }
}

/// <summary>
/// Where a <see cref="TestHotel"/> keeps its data: a SQLite file of its own, or a PostgreSQL database.
/// In this file because the benchmarks link this file alone.
/// </summary>
public sealed class TestDatabase
{
    private TestDatabase(DatabaseProvider provider, string connectionString, string? sqliteFile)
    {
        Provider = provider;
        ConnectionString = connectionString;
        SqliteFile = sqliteFile;
    }

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    /// <summary>The file of a SQLite database; null for a server database.</summary>
    public string? SqliteFile { get; }

    public static TestDatabase InSqliteFile(string file) => new(DatabaseProvider.Sqlite, $"Data Source={file}", file);

    /// <summary>An existing (empty or migrated) PostgreSQL database; see <c>PostgresDatabases</c>.</summary>
    public static TestDatabase Postgres(string connectionString) => new(DatabaseProvider.Postgres, connectionString, null);

    public override string ToString() => Provider.ToString();

    /// <summary>Lets go of the connections a disposed hotel pooled, and deletes a SQLite file.</summary>
    internal ValueTask ReleaseAsync()
    {
        if (SqliteFile is null)
        {
            // The database stays until its server goes: a neighbour hotel may still use it.
            using var connection = new NpgsqlConnection(ConnectionString);
            NpgsqlConnection.ClearPool(connection);
            return ValueTask.CompletedTask;
        }

        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            try
            {
                File.Delete(SqliteFile + suffix);
            }
            catch (IOException)
            {
                // A neighbour hotel may still hold the shared file; the temp folder is cleaned by the OS.
            }
        }

        return ValueTask.CompletedTask;
    }
}

/// <summary>The acting staff member, switchable by the test.</summary>
public sealed class TestStaff : ICurrentStaff
{
    public StaffContext? Current { get; set; }

    public ValueTask<StaffContext> GetAsync(CancellationToken cancellationToken = default) =>
        Current is { } staff ? ValueTask.FromResult(staff) : throw new Stayfull.Domain.Common.ForbiddenException("Nobody is signed in.");
}

/// <summary>Collects live updates so tests can assert that a change was announced.</summary>
public sealed class RecordingPublisher : ILiveUpdatePublisher
{
    private readonly List<HotelChange> _changes = [];

    public IReadOnlyList<HotelChange> Changes
    {
        get
        {
            lock (_changes)
            {
                return [.. _changes];
            }
        }
    }

    public ValueTask PublishAsync(HotelChange change, CancellationToken cancellationToken = default)
    {
        lock (_changes)
        {
            _changes.Add(change);
        }

        return ValueTask.CompletedTask;
    }
}
