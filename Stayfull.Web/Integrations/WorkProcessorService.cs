using Stayfull.Domain.Integrations;

namespace Stayfull.Web.Integrations;

/// <summary>
/// Drains the webhook inbox and the outbox: at once when work is signalled, and every few seconds
/// anyway (retries that came due, work left by an instance that died between receipt and processing).
/// </summary>
internal sealed class WorkProcessorService(InboxProcessor inbox, OutboxProcessor outbox, ILogger<WorkProcessorService> logger) : BackgroundService
{
    private const int BatchSize = 50;
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(5);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(
            RunAsync("inbox", WorkSignals.Inbox, ct => inbox.ProcessDueAsync(BatchSize, ct), stoppingToken),
            RunAsync("outbox", WorkSignals.Outbox, ct => outbox.ProcessDueAsync(BatchSize, ct), stoppingToken));

    private async Task RunAsync(string name, WorkSignal signal, Func<CancellationToken, Task<int>> drain, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // Keep draining while full batches come back; then wait for a signal or the poll.
                while (await drain(stoppingToken) == BatchSize)
                {
                }

                await signal.WaitAsync(Poll, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // the processor must outlive a database hiccup; it tries again at the next poll
            catch (Exception ex)
#pragma warning restore CA1031
            {
                logger.LogError(ex, "The {Queue} processor failed; retrying shortly", name);
                await Task.Delay(Poll, stoppingToken);
            }
        }
    }
}
