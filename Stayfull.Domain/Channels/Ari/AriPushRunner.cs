using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Stayfull.Domain.Data;
using Stayfull.Domain.Sessions;
using Stayfull.Domain.Tenancy;

namespace Stayfull.Domain.Channels.Ari;

/// <summary>
/// Finds the hotels with changes to push, claims each one (a version-checked lock on its sync state, so with
/// several web instances only one pushes a hotel at a time) and pushes it as the system.
/// </summary>
public sealed class AriPushRunner(StayfullDb database, IServiceScopeFactory scopes, TimeProvider time, ILogger<AriPushRunner> logger)
{
    /// <summary>Long enough for two calls; a crashed pusher's claim lapses after it.</summary>
    public static readonly TimeSpan ClaimFor = TimeSpan.FromMinutes(2);

    /// <returns>How many calls were made.</returns>
    public async Task<int> PushDueAsync(CancellationToken cancellationToken)
    {
        List<Guid> hotels;
        await using (var platform = database.ForPlatform())
        {
            hotels = await platform.AriPendingChanges.IgnoreQueryFilters().Select(c => c.HotelId).Distinct().ToListAsync(cancellationToken);
        }

        var calls = 0;
        foreach (var hotelId in hotels)
        {
            if (!await TryClaimAsync(hotelId, cancellationToken))
            {
                continue;
            }

            try
            {
                await using var scope = scopes.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<BackgroundStaffScope>().Context = StaffContext.System(hotelId);
                calls += (await scope.ServiceProvider.GetRequiredService<AriPusher>().PushDueAsync(hotelId, cancellationToken)).Calls;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // One hotel's trouble (its database rows, an unexpected value) must not hold up the others.
                logger.LogError(ex, "ARI push failed for hotel {HotelId}", hotelId);
            }
            finally
            {
                await ReleaseAsync(hotelId, CancellationToken.None);
            }
        }

        return calls;
    }

    private async Task<bool> TryClaimAsync(Guid hotelId, CancellationToken cancellationToken)
    {
        await using var db = database.ForHotel(hotelId);
        var now = time.GetUtcNow();
        var state = await db.AriSyncStates.SingleOrDefaultAsync(cancellationToken);
        if (state is null)
        {
            state = db.AriSyncStates.Add(new AriSyncState(hotelId)).Entity;
        }
        else if (state.IsLocked(now) || (!state.MayPush(AriKind.Availability, now) && !state.MayPush(AriKind.Restrictions, now)))
        {
            return false;
        }

        state.Lock(now + ClaimFor);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (Exception ex) when (ex is DbUpdateException || HotelSessions.IsLostRace(ex))
        {
            // Another instance claimed it (or created its state row) first.
            return false;
        }
    }

    private async Task ReleaseAsync(Guid hotelId, CancellationToken cancellationToken)
    {
        await using var db = database.ForHotel(hotelId);
        if (await db.AriSyncStates.SingleOrDefaultAsync(cancellationToken) is { } state)
        {
            state.Unlock();
            await db.SaveChangesAsync(cancellationToken);
        }
    }
}
