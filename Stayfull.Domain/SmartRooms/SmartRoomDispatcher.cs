using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Stayfull.Domain.Integrations;
using Stayfull.Domain.Live;
using Stayfull.Domain.Sessions;

namespace Stayfull.Domain.SmartRooms;

/// <summary>
/// Performs the door-code intents recorded in the outbox through the smart-room hub (Seam or its
/// simulated workspace). The outbox owns retries: a transient hub failure is handed back with its
/// Retry-After, a refusal marks the key failed and alerts the desk. A code already recorded on the key
/// is never created again, and a retry first looks for the code on the lock by its name.
/// </summary>
public sealed class SmartRoomDispatcher(ISmartRoomHub hub, HotelSessions sessions) : IOutboxDispatcher
{
    public IntegrationVendor Vendor => IntegrationVendor.Seam;

    public async Task<DispatchResult> DispatchAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        try
        {
            return message.Operation switch
            {
                SmartRoomOperations.CreateAccessCode => await CreateAsync(message, cancellationToken),
                SmartRoomOperations.DeleteAccessCode => await DeleteAsync(message, cancellationToken),
                _ => DispatchResult.Permanent($"Unknown smart-room operation {message.Operation}."),
            };
        }
        catch (SmartRoomHubException ex) when (ex.IsTransient)
        {
            return DispatchResult.Transient(ex.Message, ex.RetryAfter);
        }
        catch (SmartRoomHubException ex)
        {
            if (message.Operation == SmartRoomOperations.CreateAccessCode)
            {
                await FailAsync(Read<CreateAccessCodeIntent>(message).AccessKeyId, ex.Message, cancellationToken);
            }

            return DispatchResult.Permanent(ex.Message);
        }
    }

    /// <summary>The name a stay's code carries on the lock, which also finds it again after a lost reply.</summary>
    public static string CodeName(string confirmationCode, string roomNumber) => $"Stayfull {confirmationCode} room {roomNumber}";

    private async Task<DispatchResult> CreateAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var intent = Read<CreateAccessCodeIntent>(message);
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
            return new CreateWork(key, device, CodeName(code, number));
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

        var created = existing ?? (await hub.CreateAccessCodeAsync(
            message.HotelId,
            new AccessCodeRequest(device.SeamDeviceId, name, key.StartsAt, key.EndsAt) { PreferredCodeLength = device.PreferredCodeLength() },
            cancellationToken)).AccessCode;

        await sessions.WriteAsync(async s =>
        {
            var stored = await s.Db.AccessKeys.SingleAsync(k => k.Id == key.Id, cancellationToken);
            stored.Accepted(created.Id, created.Code, s.Now);
            if (stored.IsRevoked)
            {
                // The stay ended while the code was being created: remove the code the hub just made.
                await Outbox.EnqueueAsync(s, IntegrationVendor.Seam, SmartRoomOperations.DeleteAccessCode, new DeleteAccessCodeIntent(stored.Id, created.Id), $"{SmartRoomOperations.RemoveKey(stored.ReservationId, stored.RoomId)}-{created.Id}", cancellationToken);
            }

            s.Announce(ChangeTopic.Locks, device.Id, $"Door code being set on {device.DisplayName}");
        }, cancellationToken);
        return DispatchResult.Succeeded(created.Id);
    }

    private async Task<DispatchResult> DeleteAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var intent = Read<DeleteAccessCodeIntent>(message);
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

        if ((intent.AccessCodeId ?? key.SeamAccessCodeId) is not { } accessCodeId)
        {
            // Never created (the create intent sees the key revoked and skips it): nothing is on the lock.
            await sessions.WriteAsync(async s =>
            {
                var stored = await s.Db.AccessKeys.SingleAsync(k => k.Id == key.Id, cancellationToken);
                stored.RemovedFromDevice(s.Now);
            }, cancellationToken);
            return DispatchResult.Succeeded("no code was set");
        }

        var attempt = await hub.DeleteAccessCodeAsync(message.HotelId, device.SeamDeviceId, accessCodeId, cancellationToken);
        return DispatchResult.Succeeded($"{accessCodeId} {attempt.Id}");
    }

    private Task FailAsync(Guid accessKeyId, string error, CancellationToken cancellationToken) =>
        sessions.WriteAsync(async s =>
        {
            var key = await s.Db.AccessKeys.SingleOrDefaultAsync(k => k.Id == accessKeyId, cancellationToken);
            if (key is not null && key.Fail(error, s.Now))
            {
                s.Announce(ChangeTopic.Locks, key.RoomDeviceId, $"Door code could not be created: {key.LastError}", ChangeKind.Created);
            }
        }, cancellationToken);

    private static T Read<T>(OutboxMessage message) =>
        JsonSerializer.Deserialize<T>(message.Payload, JsonDefaults.Options) ?? throw new InvalidOperationException($"Empty {message.Operation} payload.");

    private sealed record CreateWork(AccessKey Key, RoomDevice Device, string Name);
}
