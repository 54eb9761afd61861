using Microsoft.EntityFrameworkCore;
using Stayfull.Domain.Integrations;
using Stayfull.Domain.Live;
using Stayfull.Domain.Sessions;

namespace Stayfull.Domain.SmartRooms;

/// <summary>
/// Puts a stay's door code on its lock. A code already recorded on the key is never created again, and a
/// retry first looks for the code on the lock by its name, so a lost reply never makes two codes.
/// </summary>
public sealed class CreateAccessCodeOperation(ISmartRoomHub hub, HotelSessions sessions) : ISmartRoomOperation
{
    public string Operation => SmartRoomOperations.CreateAccessCode;

    public async Task<DispatchResult> RunAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var intent = message.ReadPayload<CreateAccessCodeIntent>();
        var work = await sessions.ReadAsync(async s =>
        {
            var key = await s.Db.AccessKeys.SingleOrDefaultAsync(k => k.Id == intent.AccessKeyId, cancellationToken);
            if (key is null)
            {
                return null;
            }

            var device = await s.Db.RoomDevices.SingleAsync(d => d.Id == key.RoomDeviceId, cancellationToken);
            var code = await s.Db.Reservations.Where(r => r.Id == key.ReservationId).Select(r => r.ConfirmationCode).SingleAsync(cancellationToken);
            var number = await s.Db.Rooms.Where(r => r.Id == key.RoomId).Select(r => r.Number).SingleAsync(cancellationToken);
            return new Work(key, device, SmartRoomDispatcher.CodeName(code, number));
        }, cancellationToken);

        switch (work)
        {
            case null:
                return DispatchResult.Permanent("The access key no longer exists.");
            case { Key.SeamAccessCodeId: { } done }:
                return DispatchResult.Succeeded(done);
            case { Key.IsRevoked: true }:
                return DispatchResult.Succeeded("revoked before it was created");
        }

        var (key, device, name) = work;
        AccessCode? existing = null;
        if (message.Attempts > 0)
        {
            // An earlier attempt may have created the code and lost the reply.
            var codes = await hub.ListAccessCodesAsync(message.HotelId, device.SeamDeviceId, cancellationToken);
            existing = codes.FirstOrDefault(c => c.Name == name);
        }

        var attemptId = (string?)null;
        var created = existing;
        if (created is null)
        {
            var answer = await hub.CreateAccessCodeAsync(
                message.HotelId,
                new AccessCodeRequest(device.SeamDeviceId, name, key.StartsAt, key.EndsAt) { PreferredCodeLength = device.PreferredCodeLength(), UseBackupAccessCodePool = device.SupportsBackupCodePool },
                cancellationToken);
            created = answer.AccessCode;
            attemptId = answer.ActionAttempt.Id;
        }

        await sessions.WriteAsync(async s =>
        {
            var stored = await s.Db.AccessKeys.SingleAsync(k => k.Id == key.Id, cancellationToken);
            stored.Accepted(created.Id, created.Code, s.Now, attemptId);
            if (stored.IsRevoked)
            {
                // The stay ended while the code was being created: remove the code the hub just made.
                await Outbox.EnqueueAsync(s, IntegrationVendor.Seam, SmartRoomOperations.DeleteAccessCode, new DeleteAccessCodeIntent(stored.Id, created.Id), $"{SmartRoomOperations.RemoveKey(stored.ReservationId, stored.RoomId)}-{created.Id}", cancellationToken);
            }
            else
            {
                // The code's webhook may never come: look again shortly.
                await KeyOutcomes.FollowUpAsync(s, stored, created.Id, 1, cancellationToken);
            }

            s.Announce(ChangeTopic.Locks, device.Id, $"Door code being set on {device.DisplayName}");
        }, cancellationToken);
        return DispatchResult.Succeeded(created.Id);
    }

    public Task RefusedAsync(OutboxMessage message, SmartRoomHubException refusal, CancellationToken cancellationToken) =>
        sessions.WriteAsync(async s =>
        {
            var key = await s.Db.AccessKeys.SingleOrDefaultAsync(k => k.Id == message.ReadPayload<CreateAccessCodeIntent>().AccessKeyId, cancellationToken);
            if (key is not null && key.Fail(refusal.Message, s.Now))
            {
                s.Announce(ChangeTopic.Locks, key.RoomDeviceId, $"Door code could not be created: {key.LastError}", ChangeKind.Created);
            }
        }, cancellationToken);

    private sealed record Work(AccessKey Key, RoomDevice Device, string Name);
}
