using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Stayfull.Domain.Data;
using Stayfull.Domain.Live;
using Stayfull.Domain.Tenancy;

namespace Stayfull.Domain.Integrations;

/// <summary>
/// Performs recorded intents through their vendor's dispatcher. Transient failures (429, 5xx,
/// timeouts) are retried with backoff and jitter, never sooner than the vendor's Retry-After;
/// permanent refusals and exhausted retries are parked as failed, visible with a retry button and
/// announced to the hotel's open screens.
/// </summary>
public sealed class OutboxProcessor(StayfullDb database, IOptions<WorkQueueOptions> workQueue, IServiceScopeFactory scopes, TimeProvider time, ILiveUpdatePublisher live, VendorRateLimits rateLimits, ILogger<OutboxProcessor> logger)
{
    /// <summary>How long work waits when its vendor's budget for the second is spent.</summary>
    private static readonly TimeSpan RateLimitPause = TimeSpan.FromSeconds(1);

    public async Task<int> ProcessDueAsync(int batchSize, CancellationToken cancellationToken)
    {
        var claimed = await WorkQueue.ClaimDueAsync(database, db => db.OutboxMessages, batchSize, time.GetUtcNow(), workQueue.Value.ClaimFor, cancellationToken);
        foreach (var claim in claimed)
        {
            await ProcessAsync(claim, cancellationToken);
        }

        return claimed.Count;
    }

    private async Task ProcessAsync(WorkQueue.Claimed claim, CancellationToken cancellationToken)
    {
        await using var db = database.ForPlatform();
        var message = await db.OutboxMessages.IgnoreQueryFilters().SingleAsync(m => m.Id == claim.Id, cancellationToken);
        if (!await WorkQueue.ConfirmAsync(db, message, claim, time.GetUtcNow(), workQueue.Value.ClaimFor, cancellationToken))
        {
            return;
        }

        if (!rateLimits.TryTake(message.Vendor, message.HotelId))
        {
            message.Defer(time.GetUtcNow() + RateLimitPause);
            await db.SaveChangesAsync(cancellationToken);
            return;
        }

        DispatchResult result;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<BackgroundStaffScope>().Context = StaffContext.System(message.HotelId);
            // The last registration wins, as for any service, so a host or a test can replace a vendor's dispatcher.
            var dispatcher = scope.ServiceProvider.GetServices<IOutboxDispatcher>().LastOrDefault(d => d.Vendor == message.Vendor)
                ?? throw new InvalidOperationException($"No dispatcher for {message.Vendor}.");
            result = await dispatcher.DispatchAsync(message, cancellationToken);
        }
#pragma warning disable CA1031 // an unexpected failure (network, timeout) is treated as transient and retried
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            result = DispatchResult.Transient(ex.Message);
        }

        var now = time.GetUtcNow();
        switch (result)
        {
            case DispatchResult.Success success:
                message.Complete(success.Result, now);
                break;
            case DispatchResult.TransientFailure transient:
                logger.LogWarning("{Vendor} {Operation} failed on attempt {Attempt}, will retry: {Error}", message.Vendor, message.Operation, message.Attempts + 1, transient.Error);
                message.RetryLater(transient.Error, transient.RetryAfter, now, Random.Shared.NextDouble());
                break;
            case DispatchResult.PermanentFailure permanent:
                logger.LogWarning("{Vendor} {Operation} refused: {Error}", message.Vendor, message.Operation, permanent.Error);
                message.FailPermanently(permanent.Error);
                break;
        }

        await db.SaveChangesAsync(cancellationToken);
        if (message.Status == WorkStatus.Failed)
        {
            await live.PublishAsync(HotelChange.IntegrationFailed(message.HotelId, message.Id, $"{message.Vendor} {message.Operation} failed after {message.Attempts} attempts"), cancellationToken);
        }
    }
}
