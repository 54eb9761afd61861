using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Stayfull.Domain.Data;
using Stayfull.Domain.Demo;
using Stayfull.Domain.Pricing;

namespace Stayfull.Integrations.RateShop;

/// <summary>
/// Gives the demo hotel its competitor set (the eight hotels of <see cref="DemoMarket"/>) with their room
/// categories matched to its room types, once, in the background after start so start-up stays fast. A set
/// a manager has ever changed is left alone; the first daily shop then fills in the prices.
/// </summary>
public sealed class DemoCompetitorSetSeeder(StayfullDb database, IOptions<DatabaseOptions> options, ILogger<DemoCompetitorSetSeeder> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.SeedDemoData)
        {
            return;
        }

        try
        {
            var seeded = await SeedAsync(stoppingToken);
            if (seeded > 0)
            {
                logger.LogInformation("Gave the demo hotel a competitor set of {Count} hotels", seeded);
            }
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            logger.LogWarning(ex, "Could not give the demo hotel its competitor set");
        }
        catch (OperationCanceledException)
        {
            // Stopping before it finished: the next start tries again.
        }
    }

    /// <returns>How many competitors were added (0 when the demo hotel is absent or its set was already made).</returns>
    public async Task<int> SeedAsync(CancellationToken cancellationToken)
    {
        List<Guid> demoHotels;
        await using (var platform = database.ForPlatform())
        {
            demoHotels = await platform.Hotels.Where(h => h.Name == DemoHotel.Name).Select(h => h.Id).ToListAsync(cancellationToken);
        }

        var added = 0;
        foreach (var hotelId in demoHotels)
        {
            await using var db = database.ForHotel(hotelId);
            var touched = await db.Competitors.AnyAsync(cancellationToken)
                || await db.AuditEntries.AnyAsync(e => e.EntityType == nameof(Competitor), cancellationToken);
            if (touched)
            {
                continue;
            }

            var types = (await db.RoomTypes.Select(t => new { t.Id, t.Name }).ToListAsync(cancellationToken)).Select(t => (t.Id, t.Name)).ToList();
            foreach (var demo in DemoMarket.Competitors)
            {
                var competitor = new Competitor(hotelId, demo.Name, demo.ExternalId);
                db.Competitors.Add(competitor);
                foreach (var (category, _) in demo.Categories)
                {
                    if (CompetitorCategoryMatcher.Suggest(category, types) is { } typeId)
                    {
                        db.CompetitorRoomMatches.Add(new CompetitorRoomMatch(hotelId, competitor.Id, category, typeId));
                    }
                }

                added++;
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        return added;
    }
}
