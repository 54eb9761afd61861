using Microsoft.EntityFrameworkCore;
using Stayfull.Domain.Integrations;
using Stayfull.Domain.Sessions;

namespace Stayfull.Domain.SmartRooms;

/// <summary>
/// Looks at a key's code (and its action attempt, when known) some time after it was asked for, so the key
/// never stays "setting" because a webhook was lost: set → ready and sent (once), failed → failed (with a
/// backup code when the lock has one), still setting → another look later.
/// </summary>
public sealed class FollowAccessCodeOperation(ISmartRoomHub hub, HotelSessions sessions) : ISmartRoomOperation
{
    public string Operation => SmartRoomOperations.FollowAccessCode;

    public async Task<DispatchResult> RunAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var intent = message.ReadPayload<FollowAccessCodeIntent>();
        var key = await sessions.ReadAsync(s => s.Db.AccessKeys.AsNoTracking().SingleOrDefaultAsync(k => k.Id == intent.AccessKeyId, cancellationToken), cancellationToken);
        if (key is null || key.IsRevoked || key.SeamAccessCodeId != intent.AccessCodeId || key.Status is AccessKeyStatus.Ready or AccessKeyStatus.Failed)
        {
            return DispatchResult.Succeeded("nothing to follow");
        }

        var attempt = key.ActionAttemptId is { } attemptId ? await hub.GetActionAttemptAsync(message.HotelId, attemptId, cancellationToken) : null;
        var code = await hub.GetAccessCodeAsync(message.HotelId, intent.AccessCodeId, cancellationToken);
        var failure = code.Errors.Count > 0 ? code.Errors[0] : null;
        return await sessions.WriteAsync(async s =>
        {
            var stored = await s.Db.AccessKeys.SingleAsync(k => k.Id == key.Id, cancellationToken);
            if (stored.SeamAccessCodeId != intent.AccessCodeId)
            {
                return DispatchResult.Succeeded("the key has another code now");
            }

            if (code.Status == AccessCodeStatus.Set)
            {
                await KeyOutcomes.SetOnDeviceAsync(s, stored, code.Code, cancellationToken);
                return DispatchResult.Succeeded("set");
            }

            if (attempt is { Status: ActionAttemptStatus.Error } || failure is not null)
            {
                var error = failure?.Message is { Length: > 0 } m ? m : attempt?.ErrorMessage ?? attempt?.ErrorType ?? "The code failed to set on the lock.";
                await KeyOutcomes.FailedAsync(s, stored, error, code.IsBackupAccessCodeAvailable, cancellationToken);
                return DispatchResult.Succeeded("failed");
            }

            var again = await KeyOutcomes.FollowUpAsync(s, stored, intent.AccessCodeId, intent.Round + 1, cancellationToken);
            return DispatchResult.Succeeded(again ? "still setting; looking again later" : "still setting; left to the reconciliation");
        }, cancellationToken);
    }

    /// <summary>The hub no longer knows the code: the reconciliation issues it again.</summary>
    public Task RefusedAsync(OutboxMessage message, SmartRoomHubException refusal, CancellationToken cancellationToken) => Task.CompletedTask;
}
