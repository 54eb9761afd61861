using Microsoft.Data.Sqlite;
using Npgsql;
using Stayfull.Domain.Data;

namespace Stayfull.Tests.Support;

/// <summary>Where a <see cref="TestHotel"/> keeps its data: a SQLite file of its own, or a PostgreSQL database.</summary>
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

    /// <summary>An existing (empty or migrated) PostgreSQL database; see <see cref="PostgresDatabases"/>.</summary>
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
