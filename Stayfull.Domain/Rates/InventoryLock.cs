using Microsoft.EntityFrameworkCore;
using Stayfull.Domain.Sessions;

namespace Stayfull.Domain.Rates;

/// <summary>
/// Makes the sessions that take or give back rooms of a type wait for one another instead of racing. With only
/// the counters' version tokens, every concurrent sale of the same night but one loses and starts again; a sale
/// that is never refused (an OTA booking) can then lose more often than any retry budget allows when a channel
/// and the desk sell the same nights at once. Under the lock the counters are read as the last writer left
/// them, so the version tokens stay a safety net rather than the mechanism.
/// SQLite: the session's transaction begins IMMEDIATE, taking the database's single write lock now.
/// PostgreSQL: the room type's row is locked (FOR UPDATE), which covers nights whose counter row does not exist yet.
/// Held until the session saves (or is dropped, which rolls back). SQL Server keeps the optimistic race.
/// </summary>
internal static class InventoryLock
{
    public static async Task TakeAsync(HotelSession s, Guid roomTypeId, CancellationToken cancellationToken)
    {
        var database = s.Db.Database;
        var sqlite = database.IsSqlite();
        var postgres = database.IsNpgsql();
        if (!sqlite && !postgres)
        {
            return;
        }

        if (database.CurrentTransaction is null)
        {
            await database.BeginTransactionAsync(cancellationToken);
        }

        if (postgres)
        {
            await database.ExecuteSqlInterpolatedAsync($"""SELECT 1 FROM "RoomTypes" WHERE "Id" = {roomTypeId} FOR UPDATE""", cancellationToken);
        }
    }
}
