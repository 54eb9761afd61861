using Microsoft.EntityFrameworkCore;
using Stayfull.Domain.Integrations;
using Stayfull.Domain.Sessions;

namespace Stayfull.Domain.SmartRooms;

/// <summary>Takes a revoked key's code off its lock; a key whose code was never created is simply marked removed.</summary>
public sealed class DeleteAccessCodeOperation(ISmartRoomHub hub, HotelSessions sessions) : ISmartRoomOperation
{
    public string Operation => SmartRoomOperations.DeleteAccessCode;

    public async Task<DispatchResult> RunAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var intent = message.ReadPayload<DeleteAccessCodeIntent>();
        if (intent is { AccessKeyId: var none, AccessCodeId: { } strayCode, SeamDeviceId: { } strayDevice } && none == Guid.Empty)
        {
            return await DeleteStrayAsync(message.HotelId, strayDevice, strayCode, cancellationToken);
        }

        var found = await sessions.ReadAsync(async s =>
        {
            var key = await s.Db.AccessKeys.SingleOrDefaultAsync(k => k.Id == intent.AccessKeyId, cancellationToken);
            var device = key is null ? null : await s.Db.RoomDevices.SingleAsync(d => d.Id == key.RoomDeviceId, cancellationToken);
            return (key, device);
        }, cancellationToken);
        if (found is not ({ } key, { } device))
        {
            return DispatchResult.Permanent("The access key no longer exists.");
        }

        if (intent.AccessCodeId is null && !key.IsRevoked)
        {
            // The key was issued again before this removal ran: its new code stays.
            return DispatchResult.Succeeded("the key was issued again");
        }

        if ((intent.AccessCodeId ?? key.SeamAccessCodeId) is not { } accessCodeId)
        {
            // Never created (the create intent sees the key revoked and skips it): nothing is on the lock.
            await sessions.WriteAsync(async s =>
            {
                var stored = await s.Db.AccessKeys.SingleAsync(k => k.Id == key.Id, cancellationToken);
                if (stored.IsRevoked && stored.SeamAccessCodeId is null)
                {
                    stored.RemovedFromDevice(s.Now);
                }
            }, cancellationToken);
            return DispatchResult.Succeeded("no code was set");
        }

        ActionAttempt attempt;
        try
        {
            attempt = await hub.DeleteAccessCodeAsync(message.HotelId, device.SeamDeviceId, accessCodeId, cancellationToken);
        }
        catch (SmartRoomHubException ex) when (ex.HttpStatus == 404)
        {
            // Already gone from the hub: what we wanted.
            await sessions.WriteAsync(async s =>
            {
                var stored = await s.Db.AccessKeys.SingleAsync(k => k.Id == key.Id, cancellationToken);
                if (accessCodeId == stored.SeamAccessCodeId && stored.IsRevoked)
                {
                    stored.RemovedFromDevice(s.Now);
                }
            }, cancellationToken);
            return DispatchResult.Succeeded($"{accessCodeId} was already gone");
        }

        if (accessCodeId == key.SeamAccessCodeId)
        {
            await sessions.WriteAsync(async s =>
            {
                var stored = await s.Db.AccessKeys.SingleAsync(k => k.Id == key.Id, cancellationToken);
                stored.AttemptStarted(attempt.Id, s.Now);
            }, cancellationToken);
        }

        return DispatchResult.Succeeded($"{accessCodeId} {attempt.Id}");
    }

    private async Task<DispatchResult> DeleteStrayAsync(Guid hotelId, string deviceId, string accessCodeId, CancellationToken cancellationToken)
    {
        try
        {
            var attempt = await hub.DeleteAccessCodeAsync(hotelId, deviceId, accessCodeId, cancellationToken);
            return DispatchResult.Succeeded($"stray {accessCodeId} {attempt.Id}");
        }
        catch (SmartRoomHubException ex) when (ex.HttpStatus == 404)
        {
            return DispatchResult.Succeeded($"stray {accessCodeId} was already gone");
        }
    }

    /// <summary>Nothing to record: the key is already revoked on our side, and the failed intent shows on the integrations page.</summary>
    public Task RefusedAsync(OutboxMessage message, SmartRoomHubException refusal, CancellationToken cancellationToken) => Task.CompletedTask;
}
