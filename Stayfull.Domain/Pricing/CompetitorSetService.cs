using Microsoft.EntityFrameworkCore;
using Stayfull.Domain.Common;
using Stayfull.Domain.Live;
using Stayfull.Domain.Sessions;
using Stayfull.Domain.Tenancy;

namespace Stayfull.Domain.Pricing;

/// <summary>One of our room types, as a match target.</summary>
public sealed record MatchTarget(Guid Id, string Code, string Name);

/// <summary>A competitor's room category: the room type it is matched to, and the one its name suggests.</summary>
public sealed record CompetitorCategoryView(string Category, Guid? MatchedRoomTypeId, Guid? SuggestedRoomTypeId, int RatesStored);

public sealed record CompetitorView(Guid Id, string Name, string ExternalId, IReadOnlyList<CompetitorCategoryView> Categories);

/// <summary>The competitor set as the settings page shows it; <see cref="Warning"/> says when the set is too small to trust.</summary>
public sealed record CompetitorSetView(IReadOnlyList<CompetitorView> Competitors, IReadOnlyList<MatchTarget> RoomTypes, string? Warning);

/// <summary>A competitor's price for one stay date and category now, and each move we saw, newest first.</summary>
public sealed record CompetitorPriceHistory(string Competitor, DateOnly Date, string Category, Money? Current, DateTimeOffset? LastSeenAt, IReadOnlyList<CompetitorPriceMove> Moves);

public sealed record CompetitorPriceMove(DateTimeOffset SeenAt, long OldPriceMinor, long NewPriceMinor);

/// <summary>
/// The hotel's competitor set (managers only): <see cref="Competitor.MinSet"/> to <see cref="Competitor.MaxSet"/>
/// hotels, and which of their room categories compares to each of our room types. Categories come from the
/// rates shopped or imported, so a competitor's categories appear once its prices do.
/// </summary>
public sealed class CompetitorSetService(HotelSessions sessions)
{
    public Task<CompetitorSetView> GetAsync(CancellationToken cancellationToken) =>
        sessions.ReadAsync(async s =>
        {
            s.Staff.Require(StaffRole.Manager, "see the competitor set");
            var competitors = await s.Db.Competitors.OrderBy(c => c.Name).ToListAsync(cancellationToken);
            var types = await s.Db.RoomTypes.OrderBy(t => t.Code).Select(t => new MatchTarget(t.Id, t.Code, t.Name)).ToListAsync(cancellationToken);
            var matches = await s.Db.CompetitorRoomMatches.ToListAsync(cancellationToken);
            var seen = await s.Db.CompetitorRates.GroupBy(r => new { r.CompetitorId, r.Category })
                .Select(g => new { g.Key.CompetitorId, g.Key.Category, Count = g.Count() })
                .ToListAsync(cancellationToken);
            var targets = types.Select(t => (t.Id, t.Name)).ToList();
            var views = competitors.Select(c =>
            {
                var categories = seen.Where(x => x.CompetitorId == c.Id).Select(x => x.Category)
                    .Concat(matches.Where(m => m.CompetitorId == c.Id).Select(m => m.Category))
                    .Distinct(StringComparer.Ordinal)
                    .Order(StringComparer.OrdinalIgnoreCase)
                    .Select(category => new CompetitorCategoryView(
                        category,
                        matches.FirstOrDefault(m => m.CompetitorId == c.Id && m.Category == category)?.RoomTypeId,
                        CompetitorCategoryMatcher.Suggest(category, targets),
                        seen.FirstOrDefault(x => x.CompetitorId == c.Id && x.Category == category)?.Count ?? 0))
                    .ToList();
                return new CompetitorView(c.Id, c.Name, c.ExternalId, categories);
            }).ToList();
            var warning = views.Count < Competitor.MinSet
                ? $"{views.Count} of at least {Competitor.MinSet} competitors: with so few hotels the market median is easily swayed by one of them."
                : null;
            return new CompetitorSetView(views, types, warning);
        }, cancellationToken);

    public Task<Guid> AddAsync(string name, string externalId, CancellationToken cancellationToken) =>
        sessions.WriteAsync(async s =>
        {
            s.Staff.Require(StaffRole.Manager, "change the competitor set");
            (name, externalId) = (Required(name, "Name", 200), Required(externalId, "ExternalId", 100));
            var set = await s.Db.Competitors.ToListAsync(cancellationToken);
            if (set.Count >= Competitor.MaxSet)
            {
                throw new RuleViolationException($"A competitor set holds at most {Competitor.MaxSet} hotels. Remove one before adding {name}.");
            }

            if (set.Any(c => string.Equals(c.ExternalId, externalId, StringComparison.OrdinalIgnoreCase)))
            {
                throw new RuleViolationException($"The rate provider's hotel {externalId} is already in the set.");
            }

            var competitor = new Competitor(s.HotelId, name, externalId);
            s.Db.Competitors.Add(competitor);
            s.Audit(nameof(Competitor), competitor.Id, "Added", new { name, externalId });
            s.Announce(ChangeTopic.Settings, competitor.Id, $"Competitor {name} added");
            return competitor.Id;
        }, cancellationToken);

    public Task RenameAsync(Guid competitorId, string name, CancellationToken cancellationToken) =>
        sessions.WriteAsync(async s =>
        {
            s.Staff.Require(StaffRole.Manager, "change the competitor set");
            name = Required(name, "Name", 200);
            var competitor = await FindAsync(s, competitorId, cancellationToken);
            s.Audit(nameof(Competitor), competitor.Id, "Renamed", new { From = competitor.Name, To = name });
            competitor.Rename(name);
            s.Announce(ChangeTopic.Settings, competitor.Id, $"Competitor {name} renamed");
        }, cancellationToken);

    /// <summary>Removes the competitor with its matches, prices and their history.</summary>
    public Task RemoveAsync(Guid competitorId, CancellationToken cancellationToken) =>
        sessions.WriteAsync(async s =>
        {
            s.Staff.Require(StaffRole.Manager, "change the competitor set");
            var competitor = await FindAsync(s, competitorId, cancellationToken);
            // Its matches, prices and their history go with it (the database cascades, in the same save).
            s.Db.Competitors.Remove(competitor);
            s.Audit(nameof(Competitor), competitor.Id, "Removed", new { competitor.Name, competitor.ExternalId });
            s.Announce(ChangeTopic.Settings, competitor.Id, $"Competitor {competitor.Name} removed", ChangeKind.Removed);
        }, cancellationToken);

    /// <summary>Compares the competitor's <paramref name="category"/> to <paramref name="roomTypeId"/>, or to none when null.</summary>
    public Task MatchAsync(Guid competitorId, string category, Guid? roomTypeId, CancellationToken cancellationToken) =>
        sessions.WriteAsync(async s =>
        {
            s.Staff.Require(StaffRole.Manager, "match competitor rooms");
            category = Required(category, "Category", 100);
            var competitor = await FindAsync(s, competitorId, cancellationToken);
            if (roomTypeId is { } typeId && !await s.Db.RoomTypes.AnyAsync(t => t.Id == typeId, cancellationToken))
            {
                throw new NotFoundException("Room type");
            }

            var existing = await s.Db.CompetitorRoomMatches.FirstOrDefaultAsync(m => m.CompetitorId == competitorId && m.Category == category, cancellationToken);
            if (existing is not null)
            {
                s.Db.CompetitorRoomMatches.Remove(existing);
            }

            if (roomTypeId is { } target)
            {
                if (existing is not null)
                {
                    // The old row leaves in the same save; a new id keeps the unique index honest on every provider.
                    await s.Db.SaveChangesAsync(cancellationToken);
                }

                s.Db.CompetitorRoomMatches.Add(new CompetitorRoomMatch(s.HotelId, competitorId, category, target));
            }

            s.Audit(nameof(CompetitorRoomMatch), competitor.Id, "Matched", new { competitor.Name, category, RoomTypeId = roomTypeId });
            s.Announce(ChangeTopic.Settings, competitor.Id, $"{competitor.Name} {category} matched");
        }, cancellationToken);

    /// <summary>Matches every unmatched category that has a suggestion; returns how many were matched.</summary>
    public Task<int> AcceptSuggestionsAsync(CancellationToken cancellationToken) =>
        sessions.WriteAsync(async s =>
        {
            s.Staff.Require(StaffRole.Manager, "match competitor rooms");
            var types = await s.Db.RoomTypes.Select(t => new { t.Id, t.Name }).ToListAsync(cancellationToken);
            var targets = types.Select(t => (t.Id, t.Name)).ToList();
            var matched = (await s.Db.CompetitorRoomMatches.Select(m => new { m.CompetitorId, m.Category }).ToListAsync(cancellationToken))
                .Select(m => (m.CompetitorId, m.Category)).ToHashSet();
            var seen = await s.Db.CompetitorRates.Select(r => new { r.CompetitorId, r.Category }).Distinct().ToListAsync(cancellationToken);
            var added = 0;
            foreach (var pair in seen.Where(p => !matched.Contains((p.CompetitorId, p.Category))))
            {
                if (CompetitorCategoryMatcher.Suggest(pair.Category, targets) is { } typeId)
                {
                    s.Db.CompetitorRoomMatches.Add(new CompetitorRoomMatch(s.HotelId, pair.CompetitorId, pair.Category, typeId));
                    added++;
                }
            }

            if (added > 0)
            {
                s.Audit(nameof(CompetitorRoomMatch), s.HotelId, "SuggestionsAccepted", new { Matched = added });
                s.Announce(ChangeTopic.Settings, null, $"{added} competitor categories matched");
            }

            return added;
        }, cancellationToken);

    /// <summary>The competitor's price for <paramref name="date"/> in <paramref name="category"/> and how it moved.</summary>
    public Task<CompetitorPriceHistory> HistoryAsync(Guid competitorId, DateOnly date, string category, CancellationToken cancellationToken) =>
        sessions.ReadAsync(async s =>
        {
            s.Staff.Require(StaffRole.Manager, "see competitor prices");
            var competitor = await FindAsync(s, competitorId, cancellationToken);
            var current = await s.Db.CompetitorRates.FirstOrDefaultAsync(r => r.CompetitorId == competitorId && r.Date == date && r.Category == category, cancellationToken);
            var moves = await s.Db.CompetitorRateChanges.Where(c => c.CompetitorId == competitorId && c.Date == date && c.Category == category)
                .OrderByDescending(c => c.SeenAt)
                .Select(c => new CompetitorPriceMove(c.SeenAt, c.OldPriceMinor, c.NewPriceMinor))
                .ToListAsync(cancellationToken);
            return new CompetitorPriceHistory(competitor.Name, date, category, current is null ? null : new Money(current.PriceMinor, current.Currency), current?.FetchedAt, moves);
        }, cancellationToken);

    private static async Task<Competitor> FindAsync(HotelSession s, Guid competitorId, CancellationToken cancellationToken) =>
        await s.Db.Competitors.FirstOrDefaultAsync(c => c.Id == competitorId, cancellationToken) ?? throw new NotFoundException("Competitor");

    private static string Required(string? value, string field, int maxLength)
    {
        var trimmed = value?.Trim() ?? "";
        return trimmed.Length == 0 ? throw ValidationException.For(field, $"{field} is required.")
            : trimmed.Length > maxLength ? throw ValidationException.For(field, $"{field} is longer than {maxLength} characters.")
            : trimmed;
    }
}
