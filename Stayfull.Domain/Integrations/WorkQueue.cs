using Microsoft.EntityFrameworkCore;
using Stayfull.Domain.Data;
using Stayfull.Domain.Sessions;

namespace Stayfull.Domain.Integrations;

/// <summary>
/// Claims due work across hotels. A claim is a version-checked update of the row's lock, so with
/// several web instances each item is taken by exactly one; a crashed claimer's lock simply expires.
/// </summary>
internal static class WorkQueue
{
    public static readonly TimeSpan ClaimFor = TimeSpan.FromMinutes(2);

    public static async Task<IReadOnlyList<Guid>> ClaimDueAsync<T>(StayfullDb database, Func<StayfullDbContext, DbSet<T>> set, int batchSize, DateTimeOffset now, CancellationToken cancellationToken)
        where T : QueuedWork
    {
        await using var db = database.ForPlatform();
        var due = await set(db).IgnoreQueryFilters()
            .Where(w => w.Status == WorkStatus.Pending && w.NextAttemptAt <= now && (w.LockedUntil == null || w.LockedUntil < now))
            .OrderBy(w => w.NextAttemptAt)
            .Take(batchSize)
            .ToListAsync(cancellationToken);

        var claimed = new List<Guid>(due.Count);
        foreach (var item in due)
        {
            item.Claim(now + ClaimFor);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                claimed.Add(item.Id);
            }
            catch (Exception ex) when (HotelSessions.IsLostRace(ex))
            {
                // Another instance claimed it first.
                db.Entry(item).State = EntityState.Detached;
            }
        }

        return claimed;
    }
}
