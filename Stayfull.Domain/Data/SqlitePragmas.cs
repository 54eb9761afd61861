using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Stayfull.Domain.Data;

/// <summary>
/// Per-connection SQLite settings. busy_timeout lets SQLite itself wait for the writer lock with short
/// sleeps instead of failing at once into a coarse managed retry; synchronous=NORMAL is the durable
/// setting for WAL mode (a committed transaction survives a process crash) without an fsync per commit.
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA busy_timeout = 10000; PRAGMA synchronous = NORMAL;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
