using Microsoft.Extensions.Options;
using Stayfull.Integrations.Channex;

namespace Stayfull.Web.Integrations;

/// <summary>
/// Keeps the demo hotels' simulated Channex properties busy: soon after start and then every tick of the injected
/// clock, each demo property may take an OTA booking, change one, or pass on a guest's message, told as webhooks in
/// the hotel's inbox. With a frozen test clock it never fires.
/// </summary>
internal sealed class DemoChannexService(DemoChannexActivity activity, IOptions<ChannexDemoOptions> options, TimeProvider time, ILogger<DemoChannexService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.EventsEnabled || settings.TickInterval <= TimeSpan.Zero)
        {
            return;
        }

        try
        {
            await Task.Delay(settings.FirstTickAfter, time, stoppingToken);
            await TickAsync(stoppingToken);
            using var timer = new PeriodicTimer(settings.TickInterval, time);
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await TickAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    private async Task TickAsync(CancellationToken stoppingToken)
    {
        try
        {
            await activity.TickAllAsync(stoppingToken);
        }
#pragma warning disable CA1031 // a demo tick that fails (database busy) is simply tried again at the next one
        catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
        {
            logger.LogWarning(ex, "A demo Channex tick failed; trying again at the next");
        }
    }
}
