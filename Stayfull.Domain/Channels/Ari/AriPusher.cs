using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Stayfull.Domain.Data;
using Stayfull.Domain.Live;
using Stayfull.Domain.Sessions;
using Stayfull.Domain.Tenancy;

namespace Stayfull.Domain.Channels.Ari;

/// <summary>What one pass over a hotel did: calls made, and when it may push again if something is left waiting.</summary>
public sealed record AriPushOutcome(int Calls, DateTimeOffset? NextAllowedAt);

/// <summary>
/// Pushes a hotel's pending changes as deltas: for each kind it reads the current values of every night any
/// pending change names, collapses consecutive nights with identical values into ranges, and sends one call
/// (availability and rates/restrictions apart). It keeps within the channel manager's budget per property,
/// counted from the stored call log so every web instance shares it; over budget or paused after a failure,
/// changes wait: nothing is dropped. Only the pending rows it read are removed, so changes saved meanwhile
/// are pushed next time.
/// </summary>
public sealed class AriPusher(StayfullDb database, IChannelManager channels, TimeProvider time, ILiveUpdatePublisher live, ILogger<AriPusher> logger)
{
    /// <summary>Channex allows 10 availability and 10 restriction calls per minute per property.</summary>
    public const int CallsPerMinute = 10;

    /// <summary>Well under Channex's 10 MB per message (a value is about 250 bytes as JSON).</summary>
    public const int MaxValuesPerCall = 20_000;

    public static readonly TimeSpan BudgetWindow = TimeSpan.FromMinutes(1);

    /// <summary>
    /// One call of a kind per 6 s at most: the budget is spread over the minute (as Channex advises), so a burst
    /// of edits (a bulk change, an approved pricing run) coalesces into the next call instead of spending the
    /// whole minute's budget on its first ten edits.
    /// </summary>
    public static readonly TimeSpan MinSpacing = BudgetWindow / CallsPerMinute;

    public async Task<AriPushOutcome> PushDueAsync(Guid hotelId, CancellationToken cancellationToken)
    {
        var calls = 0;
        DateTimeOffset? next = null;
        // Availability first: it is what prevents overbooking, and the channel manager gives it priority too.
        foreach (var kind in new[] { AriKind.Availability, AriKind.Restrictions })
        {
            var (called, waitUntil) = await PushKindAsync(hotelId, kind, cancellationToken);
            calls += called ? 1 : 0;
            if (waitUntil is { } until && (next is null || until < next))
            {
                next = until;
            }
        }

        return new AriPushOutcome(calls, next);
    }

    private async Task<(bool Called, DateTimeOffset? WaitUntil)> PushKindAsync(Guid hotelId, AriKind kind, CancellationToken cancellationToken)
    {
        await using var db = database.ForHotel(hotelId);
        var now = time.GetUtcNow();
        var state = await db.AriSyncStates.SingleOrDefaultAsync(cancellationToken);
        if (state is not null && !state.MayPush(kind, now))
        {
            return (false, state.PausedUntil(kind));
        }

        var pending = await db.AriPendingChanges.Where(c => c.Kind == kind).ToListAsync(cancellationToken);
        if (pending.Count == 0)
        {
            return (false, null);
        }

        var windowStart = now - BudgetWindow;
        var recent = await db.AriCalls.Where(c => c.Kind == kind && c.At > windowStart).Select(c => c.At).ToListAsync(cancellationToken);
        if (recent.Count >= CallsPerMinute)
        {
            // The call that must leave the window before another fits.
            return (false, recent.OrderByDescending(at => at).ElementAt(CallsPerMinute - 1) + BudgetWindow);
        }

        if (recent.Count > 0 && recent.Max() + MinSpacing > now)
        {
            return (false, recent.Max() + MinSpacing);
        }

        var hotel = await db.Hotels.SingleAsync(cancellationToken);
        var session = new HotelSession(db, StaffContext.System(hotelId), hotel, now);
        var batch = await AriBatch.ReadAsync(session, kind, pending, cancellationToken);
        db.AriPendingChanges.RemoveRange(pending);
        if (batch.ValueCount == 0)
        {
            // Nothing mapped or only past nights: there is nothing the channels could take.
            await db.SaveChangesAsync(cancellationToken);
            return (false, null);
        }

        state ??= db.AriSyncStates.Add(new AriSyncState(hotelId)).Entity;
        var call = db.AriCalls.Add(new AriCall(hotelId, kind, now, batch.ValueCount, batch.From, batch.To, batch.IsFullSync)).Entity;
        string summary;
        DateTimeOffset? waitUntil = null;
        try
        {
            var result = kind == AriKind.Availability
                ? await channels.PushAvailabilityAsync(hotelId, batch.Availability, cancellationToken)
                : await channels.PushRestrictionsAsync(hotelId, hotel.Currency, batch.Restrictions, cancellationToken);
            call.Completed(result);
            state.Succeeded(kind);
            if (batch.Overflow is { } overflow)
            {
                // Too many values for one message: the rest go in the next call.
                db.AriPendingChanges.Add(new AriPendingChange(hotelId, kind, null, overflow.From, overflow.To, now, batch.IsFullSync));
            }

            foreach (var warning in result.Warnings)
            {
                db.AriSyncErrors.Add(new AriSyncError(hotelId, AriSyncErrorSource.PushWarning, now, null, warning.Item, warning.Message));
            }

            summary = $"{Describe(kind)} pushed: {batch.ValueCount} values" + (result.Warnings.Count > 0 ? $", {result.Warnings.Count} refused" : "");
        }
        catch (ChannelManagerException ex) when (!ex.IsTransient)
        {
            KeepPending(db, pending);
            call.Failed(ex.Message);
            state.Park(kind, ex.Message);
            db.AriSyncErrors.Add(new AriSyncError(hotelId, AriSyncErrorSource.PushRefused, now, null, Describe(kind), $"The channel manager refused the push: {ex.Message}. Pushes of this kind wait until the problem is fixed and a full sync is asked for."));
            logger.LogWarning("ARI {Kind} push for hotel {HotelId} refused: {Problem}", kind, hotelId, ex.Message);
            summary = $"{Describe(kind)} push refused";
        }
#pragma warning disable CA1031 // 429, 5xx, timeouts and network failures all mean "pause and try again later"
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            KeepPending(db, pending);
            call.Failed(ex.Message);
            waitUntil = state.FailedTransiently(kind, (ex as ChannelManagerException)?.RetryAfter, now);
            logger.LogWarning("ARI {Kind} push for hotel {HotelId} failed, paused until {Until}: {Problem}", kind, hotelId, waitUntil, ex.Message);
            summary = $"{Describe(kind)} push paused until {waitUntil:HH:mm} UTC";
        }

        await db.SaveChangesAsync(cancellationToken);
        await live.PublishAsync(new HotelChange(hotelId, ChangeTopic.Channels, null, summary), cancellationToken);
        return (true, waitUntil);
    }

    /// <summary>A failed push sent nothing: its changes stay pending, exactly as they were.</summary>
    private static void KeepPending(StayfullDbContext db, List<AriPendingChange> pending)
    {
        foreach (var change in pending)
        {
            db.Entry(change).State = EntityState.Unchanged;
        }
    }

    internal static string Describe(AriKind kind) => kind == AriKind.Availability ? "Availability" : "Rates and restrictions";
}
