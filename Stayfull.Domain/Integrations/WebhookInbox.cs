using Microsoft.EntityFrameworkCore;
using Stayfull.Domain.Data;

namespace Stayfull.Domain.Integrations;

public enum InboxOutcome
{
    Stored = 0,
    Duplicate = 1,
}

/// <summary>
/// The durable first step of every webhook: store the verified event under its unique key, then
/// acknowledge. Processing happens later, in <see cref="InboxProcessor"/>.
/// </summary>
public sealed class WebhookInbox(StayfullDb database, TimeProvider time)
{
    public async Task<InboxOutcome> StoreAsync(Guid hotelId, IntegrationVendor vendor, string externalId, string eventType, string payload, CancellationToken cancellationToken)
    {
        await using var db = database.ForHotel(hotelId);
        if (await IsKnownAsync(db, vendor, externalId, cancellationToken))
        {
            return InboxOutcome.Duplicate;
        }

        db.InboxEvents.Add(new InboxEvent(hotelId, vendor, externalId, eventType, payload, time.GetUtcNow()));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            WorkSignals.Inbox.Raise();
            return InboxOutcome.Stored;
        }
        catch (DbUpdateException)
        {
            // A concurrent delivery of the same event won the unique key: that is the duplicate case.
            await using var check = database.ForHotel(hotelId);
            if (await IsKnownAsync(check, vendor, externalId, cancellationToken))
            {
                return InboxOutcome.Duplicate;
            }

            throw;
        }
    }

    private static Task<bool> IsKnownAsync(StayfullDbContext db, IntegrationVendor vendor, string externalId, CancellationToken cancellationToken) =>
        db.InboxEvents.IgnoreQueryFilters().AnyAsync(e => e.Vendor == vendor && e.ExternalId == externalId, cancellationToken);
}
