using Stayfull.Domain.Integrations;

namespace Stayfull.Domain.SmartRooms;

/// <summary>
/// Performs the smart-room intents recorded in the outbox through the hub (Seam or its simulated
/// workspace), each by the <see cref="ISmartRoomOperation"/> of its name. The outbox owns retries: a
/// transient hub failure (429, 5xx, timeout, lock busy) is handed back with its Retry-After; a refusal is
/// recorded by the operation where staff see it and not retried.
/// </summary>
public sealed class SmartRoomDispatcher(IEnumerable<ISmartRoomOperation> operations) : IOutboxDispatcher
{
    public IntegrationVendor Vendor => IntegrationVendor.Seam;

    public async Task<DispatchResult> DispatchAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var operation = operations.LastOrDefault(o => o.Operation == message.Operation);
        if (operation is null)
        {
            return DispatchResult.Permanent($"Unknown smart-room operation {message.Operation}.");
        }

        try
        {
            return await operation.RunAsync(message, cancellationToken);
        }
        catch (SmartRoomHubException ex) when (ex.IsTransient)
        {
            return DispatchResult.Transient(ex.Message, ex.RetryAfter);
        }
        catch (SmartRoomHubException ex)
        {
            await operation.RefusedAsync(message, ex, cancellationToken);
            return DispatchResult.Permanent(ex.Message);
        }
    }

    /// <summary>The name a stay's code carries on the lock, which also finds it again after a lost reply.</summary>
    public static string CodeName(string confirmationCode, string roomNumber) => $"Stayfull {confirmationCode} room {roomNumber}";
}
