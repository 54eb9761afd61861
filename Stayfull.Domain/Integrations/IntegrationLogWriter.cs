using Microsoft.EntityFrameworkCore;
using Stayfull.Domain.Data;

namespace Stayfull.Domain.Integrations;

/// <summary>
/// Records each vendor call and webhook in the integration log (redacted summary) and keeps the
/// connection's health (last success, last error, error count) current.
/// </summary>
public sealed class IntegrationLogWriter(StayfullDb database, TimeProvider time)
{
    public async Task RecordAsync(Guid hotelId, IntegrationVendor vendor, IntegrationDirection direction, string operation, bool succeeded, int? httpStatus, TimeSpan duration, string summary, bool isDemo, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var db = database.ForHotel(hotelId);
        db.IntegrationLog.Add(new IntegrationLogEntry(hotelId, now, vendor, direction, operation, succeeded, httpStatus, (long)duration.TotalMilliseconds, Redaction.Redact(summary), isDemo));
        var connection = await db.IntegrationConnections.FirstOrDefaultAsync(c => c.Vendor == vendor, cancellationToken);
        if (connection is not null && !isDemo)
        {
            if (succeeded)
            {
                connection.RecordSuccess(now);
            }
            else
            {
                connection.RecordFailure(Redaction.Redact(summary), now);
            }
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Two calls finished at once; the health counters of the loser are dropped, its log line is saved alone.
            db.ChangeTracker.Clear();
            db.IntegrationLog.Add(new IntegrationLogEntry(hotelId, now, vendor, direction, operation, succeeded, httpStatus, (long)duration.TotalMilliseconds, Redaction.Redact(summary), isDemo));
            await db.SaveChangesAsync(cancellationToken);
        }
    }
}
