using Microsoft.EntityFrameworkCore;
using Stayfull.Domain.Integrations;
using Stayfull.Domain.Sessions;

namespace Stayfull.Domain.SmartRooms.StaffAccess;

/// <summary>Takes a revoked housekeeping code off its lock; a code never created is simply marked removed.</summary>
public sealed class DeleteStaffCodeOperation(ISmartRoomHub hub, HotelSessions sessions) : ISmartRoomOperation
{
    public string Operation => StaffAccessOperations.DeleteStaffCode;

    public async Task<DispatchResult> RunAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var intent = message.ReadPayload<DeleteStaffCodeIntent>();
        var found = await sessions.ReadAsync(async s =>
        {
            var code = await s.Db.ShiftRoomCodes().SingleOrDefaultAsync(c => c.Id == intent.ShiftRoomCodeId, cancellationToken);
            var device = code is null ? null : await s.Db.RoomDevices.SingleAsync(d => d.Id == code.RoomDeviceId, cancellationToken);
            return (code, device);
        }, cancellationToken);
        if (found is not ({ } code, { } device))
        {
            return DispatchResult.Permanent("The housekeeping code no longer exists.");
        }

        if ((intent.AccessCodeId ?? code.SeamAccessCodeId) is not { } accessCodeId)
        {
            // Never created (the create intent sees the code revoked and skips it): nothing is on the lock.
            await sessions.WriteAsync(async s =>
            {
                var stored = await s.Db.ShiftRoomCodes().SingleAsync(c => c.Id == code.Id, cancellationToken);
                stored.RemovedFromDevice(s.Now);
            }, cancellationToken);
            return DispatchResult.Succeeded("no code was set");
        }

        try
        {
            var attempt = await hub.DeleteAccessCodeAsync(message.HotelId, device.SeamDeviceId, accessCodeId, cancellationToken);
            return DispatchResult.Succeeded($"{accessCodeId} {attempt.Id}");
        }
        catch (SmartRoomHubException ex) when (ex.HttpStatus == 404)
        {
            // Time-bound codes may already be gone from the lock once the shift ended: that is the goal.
            await sessions.WriteAsync(async s =>
            {
                var stored = await s.Db.ShiftRoomCodes().SingleAsync(c => c.Id == code.Id, cancellationToken);
                stored.RemovedFromDevice(s.Now);
            }, cancellationToken);
            return DispatchResult.Succeeded($"{accessCodeId} already gone");
        }
    }

    /// <summary>Nothing to record: the code is already revoked on our side, and the failed intent shows on the integrations page.</summary>
    public Task RefusedAsync(OutboxMessage message, SmartRoomHubException refusal, CancellationToken cancellationToken) => Task.CompletedTask;
}
