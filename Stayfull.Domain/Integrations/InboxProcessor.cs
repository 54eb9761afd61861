using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Stayfull.Domain.Data;
using Stayfull.Domain.Live;
using Stayfull.Domain.Tenancy;

namespace Stayfull.Domain.Integrations;

/// <summary>
/// Applies stored webhooks through their vendor's handler, each in a scope acting for its hotel.
/// A failure is retried with backoff and jitter, then parked as failed for staff to retry, and the
/// hotel's open screens are told at once.
/// </summary>
public sealed class InboxProcessor(StayfullDb database, IOptions<WorkQueueOptions> workQueue, IServiceScopeFactory scopes, TimeProvider time, ILiveUpdatePublisher live, ILogger<InboxProcessor> logger)
{
    /// <returns>How many events were taken.</returns>
    public async Task<int> ProcessDueAsync(int batchSize, CancellationToken cancellationToken)
    {
        var claimed = await WorkQueue.ClaimDueAsync(database, db => db.InboxEvents, batchSize, time.GetUtcNow(), workQueue.Value.ClaimFor, cancellationToken);
        foreach (var claim in claimed)
        {
            await ProcessAsync(claim, cancellationToken);
        }

        return claimed.Count;
    }

    private async Task ProcessAsync(WorkQueue.Claimed claim, CancellationToken cancellationToken)
    {
        await using var db = database.ForPlatform();
        var inboxEvent = await db.InboxEvents.IgnoreQueryFilters().SingleAsync(e => e.Id == claim.Id, cancellationToken);
        if (!await WorkQueue.ConfirmAsync(db, inboxEvent, claim, time.GetUtcNow(), workQueue.Value.ClaimFor, cancellationToken))
        {
            return;
        }

        try
        {
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<BackgroundStaffScope>().Context = StaffContext.System(inboxEvent.HotelId);
            // The last registration wins, as for any service, so a host or a test can replace a vendor's applier.
            var applier = scope.ServiceProvider.GetServices<IWebhookApplier>().LastOrDefault(h => h.Vendor == inboxEvent.Vendor)
                ?? throw new InvalidOperationException($"No applier for {inboxEvent.Vendor} events.");
            await applier.HandleAsync(inboxEvent, cancellationToken);
            inboxEvent.Complete(time.GetUtcNow());
        }
#pragma warning disable CA1031 // any failure of one event is recorded on it and retried; it must not stop the others
        catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
        {
            logger.LogWarning("{Vendor} event {EventId} ({EventType}) failed on attempt {Attempt}: {Error}", inboxEvent.Vendor, inboxEvent.ExternalId, inboxEvent.EventType, inboxEvent.Attempts + 1, ex.Message);
            inboxEvent.Fail(ex.Message, time.GetUtcNow(), Random.Shared.NextDouble());
        }

        await db.SaveChangesAsync(cancellationToken);
        if (inboxEvent.Status == WorkStatus.Failed)
        {
            await live.PublishAsync(HotelChange.IntegrationFailed(inboxEvent.HotelId, inboxEvent.Id, $"{inboxEvent.Vendor} {inboxEvent.EventType} webhook parked after {inboxEvent.Attempts} attempts"), cancellationToken);
        }
    }
}
