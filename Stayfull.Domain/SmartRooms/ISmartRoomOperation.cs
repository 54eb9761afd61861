using Stayfull.Domain.Integrations;

namespace Stayfull.Domain.SmartRooms;

/// <summary>
/// One kind of smart-room intent in the outbox (create a door code, unlock a door, set a thermostat…),
/// performed through the hub. <see cref="SmartRoomDispatcher"/> routes each intent to the operation of
/// its name and turns hub failures into outbox results, so an operation only says what to call.
/// </summary>
public interface ISmartRoomOperation
{
    /// <summary>The outbox operation name this handles, one of <see cref="SmartRoomOperations"/>.</summary>
    string Operation { get; }

    Task<DispatchResult> RunAsync(OutboxMessage message, CancellationToken cancellationToken);

    /// <summary>The hub refused the intent for good: record it where staff will see it.</summary>
    Task RefusedAsync(OutboxMessage message, SmartRoomHubException refusal, CancellationToken cancellationToken);
}
