using Microsoft.EntityFrameworkCore;
using Stayfull.Domain.Integrations;
using Stayfull.Domain.Live;
using Stayfull.Domain.Sessions;

namespace Stayfull.Domain.SmartRooms.StaffAccess;

/// <summary>
/// Puts a shift's code on one room's lock, valid from now (or the shift's start) to the shift's end. A code
/// already recorded is never created again, and a retry first looks for it on the lock by name and window,
/// so a lost reply never makes two codes.
/// </summary>
public sealed class CreateStaffCodeOperation(ISmartRoomHub hub, HotelSessions sessions) : ISmartRoomOperation
{
    public string Operation => StaffAccessOperations.CreateStaffCode;

    public async Task<DispatchResult> RunAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var intent = message.ReadPayload<CreateStaffCodeIntent>();
        var work = await sessions.ReadAsync(async s =>
        {
            var code = await s.Db.ShiftRoomCodes().SingleOrDefaultAsync(c => c.Id == intent.ShiftRoomCodeId, cancellationToken);
            if (code is null)
            {
                return null;
            }

            var shift = await s.Db.HousekeepingShifts().SingleAsync(h => h.Id == code.ShiftId, cancellationToken);
            var device = await s.Db.RoomDevices.SingleAsync(d => d.Id == code.RoomDeviceId, cancellationToken);
            return new Work(code, shift, device, s.Now);
        }, cancellationToken);

        switch (work)
        {
            case null:
                return DispatchResult.Permanent("The housekeeping code no longer exists.");
            case { Code.SeamAccessCodeId: { } done }:
                return DispatchResult.Succeeded(done);
            case { Code.IsRevoked: true }:
                return DispatchResult.Succeeded("revoked before it was created");
            case { Shift.EndsAt: var end, Now: var now } when end <= now:
                return DispatchResult.Succeeded("the shift ended before the code was created");
        }

        var (code, shift, device, at) = work;
        var startsAt = shift.StartsAt < at ? at : shift.StartsAt;
        AccessCode? existing = null;
        if (message.Attempts > 0)
        {
            // An earlier attempt may have created the code and lost the reply.
            var codes = await hub.ListAccessCodesAsync(message.HotelId, device.SeamDeviceId, cancellationToken);
            existing = codes.FirstOrDefault(c => c.Name == shift.CodeName && c.EndsAt is { } end && (end - shift.EndsAt).Duration() < TimeSpan.FromMinutes(1));
        }

        var created = existing ?? (await hub.CreateAccessCodeAsync(
            message.HotelId,
            new AccessCodeRequest(device.SeamDeviceId, shift.CodeName, startsAt, shift.EndsAt)
            {
                Code = code.Code,
                PreferredCodeLength = code.Code is null ? device.PreferredCodeLength() : null,
            },
            cancellationToken)).AccessCode;

        await sessions.WriteAsync(async s =>
        {
            var stored = await s.Db.ShiftRoomCodes().SingleAsync(c => c.Id == code.Id, cancellationToken);
            stored.Accepted(created.Id, created.Code, created.Status == AccessCodeStatus.Set, s.Now);
            if (stored.IsRevoked)
            {
                // The shift ended (or the room was cleaned) while the code was being created: remove the code the hub just made.
                await Outbox.EnqueueAsync(s, IntegrationVendor.Seam, StaffAccessOperations.DeleteStaffCode, new DeleteStaffCodeIntent(stored.Id, created.Id), $"{StaffAccessOperations.StaffCodeRemoveKey(stored.ShiftId, stored.RoomId, stored.Issue)}-{created.Id}", cancellationToken);
            }

            s.Announce(ChangeTopic.Locks, stored.ShiftId, $"Housekeeping code being set on {device.DisplayName}");
        }, cancellationToken);
        return DispatchResult.Succeeded(created.Id);
    }

    /// <summary>
    /// A lock that refuses the shift's digits (one already in use there, a rule we could not see) gets a code
    /// of the hub's choosing instead, shown to the housekeeper for that room; a refusal of that fails the code.
    /// </summary>
    public Task RefusedAsync(OutboxMessage message, SmartRoomHubException refusal, CancellationToken cancellationToken) =>
        sessions.WriteAsync(async s =>
        {
            var code = await s.Db.ShiftRoomCodes().SingleOrDefaultAsync(c => c.Id == message.ReadPayload<CreateStaffCodeIntent>().ShiftRoomCodeId, cancellationToken);
            if (code is null || !code.Fail(refusal.Message, s.Now))
            {
                return;
            }

            var shift = await s.Db.HousekeepingShifts().SingleAsync(h => h.Id == code.ShiftId, cancellationToken);
            var room = await s.Db.Rooms.SingleAsync(r => r.Id == code.RoomId, cancellationToken);
            if (code.Code is not null && shift.Status == ShiftStatus.Active)
            {
                var device = await s.Db.RoomDevices.SingleAsync(d => d.Id == code.RoomDeviceId, cancellationToken);
                await ShiftFlows.IssueAsync(s, shift, room, device, cancellationToken, code.Issue + 1, letHubChoose: true);
                s.Announce(ChangeTopic.Locks, shift.Id, $"Room {room.Number} refused the shift code; asking for one it accepts");
                return;
            }

            s.Announce(ChangeTopic.Locks, shift.Id, $"Housekeeping code for room {room.Number} could not be created: {code.LastError}", ChangeKind.Created);
        }, cancellationToken);

    private sealed record Work(ShiftRoomCode Code, HousekeepingShift Shift, RoomDevice Device, DateTimeOffset Now);
}
