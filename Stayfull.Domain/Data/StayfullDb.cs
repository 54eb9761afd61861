using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Stayfull.Domain.Data;

/// <summary>
/// Opens one short-lived context per operation (a Blazor circuit outlives any request),
/// bound to one hotel. Domain services never hold a context across calls.
/// </summary>
public sealed class StayfullDb(IOptions<DatabaseOptions> options)
{
    private readonly DbContextOptions _options = BuildOptions(options.Value);
    private readonly DatabaseProvider _provider = options.Value.Provider;

    public DatabaseProvider Provider => _provider;

    /// <summary>A context that sees and may change only <paramref name="hotelId"/>'s rows.</summary>
    public StayfullDbContext ForHotel(Guid hotelId)
    {
        if (hotelId == Guid.Empty)
        {
            throw new ArgumentException("A hotel context needs a hotel.", nameof(hotelId));
        }

        var context = Create();
        context.TenantId = hotelId;
        return context;
    }

    /// <summary>A context that sees no tenant rows unless a query opts out of the filter: sign-in, sign-up, seeding.</summary>
    public StayfullDbContext ForPlatform() => Create();

    private StayfullDbContext Create() => _provider switch
    {
        DatabaseProvider.Sqlite => new SqliteStayfullDbContext((DbContextOptions<SqliteStayfullDbContext>)_options),
        DatabaseProvider.SqlServer => new SqlServerStayfullDbContext((DbContextOptions<SqlServerStayfullDbContext>)_options),
        DatabaseProvider.Postgres => new PostgresStayfullDbContext((DbContextOptions<PostgresStayfullDbContext>)_options),
        _ => throw new InvalidOperationException($"Unknown database provider {_provider}."),
    };

    public static DbContextOptions BuildOptions(DatabaseOptions options) => options.Provider switch
    {
        DatabaseProvider.Sqlite => new DbContextOptionsBuilder<SqliteStayfullDbContext>()
            .UseSqlite(options.ConnectionString, o => o.CommandTimeout(60)).AddInterceptors(new SqlitePragmas()).Options,
        DatabaseProvider.SqlServer => new DbContextOptionsBuilder<SqlServerStayfullDbContext>()
            .UseSqlServer(options.ConnectionString, o => o.EnableRetryOnFailure()).Options,
        DatabaseProvider.Postgres => new DbContextOptionsBuilder<PostgresStayfullDbContext>()
            .UseNpgsql(options.ConnectionString).Options,
        _ => throw new InvalidOperationException($"Unknown database provider {options.Provider}."),
    };
}
