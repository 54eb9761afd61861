using Microsoft.EntityFrameworkCore;
using Stayfull.Domain.Integrations;
using Stayfull.Domain.Live;
using Stayfull.Domain.Sessions;

namespace Stayfull.Domain.SmartRooms.Climate;

/// <summary>
/// Sets one thermostat to the mode its climate row asks for: heat-cool between the row's set points
/// (Seam <c>/thermostats/heat_cool</c>) or off. An intent overtaken by a newer request is skipped, so a
/// late retry never undoes a later decision. Sending the same set points twice is harmless.
/// </summary>
public sealed class SetClimateOperation(ISmartRoomHub hub, HotelSessions sessions) : ISmartRoomOperation
{
    public string Operation => ClimateOperations.SetClimate;

    public async Task<DispatchResult> RunAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var intent = message.ReadPayload<SetClimateIntent>();
        var found = await sessions.ReadAsync(async s =>
        {
            var state = await s.Db.RoomClimates.SingleOrDefaultAsync(c => c.RoomDeviceId == intent.RoomDeviceId, cancellationToken);
            var device = await s.Db.RoomDevices.SingleOrDefaultAsync(d => d.Id == intent.RoomDeviceId, cancellationToken);
            return (state, device);
        }, cancellationToken);
        if (found is not ({ } state, { } device))
        {
            return DispatchResult.Permanent("The thermostat no longer exists.");
        }

        if (state.RequestId != intent.RequestId)
        {
            return DispatchResult.Succeeded("superseded by a later request");
        }

        var attempt = state.RequestedMode == ClimateMode.Off
            ? await hub.TurnThermostatOffAsync(message.HotelId, device.SeamDeviceId, cancellationToken)
            : await hub.SetHeatCoolAsync(message.HotelId, device.SeamDeviceId, state.HeatingCelsius!.Value, state.CoolingCelsius!.Value, cancellationToken);

        await sessions.WriteAsync(async s =>
        {
            var stored = await s.Db.RoomClimates.SingleAsync(c => c.RoomDeviceId == state.RoomDeviceId, cancellationToken);
            if (stored.RequestId == intent.RequestId)
            {
                stored.Accepted(attempt.Id);
                s.Announce(ChangeTopic.Locks, device.Id, $"{device.DisplayName} set to {stored.RequestedMode.ToString()!.ToLowerInvariant()}");
            }
        }, cancellationToken);
        return DispatchResult.Succeeded(attempt.Id);
    }

    /// <summary>The thermostat stays as it was: the request is marked refused, and an eco period it opened never happened.</summary>
    public Task RefusedAsync(OutboxMessage message, SmartRoomHubException refusal, CancellationToken cancellationToken) =>
        sessions.WriteAsync(async s =>
        {
            var intent = message.ReadPayload<SetClimateIntent>();
            var state = await s.Db.RoomClimates.SingleOrDefaultAsync(c => c.RoomDeviceId == intent.RoomDeviceId, cancellationToken);
            if (state is null || state.RequestId != intent.RequestId)
            {
                return;
            }

            state.Refused(refusal.Message);
            if (state.RequestedMode == ClimateMode.Eco
                && await s.Db.EcoPeriods.FirstOrDefaultAsync(p => p.RoomDeviceId == state.RoomDeviceId && p.EndedAt == null, cancellationToken) is { } open)
            {
                open.End(open.StartedAt);
            }

            s.Announce(ChangeTopic.Locks, state.RoomDeviceId, $"Thermostat could not be set: {state.LastError}", ChangeKind.Created);
        }, cancellationToken);
}
