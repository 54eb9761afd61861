using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Stayfull.Domain.Data;
using Stayfull.Domain.Sessions;
using Stayfull.Domain.Tenancy;

namespace Stayfull.Domain.Pricing;

/// <summary>One shop of the competitor set: when, how it went, and what it stored.</summary>
public sealed record RateShopRun(DateTimeOffset At, bool Succeeded, RateShopResult? Result, string? Problem, bool IsTransient);

/// <summary>What a pass of the daily shop did across hotels.</summary>
public sealed record RateShopPass(int Shopped, int Failed, int NotDue);

/// <summary>
/// Runs the competitor-rate shop on demand (a manager's "Shop now") and daily for every hotel, each at its own
/// early-morning slot so hotels do not all call the provider at once. A run is remembered in the audit log
/// (the shop's own "RatesShopped" line, or a "RateShopFailed" one), so every web instance sees the same
/// history. A transient failure (provider down, rate limited) is tried again on a later pass after a growing
/// wait; a refusal (a wrong key) waits for the next day or a manager's retry, so a bad key is not hammered.
/// </summary>
public sealed class RateShopRuns(HotelSessions sessions, RateShopService shop)
{
    public const string FailedAction = "RateShopFailed";
    private const string ShoppedAction = "RatesShopped";

    /// <summary>The first daily slot, in hotel time; hotels spread over the next five hours in quarter hours.</summary>
    private static readonly TimeSpan FirstSlot = TimeSpan.FromHours(1);
    private static readonly TimeSpan FirstRetry = TimeSpan.FromMinutes(15);
    private static readonly TimeSpan LongestRetry = TimeSpan.FromHours(6);

    public async Task<RateShopRun> ShopNowAsync(CancellationToken cancellationToken)
    {
        await sessions.ReadAsync(s => { s.Staff.Require(StaffRole.Manager, "shop competitor rates"); return Task.FromResult(true); }, cancellationToken);
        try
        {
            var result = await shop.ShopAsync(cancellationToken);
            return new RateShopRun(sessions.Time.GetUtcNow(), true, result, null, false);
        }
        catch (RateShopException ex)
        {
            await sessions.WriteAsync(s =>
            {
                s.Audit(nameof(CompetitorRate), s.HotelId, FailedAction, new { Problem = ex.Message, Transient = ex.IsTransient });
                return Task.CompletedTask;
            }, cancellationToken);
            return new RateShopRun(sessions.Time.GetUtcNow(), false, null, ex.Message, ex.IsTransient);
        }
    }

    /// <summary>The latest runs (shops and failures, not imports), newest first.</summary>
    public Task<IReadOnlyList<RateShopRun>> RecentAsync(int count, CancellationToken cancellationToken) =>
        sessions.ReadAsync<IReadOnlyList<RateShopRun>>(async s =>
        {
            s.Staff.Require(StaffRole.Manager, "see competitor rate shops");
            var entries = await s.Db.AuditEntries
                .Where(e => e.EntityType == nameof(CompetitorRate) && (e.Action == ShoppedAction || e.Action == FailedAction))
                .OrderByDescending(e => e.At)
                .Take(Math.Clamp(count, 1, 50) * 4)
                .Select(e => new { e.At, e.Action, e.Details })
                .ToListAsync(cancellationToken);
            return entries.Select(e => Parse(e.At, e.Action, e.Details)).OfType<RateShopRun>().Take(count).ToList();
        }, cancellationToken);

    /// <summary>Shops this hotel when its daily slot has come and today's shop is not done (or is due a retry).</summary>
    /// <returns>The run, or null when nothing was due.</returns>
    public async Task<RateShopRun?> ShopIfDueAsync(CancellationToken cancellationToken)
    {
        var due = await sessions.ReadAsync(async s =>
        {
            var runs = await s.Db.AuditEntries
                .Where(e => e.EntityType == nameof(CompetitorRate) && (e.Action == ShoppedAction || e.Action == FailedAction))
                .OrderByDescending(e => e.At)
                .Take(40)
                .Select(e => new { e.At, e.Action, e.Details })
                .ToListAsync(cancellationToken);
            var history = runs.Select(e => Parse(e.At, e.Action, e.Details)).OfType<RateShopRun>().ToList();
            var local = TimeZoneInfo.ConvertTime(s.Now, s.Hotel.TimeZone);
            return IsDue(s.HotelId, s.Now, local, d => s.Hotel.LocalDate(d), history);
        }, cancellationToken);
        return due ? await ShopNowAsync(cancellationToken) : null;
    }

    /// <param name="history">The hotel's runs, newest first.</param>
    internal static bool IsDue(Guid hotelId, DateTimeOffset now, DateTimeOffset localNow, Func<DateTimeOffset, DateOnly> localDate, IReadOnlyList<RateShopRun> history)
    {
        var today = DateOnly.FromDateTime(localNow.DateTime);
        if (localNow.TimeOfDay < SlotOf(hotelId))
        {
            return false;
        }

        var failures = new List<RateShopRun>();
        foreach (var run in history)
        {
            if (localDate(run.At) != today)
            {
                break;
            }

            if (run.Succeeded)
            {
                return false;
            }

            failures.Add(run);
        }

        if (failures.Count == 0)
        {
            return true;
        }

        if (failures.Any(f => !f.IsTransient))
        {
            return false;
        }

        var wait = TimeSpan.FromTicks(Math.Min(LongestRetry.Ticks, FirstRetry.Ticks * (1L << Math.Min(failures.Count - 1, 10))));
        return now >= failures[0].At + wait;
    }

    /// <summary>The hotel's daily slot: one of twenty quarter hours from 01:00, the same every day.</summary>
    internal static TimeSpan SlotOf(Guid hotelId)
    {
        var spread = hotelId.ToByteArray().Aggregate(7, (hash, b) => unchecked((hash * 31) + b)) & int.MaxValue;
        return FirstSlot + TimeSpan.FromMinutes(15 * (spread % 20));
    }

    private static RateShopRun? Parse(DateTimeOffset at, string action, string details)
    {
        try
        {
            using var json = JsonDocument.Parse(details);
            var root = json.RootElement;
            if (action == FailedAction)
            {
                return new RateShopRun(at, false, null, root.TryGetProperty("Problem", out var p) ? p.GetString() : null, root.TryGetProperty("Transient", out var t) && t.ValueKind == JsonValueKind.True);
            }

            var source = root.TryGetProperty("Source", out var src) && src.TryGetInt32(out var value) ? (RateSource)value : RateSource.Provider;
            return source == RateSource.Import ? null : new RateShopRun(at, true, new RateShopResult(Int(root, "Added"), Int(root, "Changed"), Int(root, "Unchanged"), Int(root, "Ignored")), null, false);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static int Int(JsonElement root, string name) => root.TryGetProperty(name, out var v) && v.TryGetInt32(out var n) ? n : 0;
}

/// <summary>The daily pass over every hotel, each in its own scope acting as the system; one hotel's failure never stops the rest.</summary>
public sealed class DailyRateShop(StayfullDb database, IServiceScopeFactory scopes, ILogger<DailyRateShop> logger)
{
    public async Task<RateShopPass> ShopDueHotelsAsync(CancellationToken cancellationToken)
    {
        List<Guid> hotels;
        await using (var platform = database.ForPlatform())
        {
            hotels = await platform.Hotels.Select(h => h.Id).ToListAsync(cancellationToken);
        }

        int shopped = 0, failed = 0, notDue = 0;
        foreach (var hotelId in hotels)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<BackgroundStaffScope>().Context = StaffContext.System(hotelId);
                switch (await scope.ServiceProvider.GetRequiredService<RateShopRuns>().ShopIfDueAsync(cancellationToken))
                {
                    case null:
                        notDue++;
                        break;
                    case { Succeeded: true }:
                        shopped++;
                        break;
                    case var run:
                        failed++;
                        logger.LogWarning("Competitor rate shop for hotel {HotelId} failed ({Kind}): {Problem}", hotelId, run.IsTransient ? "will retry" : "refused", run.Problem);
                        break;
                }
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                // Anything unexpected for one hotel (its database row, a bug) must not cost the others their shop.
                failed++;
                logger.LogError(ex, "Daily competitor rate shop failed for hotel {HotelId}", hotelId);
            }
        }

        return new RateShopPass(shopped, failed, notDue);
    }
}
