using Microsoft.EntityFrameworkCore;
using Stayfull.Domain.Integrations;
using Stayfull.Domain.Live;
using Stayfull.Domain.Sessions;

namespace Stayfull.Domain.SmartRooms;

/// <summary>
/// Sends a key's window to its code after the stay's dates changed. The window is read when dispatched, so
/// an intent that runs late sends the latest dates; a key whose code is not created yet waits for it (the
/// create reads the new window itself when it has not run yet).
/// </summary>
public sealed class UpdateAccessCodeOperation(ISmartRoomHub hub, HotelSessions sessions) : ISmartRoomOperation
{
    public string Operation => SmartRoomOperations.UpdateAccessCode;

    public async Task<DispatchResult> RunAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var intent = message.ReadPayload<UpdateAccessCodeIntent>();
        var key = await sessions.ReadAsync(s => s.Db.AccessKeys.AsNoTracking().SingleOrDefaultAsync(k => k.Id == intent.AccessKeyId, cancellationToken), cancellationToken);
        switch (key)
        {
            case null:
                return DispatchResult.Permanent("The access key no longer exists.");
            case { IsRevoked: true }:
                return DispatchResult.Succeeded("revoked: nothing to update");
            case { SeamAccessCodeId: null, Status: AccessKeyStatus.Requested }:
                return DispatchResult.Transient("The code is not created yet.", TimeSpan.FromSeconds(30));
            case { SeamAccessCodeId: null }:
                return DispatchResult.Succeeded("no code: a retry creates it with the new window");
        }

        var attempt = await hub.UpdateAccessCodeAsync(message.HotelId, key.SeamAccessCodeId!, key.StartsAt, key.EndsAt, cancellationToken);
        return DispatchResult.Succeeded($"{key.SeamAccessCodeId} {key.StartsAt:O}–{key.EndsAt:O} {attempt.Id}");
    }

    public Task RefusedAsync(OutboxMessage message, SmartRoomHubException refusal, CancellationToken cancellationToken) =>
        sessions.WriteAsync(async s =>
        {
            var key = await s.Db.AccessKeys.SingleOrDefaultAsync(k => k.Id == message.ReadPayload<UpdateAccessCodeIntent>().AccessKeyId, cancellationToken);
            if (key is not null && !key.IsRevoked)
            {
                s.Announce(ChangeTopic.Locks, key.RoomDeviceId, $"Door code dates could not be changed: {refusal.Message}", ChangeKind.Created);
            }
        }, cancellationToken);
}
