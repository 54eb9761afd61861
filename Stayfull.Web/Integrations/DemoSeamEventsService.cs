using Microsoft.Extensions.Options;
using Stayfull.Integrations.Seam;

namespace Stayfull.Web.Integrations;

/// <summary>
/// Keeps the demo hotels' simulated locks and thermostats alive: every few seconds of the injected clock,
/// each demo workspace ticks and its events go into the hotel's webhook inbox. A tick is a small query and
/// a handful of events at most; with a frozen test clock it never fires.
/// </summary>
internal sealed class DemoSeamEventsService(DemoSeamWebhookFeed feed, IOptions<SeamDemoOptions> options, TimeProvider time, ILogger<DemoSeamEventsService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.EventsEnabled || settings.TickInterval <= TimeSpan.Zero)
        {
            return;
        }

        using var timer = new PeriodicTimer(settings.TickInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await feed.TickAllAsync(stoppingToken);
                }
#pragma warning disable CA1031 // a demo tick that fails (database busy) is simply tried again at the next one
                catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
                {
                    logger.LogWarning(ex, "A demo smart-room tick failed; trying again at the next");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }
}
