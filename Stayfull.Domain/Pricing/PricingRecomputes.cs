using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Stayfull.Domain.Data;
using Stayfull.Domain.Tenancy;

namespace Stayfull.Domain.Pricing;

/// <summary>
/// Background recomputes, hotel by hotel as the system: nightly in each hotel's own night (so hotels in
/// different time zones are spread over the day, and those sharing one run one after another), and for
/// the hotels a big change made due (<see cref="PricingRecomputeSignals"/>).
/// </summary>
public sealed class PricingRecomputes(
    StayfullDb database,
    IServiceScopeFactory scopes,
    PricingRecomputeSignals signals,
    TimeProvider time,
    IOptions<PricingRecomputeOptions> options,
    ILogger<PricingRecomputes> logger)
{
    /// <summary>Recomputes every hotel whose local hour is now the nightly hour; run hourly.</summary>
    /// <returns>How many hotels were recomputed.</returns>
    public async Task<int> RecomputeNightlyAsync(CancellationToken cancellationToken)
    {
        List<(Guid Id, string TimeZoneId)> hotels;
        await using (var platform = database.ForPlatform())
        {
            hotels = [.. (await platform.Hotels.AsNoTracking().Select(h => new { h.Id, h.TimeZoneId }).ToListAsync(cancellationToken)).Select(h => (h.Id, h.TimeZoneId))];
        }

        var now = time.GetUtcNow();
        var done = 0;
        foreach (var (hotelId, zone) in hotels)
        {
            if (TimeZoneInfo.ConvertTime(now, TimeZoneInfo.FindSystemTimeZoneById(zone)).Hour == options.Value.NightlyHour
                && await RecomputeHotelAsync(hotelId, "nightly", cancellationToken))
            {
                done++;
            }
        }

        return done;
    }

    /// <summary>Recomputes each hotel a big change made due, once however many signals it got.</summary>
    /// <returns>How many hotels were recomputed.</returns>
    public async Task<int> RecomputeDueAsync(CancellationToken cancellationToken)
    {
        var done = 0;
        foreach (var (hotelId, reason) in signals.TakeDue())
        {
            if (await RecomputeHotelAsync(hotelId, reason.ToString(), cancellationToken))
            {
                done++;
            }
            else
            {
                signals.MarkDue(hotelId, reason); // try again on the next run
            }
        }

        return done;
    }

    /// <summary>
    /// Recomputes the hotels that have room types but no recommendation yet — a hotel that just signed up,
    /// or a fresh demo — so a manager's first visit to pricing does not wait for the night.
    /// </summary>
    /// <returns>How many hotels were recomputed.</returns>
    public async Task<int> RecomputeFirstTimeAsync(CancellationToken cancellationToken)
    {
        List<Guid> hotels;
        await using (var platform = database.ForPlatform())
        {
            // The platform context sees no tenant's rows through the filters: ask across hotels explicitly.
            var priced = platform.PricingRecommendations.IgnoreQueryFilters().Select(r => r.HotelId);
            hotels = await platform.RoomTypes.IgnoreQueryFilters()
                .Select(t => t.HotelId)
                .Distinct()
                .Where(id => !priced.Contains(id))
                .ToListAsync(cancellationToken);
        }

        var done = 0;
        foreach (var hotelId in hotels)
        {
            if (await RecomputeHotelAsync(hotelId, "first", cancellationToken))
            {
                done++;
            }
        }

        return done;
    }

    private async Task<bool> RecomputeHotelAsync(Guid hotelId, string why, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<BackgroundStaffScope>().Context = StaffContext.System(hotelId);
        try
        {
            var run = await scope.ServiceProvider.GetRequiredService<PricingService>().RecomputeAsync(cancellationToken);
            logger.LogInformation("Pricing recompute ({Why}) for hotel {HotelId}: {Pending} newly pending, {Auto} applied by autopilot, {Alerts} alerts raised", why, hotelId, run.NewlyPending, run.AutoApplied, run.AlertsRaised);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // One hotel's failure must not stop the others' recomputes.
            logger.LogError(ex, "Pricing recompute ({Why}) failed for hotel {HotelId}", why, hotelId);
            return false;
        }
    }
}
