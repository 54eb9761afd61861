using Microsoft.EntityFrameworkCore;
using Stayfull.Domain.Common;
using Stayfull.Domain.Live;
using Stayfull.Domain.Sessions;
using Stayfull.Domain.Tenancy;

namespace Stayfull.Domain.Channels.Ari;

/// <summary>The channel sync panel: its state, dismissing sync errors, and a manager's "Full sync now".</summary>
public sealed class AriSyncService(HotelSessions sessions)
{
    private const int RecentCallCount = 20;
    private const int OpenErrorCount = 200;

    public Task<AriSyncView> GetAsync(CancellationToken cancellationToken) =>
        sessions.ReadAsync(async s =>
        {
            var connected = await s.Db.ChannelRoomTypeMappings.AnyAsync(cancellationToken);
            var state = await s.Db.AriSyncStates.SingleOrDefaultAsync(cancellationToken);
            var pending = await s.Db.AriPendingChanges.GroupBy(c => c.Kind).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
            var recent = (await s.Db.AriCalls.OrderByDescending(c => c.At).Take(RecentCallCount).ToListAsync(cancellationToken)).Select(View).ToList();
            var errors = await s.Db.AriSyncErrors.Where(e => e.DismissedAt == null)
                .OrderByDescending(e => e.At).Take(OpenErrorCount)
                .Select(e => new AriSyncErrorView(e.Id, e.At, e.Source, e.Channel, e.Item, e.Message))
                .ToListAsync(cancellationToken);

            async Task<AriKindView> KindAsync(AriKind kind)
            {
                var last = recent.FirstOrDefault(c => c.Kind == kind)
                    ?? (await s.Db.AriCalls.Where(c => c.Kind == kind).OrderByDescending(c => c.At).Take(1).ToListAsync(cancellationToken)).Select(View).FirstOrDefault();
                var paused = state?.PausedUntil(kind) is { } until && until > s.Now ? until : (DateTimeOffset?)null;
                return new AriKindView(kind, last, pending.FirstOrDefault(p => p.Key == kind)?.Count ?? 0, paused, state?.Parked(kind));
            }

            return new AriSyncView(connected, await KindAsync(AriKind.Availability), await KindAsync(AriKind.Restrictions), errors, recent);
        }, cancellationToken);

    /// <summary>Hides a sync error; dismissing a refused push lets pushes of that kind try again.</summary>
    public Task DismissErrorAsync(Guid errorId, CancellationToken cancellationToken) =>
        sessions.WriteAsync(async s =>
        {
            s.Staff.Require(StaffRole.Manager, "dismiss channel sync errors");
            var error = await s.Db.AriSyncErrors.SingleOrDefaultAsync(e => e.Id == errorId, cancellationToken) ?? throw new NotFoundException("Sync error");
            error.Dismiss(s.Staff.UserName, s.Now);
            if (error.Source == AriSyncErrorSource.PushRefused && await s.Db.AriSyncStates.SingleOrDefaultAsync(cancellationToken) is { } state)
            {
                state.Resume();
                s.AfterSave(AriSignals.Pending.Raise);
            }

            s.Audit(nameof(AriSyncError), error.Id, "SyncErrorDismissed", new { error.Channel, error.Item });
            s.Announce(ChangeTopic.Channels, error.Id, "Sync error dismissed", ChangeKind.Removed);
        }, cancellationToken);

    /// <summary>Queues a full sync (500 nights, one call of each kind) and lets paused or parked pushes resume.</summary>
    public Task FullSyncNowAsync(CancellationToken cancellationToken) =>
        sessions.WriteAsync(async s =>
        {
            s.Staff.Require(StaffRole.Manager, "start a full channel sync");
            if (!await s.Db.ChannelRoomTypeMappings.AnyAsync(cancellationToken))
            {
                throw ValidationException.For("channels", "Map at least one room type to the channel manager before syncing.");
            }

            var state = await s.Db.AriSyncStates.SingleOrDefaultAsync(cancellationToken) ?? s.Db.AriSyncStates.Add(new AriSyncState(s.HotelId)).Entity;
            state.Resume();
            AriFullSync.Queue(s.Db, s.HotelId, s.Today, s.Now);
            s.Audit(nameof(AriSyncState), s.HotelId, "FullSyncRequested", new { Nights = AriWindow.FullSyncDays });
            s.Announce(ChangeTopic.Channels, null, "Full sync queued");
            s.AfterSave(AriSignals.Pending.Raise);
        }, cancellationToken);

    private static AriCallView View(AriCall c) =>
        new(c.Id, c.Kind, c.At, c.Succeeded, c.IsDemo, c.IsFullSync, c.ValueCount, c.From, c.To, c.WarningCount, c.TaskIds, c.Problem);
}
