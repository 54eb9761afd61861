using Microsoft.Data.Sqlite;
using Stayfull.Tests.Support.Servers;

namespace Stayfull.Bench;

/// <summary>
/// The database a runner's app uses: a fresh SQLite file (WAL) in the temp folder, or a throwaway PostgreSQL 15
/// on a free 127.0.0.1 port (the test harness's server: its own data folder, run as the postgres user when root,
/// stopped by its process id at the end).
/// </summary>
public sealed class BenchDatabase : IAsyncDisposable
{
    private readonly string? _sqliteFile;
    private readonly PostgresServer? _postgres;

    private BenchDatabase(string provider, string connectionString, string description, string? sqliteFile, PostgresServer? postgres)
    {
        Provider = provider;
        ConnectionString = connectionString;
        Description = description;
        _sqliteFile = sqliteFile;
        _postgres = postgres;
    }

    /// <summary>The <c>Database:Provider</c> setting.</summary>
    public string Provider { get; }

    public string ConnectionString { get; }

    public string Description { get; }

    /// <summary>Reads <c>--database sqlite|postgres</c> (SQLite when absent).</summary>
    public static string KindFrom(string[] args)
    {
        var at = Array.IndexOf(args, "--database");
        return at >= 0 && at + 1 < args.Length ? args[at + 1].ToLowerInvariant() : "sqlite";
    }

    public static async Task<BenchDatabase> CreateAsync(string kind)
    {
        switch (kind)
        {
            case "sqlite":
                var file = Path.Combine(Path.GetTempPath(), $"stayfull-bench-{Guid.NewGuid():N}.db");
                return new BenchDatabase("Sqlite", $"Data Source={file}", $"SQLite file {file} (WAL)", file, null);
            case "postgres" or "postgresql":
                var server = await PostgresServer.StartAsync();
                try
                {
                    var connectionString = await server.CreateDatabaseAsync();
                    return new BenchDatabase("Postgres", connectionString, $"PostgreSQL on 127.0.0.1:{server.Port} (throwaway; fsync and synchronous_commit off)", null, server);
                }
                catch
                {
                    await server.DisposeAsync();
                    throw;
                }

            default:
                throw new ArgumentException($"Unknown --database '{kind}': sqlite or postgres.", nameof(kind));
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }

        if (_sqliteFile is not null)
        {
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(_sqliteFile + suffix);
            }
        }
    }
}
