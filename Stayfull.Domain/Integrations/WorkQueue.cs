using Microsoft.EntityFrameworkCore;
using Stayfull.Domain.Data;
using Stayfull.Domain.Sessions;

namespace Stayfull.Domain.Integrations;

/// <summary>
/// Claims due work across hotels. A claim is a version-checked update of the row's lock, so with
/// several web instances each item is taken by exactly one; a crashed claimer's lock simply expires.
/// A batch is worked through one item after another, so each item's claim is confirmed and extended
/// (<see cref="ConfirmAsync"/>) just before its work starts: slow vendors early in a batch can outlast the
/// claim on the items behind them, and another instance may have taken those over meanwhile.
/// </summary>
internal static class WorkQueue
{
    /// <summary>An item this instance claimed, with the version its claim left on the row.</summary>
    public readonly record struct Claimed(Guid Id, int Version);

    public static async Task<IReadOnlyList<Claimed>> ClaimDueAsync<T>(StayfullDb database, Func<StayfullDbContext, DbSet<T>> set, int batchSize, DateTimeOffset now, TimeSpan claimFor, CancellationToken cancellationToken)
        where T : QueuedWork
    {
        await using var db = database.ForPlatform();
        var due = await set(db).IgnoreQueryFilters()
            .Where(w => w.Status == WorkStatus.Pending && w.NextAttemptAt <= now && (w.LockedUntil == null || w.LockedUntil < now))
            .OrderBy(w => w.NextAttemptAt)
            .Take(batchSize)
            .ToListAsync(cancellationToken);

        var claimed = new List<Claimed>(due.Count);
        foreach (var item in due)
        {
            item.Claim(now + claimFor);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                claimed.Add(new Claimed(item.Id, item.Version));
            }
            catch (Exception ex) when (HotelSessions.IsLostRace(ex))
            {
                // Another instance claimed it first.
                db.Entry(item).State = EntityState.Detached;
            }
        }

        return claimed;
    }

    /// <summary>
    /// True when <paramref name="item"/> (just loaded) is still pending under this instance's claim, which is then
    /// extended for the work about to start; false when another instance took it over or finished it.
    /// </summary>
    public static async Task<bool> ConfirmAsync(StayfullDbContext db, QueuedWork item, Claimed claim, DateTimeOffset now, TimeSpan claimFor, CancellationToken cancellationToken)
    {
        if (item.Status != WorkStatus.Pending || item.Version != claim.Version)
        {
            return false;
        }

        item.Claim(now + claimFor);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (Exception ex) when (HotelSessions.IsLostRace(ex))
        {
            return false;
        }
    }
}
