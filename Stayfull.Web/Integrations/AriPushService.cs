using Stayfull.Domain.Channels.Ari;

namespace Stayfull.Web.Integrations;

/// <summary>
/// Pushes availability, rates and restrictions to the channel manager: at once when a save leaves changes
/// to push, and every few seconds anyway (changes that waited for the budget or a pause, work left by an
/// instance that stopped). Which hotel, what and when is the domain's decision.
/// </summary>
internal sealed class AriPushService(AriPushRunner runner, ILogger<AriPushService> logger) : BackgroundService
{
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await runner.PushDueAsync(stoppingToken);
                await AriSignals.Pending.WaitAsync(Poll, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // the pusher must outlive a database hiccup; it tries again at the next poll
            catch (Exception ex)
#pragma warning restore CA1031
            {
                logger.LogError(ex, "The channel ARI pusher failed; retrying shortly");
                await Task.Delay(Poll, stoppingToken);
            }
        }
    }
}
