using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Stayfull.Domain.Data;
using Stayfull.Domain.Integrations;
using Stayfull.Domain.Live;
using Stayfull.Domain.Reservations;
using Stayfull.Domain.Sessions;
using Stayfull.Domain.Tenancy;

namespace Stayfull.Domain.SmartRooms;

/// <summary>What one hotel's reconciliation repaired.</summary>
public sealed record KeyRepairs(int Locks, int Reissued, int StraysRemoved, int MadeReady, int LocksUnreachable)
{
    public bool Any => Reissued + StraysRemoved + MadeReady > 0;
}

/// <summary>
/// Compares the codes on each mapped lock with the keys we hold, so missed webhooks and lost replies heal by
/// themselves: a key we think is on the lock but the hub lacks is issued again, a code named by us that no live
/// key owns is removed, a code the hub says is set while we still think "setting" makes the key ready (and sent).
/// Codes not named by us (staff's own, other systems') are never touched.
/// </summary>
public sealed partial class KeyReconciliation(StayfullDb database, IServiceScopeFactory scopes, ISmartRoomHub hub, TimeProvider time, ILogger<KeyReconciliation> logger)
{
    /// <summary>Every hotel with a mapped lock.</summary>
    public async Task<IReadOnlyDictionary<Guid, KeyRepairs>> RunAsync(CancellationToken cancellationToken)
    {
        List<Guid> hotels;
        await using (var platform = database.ForPlatform())
        {
            hotels = await platform.RoomDevices.IgnoreQueryFilters()
                .Where(d => d.RoomId != null && d.Kind == RoomDeviceKind.Lock)
                .Select(d => d.HotelId).Distinct().ToListAsync(cancellationToken);
        }

        var results = new Dictionary<Guid, KeyRepairs>();
        foreach (var hotelId in hotels)
        {
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<BackgroundStaffScope>().Context = StaffContext.System(hotelId);
            results[hotelId] = await ReconcileAsync(scope.ServiceProvider.GetRequiredService<HotelSessions>(), hotelId, cancellationToken);
        }

        return results;
    }

    /// <summary>One hotel: reads every mapped lock's codes from the hub, then repairs in one save.</summary>
    public async Task<KeyRepairs> ReconcileAsync(HotelSessions sessions, Guid hotelId, CancellationToken cancellationToken)
    {
        var locks = await sessions.ReadAsync(s => s.Db.RoomDevices.AsNoTracking().Where(d => d.RoomId != null && d.Kind == RoomDeviceKind.Lock).ToListAsync(cancellationToken), cancellationToken);
        var codes = new Dictionary<Guid, IReadOnlyList<AccessCode>>();
        var unreachable = 0;
        foreach (var device in locks)
        {
            try
            {
                codes[device.Id] = await hub.ListAccessCodesAsync(hotelId, device.SeamDeviceId, cancellationToken);
            }
            catch (SmartRoomHubException ex)
            {
                // Without the lock's list nothing can be compared: next round.
                logger.LogWarning("Key reconciliation skipped {Device}: {Error}", device.DisplayName, ex.Message);
                unreachable++;
            }
        }

        var round = time.GetUtcNow().ToString("yyyyMMddHH", CultureInfo.InvariantCulture);
        return await sessions.WriteAsync(async s =>
        {
            int reissued = 0, removed = 0, ready = 0;
            var since = s.Now.AddDays(-30);
            var keys = await s.Db.AccessKeys.Where(k => k.EndsAt > since).ToListAsync(cancellationToken);
            var stays = await s.Db.Reservations.Where(r => keys.Select(k => k.ReservationId).Contains(r.Id)).ToDictionaryAsync(r => r.Id, cancellationToken);
            var rooms = await s.Db.Rooms.AsNoTracking().ToDictionaryAsync(r => r.Id, r => r.Number, cancellationToken);
            foreach (var device in locks.Where(d => codes.ContainsKey(d.Id)))
            {
                var onLock = codes[device.Id];
                var live = keys.Where(k => k.RoomDeviceId == device.Id && !k.IsRevoked).ToList();
                foreach (var key in live)
                {
                    var stay = stays[key.ReservationId];
                    var code = key.SeamAccessCodeId is { } id ? onLock.FirstOrDefault(c => c.Id == id) : null;
                    if (code is null && key.Status is AccessKeyStatus.Setting or AccessKeyStatus.Ready && key.EndsAt > s.Now)
                    {
                        if (stay.Status is ReservationStatus.Confirmed or ReservationStatus.CheckedIn && stay.RoomId == key.RoomId)
                        {
                            var (startsAt, endsAt) = KeyFlows.Window(s, stay);
                            await KeyOutcomes.ReissueAsync(s, key, device.Id, startsAt, endsAt, cancellationToken);
                            reissued++;
                        }
                    }
                    else if (code is { Status: AccessCodeStatus.Set } && key.Status == AccessKeyStatus.Setting)
                    {
                        await KeyOutcomes.SetOnDeviceAsync(s, key, code.Code, cancellationToken);
                        ready++;
                    }
                }

                foreach (var code in onLock.Where(c => IsStayCodeName(c.Name) && c.Status != AccessCodeStatus.Removing))
                {
                    var owner = keys.FirstOrDefault(k => k.Owns(code.Id));
                    if (owner is { IsRevoked: false } || ClaimedByNewKey(code, live, stays, rooms))
                    {
                        continue;
                    }

                    var intent = owner is null ? new DeleteAccessCodeIntent(Guid.Empty, code.Id, device.SeamDeviceId) : new DeleteAccessCodeIntent(owner.Id, code.Id);
                    await Outbox.EnqueueAsync(s, IntegrationVendor.Seam, SmartRoomOperations.DeleteAccessCode, intent, SmartRoomOperations.RemoveStray(code.Id, round), cancellationToken);
                    removed++;
                }
            }

            var repairs = new KeyRepairs(locks.Count, reissued, removed, ready, unreachable);
            if (repairs.Any || unreachable > 0)
            {
                s.Audit("KeyReconciliation", hotelId, "Reconciled", repairs);
                s.Announce(ChangeTopic.Locks, null, $"Door codes reconciled: {reissued} issued again, {removed} stray removed, {ready} made ready");
            }

            return repairs;
        }, cancellationToken);
    }

    /// <summary>Whether a code carries the name we give stay codes (<see cref="SmartRoomDispatcher.CodeName"/>).</summary>
    public static bool IsStayCodeName(string? name) => name is not null && StayCodeName().IsMatch(name);

    /// <summary>A key still being created whose reply was lost: its create adopts the code by name, so it is not stray.</summary>
    private static bool ClaimedByNewKey(AccessCode code, List<AccessKey> live, Dictionary<Guid, Reservation> stays, Dictionary<Guid, string> rooms) =>
        live.Any(k => k.SeamAccessCodeId is null && SmartRoomDispatcher.CodeName(stays[k.ReservationId].ConfirmationCode, rooms[k.RoomId]) == code.Name);

    [GeneratedRegex(@"^Stayfull [A-Z0-9]{6,12} room \S+$")]
    private static partial Regex StayCodeName();
}
