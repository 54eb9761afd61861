using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Stayfull.Domain.Common;
using Stayfull.Domain.Data;
using Stayfull.Domain.Live;
using Stayfull.Domain.Rates;
using Stayfull.Domain.Tenancy;

namespace Stayfull.Domain.Sessions;

/// <summary>
/// Runs domain operations for the current staff member's hotel. Write operations are retried
/// when they lose an optimistic-concurrency race (each attempt re-reads and re-checks the rules,
/// so the loser gets the honest answer: sold out, already checked in, room taken).
/// </summary>
public sealed class HotelSessions(StayfullDb database, ICurrentStaff currentStaff, TimeProvider time, ILiveUpdatePublisher live)
{
    private const int MaxAttempts = 12;

    public TimeProvider Time => time;

    public async Task<HotelSession> OpenAsync(CancellationToken cancellationToken)
    {
        var staff = await currentStaff.GetAsync(cancellationToken);
        var db = database.ForHotel(staff.HotelId);
        try
        {
            var hotel = await db.Hotels.SingleOrDefaultAsync(h => h.Id == staff.HotelId, cancellationToken)
                ?? throw new NotFoundException("Hotel");
            return new HotelSession(db, staff, hotel, time.GetUtcNow());
        }
        catch
        {
            await db.DisposeAsync();
            throw;
        }
    }

    /// <summary>Reads without saving.</summary>
    public async Task<T> ReadAsync<T>(Func<HotelSession, Task<T>> read, CancellationToken cancellationToken)
    {
        await using var session = await OpenAsync(cancellationToken);
        session.Db.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.NoTracking;
        return await read(session);
    }

    /// <summary>Runs <paramref name="work"/>, saves, and announces its changes; retries on a lost concurrency race.</summary>
    public async Task<T> WriteAsync<T>(Func<HotelSession, Task<T>> work, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var session = await OpenAsync(cancellationToken);
            try
            {
                var result = await work(session);
                await Channels.Ari.AriChangeCapture.CaptureAsync(session, cancellationToken);
                await session.Db.SaveChangesAsync(cancellationToken);
                if (session.Db.Database.CurrentTransaction is { } transaction)
                {
                    // Opened by a lock taken during the work (see InventoryLock); saved changes are final only now.
                    await transaction.CommitAsync(cancellationToken);
                }
                foreach (var action in session.AfterSaveActions)
                {
                    action();
                }

                foreach (var change in session.Changes)
                {
                    await live.PublishAsync(change, cancellationToken);
                }

                return result;
            }
            catch (Exception ex) when (IsLostRace(ex))
            {
                if (attempt >= MaxAttempts)
                {
                    throw new ConcurrencyConflictException("Someone else changed this at the same moment. Please reload and try again.");
                }

                // Full jitter: spread the retries of many concurrent losers apart.
                var ceiling = Math.Min(200, 5 * (1 << Math.Min(attempt, 6)));
                // Real time, not the business clock: a test's frozen clock must not freeze retries.
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(1, ceiling)), cancellationToken);
            }
        }
    }

    public Task WriteAsync(Func<HotelSession, Task> work, CancellationToken cancellationToken) =>
        WriteAsync<bool>(async s => { await work(s); return true; }, cancellationToken);

    /// <summary>
    /// A concurrency token moved under us, or the embedded database was busy with another writer:
    /// both mean "re-read and try again", never "the input was wrong".
    /// </summary>
    internal static bool IsLostRace(Exception ex) => ex switch
    {
        DbUpdateConcurrencyException => true,
        DbUpdateException u when IsDuplicateNight(u) => true,
        DbUpdateException { InnerException: SqliteException s } => IsBusy(s),
        SqliteException s => IsBusy(s),
        DbUpdateException { InnerException: Npgsql.PostgresException p } => p.SqlState is "40001" or "40P01",
        Npgsql.PostgresException p => p.SqlState is "40001" or "40P01", // a read or a lock, outside a save
        _ => false,
    };

    /// <summary>
    /// Two first sales of a night both insert its counter row; the loser's insert hits the key.
    /// On the retry the row exists and the loser re-checks against the winner's count.
    /// </summary>
    private static bool IsDuplicateNight(DbUpdateException ex) =>
        ex.Entries.Any(e => e.Entity is RoomTypeDay && e.State == EntityState.Added) && ex.InnerException switch
        {
            SqliteException s => s.SqliteExtendedErrorCode is 1555 or 2067, // SQLITE_CONSTRAINT_PRIMARYKEY, SQLITE_CONSTRAINT_UNIQUE
            Microsoft.Data.SqlClient.SqlException s => s.Number is 2627 or 2601, // primary key, unique index
            Npgsql.PostgresException p => p.SqlState == "23505", // unique_violation
            _ => false,
        };

    private static bool IsBusy(SqliteException ex) => ex.SqliteErrorCode is 5 or 6; // SQLITE_BUSY, SQLITE_LOCKED
}
