using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Stayfull.Domain.Sessions;

namespace Stayfull.Domain.Integrations;

/// <summary>Records outbound intents inside the session that makes the change, so both commit or neither does.</summary>
public static class Outbox
{
    /// <summary>Adds the intent unless one with the same key exists (then the earlier one stands).</summary>
    public static async Task<OutboxMessage> EnqueueAsync(HotelSession s, IntegrationVendor vendor, string operation, object payload, string idempotencyKey, CancellationToken cancellationToken)
    {
        var pending = s.Db.ChangeTracker.Entries<OutboxMessage>().Select(e => e.Entity).FirstOrDefault(m => m.IdempotencyKey == idempotencyKey);
        var existing = pending ?? await s.Db.OutboxMessages.FirstOrDefaultAsync(m => m.IdempotencyKey == idempotencyKey, cancellationToken);
        if (existing is not null)
        {
            return existing;
        }

        var message = new OutboxMessage(s.HotelId, vendor, operation, JsonSerializer.Serialize(payload, JsonDefaults.Options), idempotencyKey, s.Now);
        s.Db.OutboxMessages.Add(message);
        s.AfterSave(WorkSignals.Outbox.Raise);
        return message;
    }
}
