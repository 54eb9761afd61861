namespace Stayfull.Domain.Channels.Mapping;

/// <summary>
/// Guesses which channel room type and rate plan sells each of ours, by their names and codes
/// ("Deluxe King" ↔ "DLX King Room"). Only a guess for staff to accept: nothing is mapped without them.
/// </summary>
public static class MappingSuggester
{
    private const double Threshold = 0.45;

    private static readonly Dictionary<string, string> Abbreviations = new(StringComparer.Ordinal)
    {
        ["dlx"] = "deluxe", ["delux"] = "deluxe", ["std"] = "standard", ["stand"] = "standard", ["dbl"] = "double", ["sgl"] = "single",
        ["ste"] = "suite", ["kng"] = "king", ["k"] = "king", ["q"] = "queen", ["qn"] = "queen", ["twn"] = "twin", ["sup"] = "superior",
        ["fam"] = "family", ["exec"] = "executive", ["jr"] = "junior", ["apt"] = "apartment", ["trpl"] = "triple", ["tpl"] = "triple",
        ["bb"] = "breakfast", ["b&b"] = "breakfast", ["nr"] = "nonrefundable", ["nonref"] = "nonrefundable", ["flex"] = "flexible",
    };

    // Words that say what every room or rate is; they match anything and so tell nothing apart.
    private static readonly HashSet<string> Filler = new(StringComparer.Ordinal) { "room", "rooms", "rate", "plan", "the", "with", "and", "demo", "rt", "rp" };

    private static readonly string[] DefaultPlanWords = ["standard", "bar", "best", "flexible", "base", "default"];

    /// <returns>For each of our room types (by id) the channel room type that reads most like it, each channel type used once.</returns>
    public static IReadOnlyDictionary<Guid, string> RoomTypes(IReadOnlyList<OurRoomType> ours, IReadOnlyList<ChannelRoomType> theirs)
    {
        var pairs = from o in ours
                    from t in theirs
                    let score = Score(o.Code, o.Name, t.Id, t.Title)
                    where score >= Threshold
                    orderby score descending
                    select (Ours: o.Id, Theirs: t.Id);
        return Greedy(pairs);
    }

    /// <returns>For each of our rate plans (by id) the channel rate plan of <paramref name="channelRoomTypeId"/> that reads most like it; the default plan falls back to the channel's standard rate.</returns>
    public static IReadOnlyDictionary<Guid, string> RatePlans(IReadOnlyList<OurRatePlan> ours, string roomTypeCode, string channelRoomTypeId, IReadOnlyList<ChannelRatePlan> theirs)
    {
        var candidates = theirs.Where(p => p.RoomTypeId == channelRoomTypeId).ToList();
        var pairs = from o in ours
                    from t in candidates
                    let score = Score(o.Code, o.Name, t.Id, t.Title, roomTypeCode)
                    where score >= Threshold
                    orderby score descending
                    select (Ours: o.Id, Theirs: t.Id);
        var chosen = new Dictionary<Guid, string>(Greedy(pairs));
        if (ours.FirstOrDefault(p => p.IsDefault) is { } main && !chosen.ContainsKey(main.Id))
        {
            var standard = candidates.Where(t => !chosen.ContainsValue(t.Id)).FirstOrDefault(t => Words(t.Title).Any(DefaultPlanWords.Contains))
                ?? (candidates.Count == 1 && chosen.Count == 0 ? candidates[0] : null);
            if (standard is not null)
            {
                chosen[main.Id] = standard.Id;
            }
        }

        return chosen;
    }

    /// <summary>How alike two names are, 0 to 1. A channel id ending in our code (the demo property's ids) is a sure match.</summary>
    internal static double Score(string ourCode, string ourName, string theirId, string theirTitle, string? within = null)
    {
        var suffix = "-" + (within is null ? "" : within.ToLowerInvariant() + "-") + ourCode.ToLowerInvariant();
        if (theirId.EndsWith(suffix, StringComparison.Ordinal))
        {
            return 1;
        }

        var mine = Words(ourName).Concat(Words(ourCode)).ToHashSet(StringComparer.Ordinal);
        var theirsWords = Words(theirTitle).ToHashSet(StringComparer.Ordinal);
        if (mine.Count == 0 || theirsWords.Count == 0)
        {
            return 0;
        }

        var shared = mine.Count(theirsWords.Contains);
        var nameWords = Words(ourName).ToHashSet(StringComparer.Ordinal);
        var nameShared = nameWords.Count(theirsWords.Contains);
        return Math.Max((double)shared / Math.Max(theirsWords.Count, 1), nameWords.Count == 0 ? 0 : (double)nameShared / Math.Max(nameWords.Count, theirsWords.Count));
    }

    internal static IEnumerable<string> Words(string text) =>
        text.ToLowerInvariant()
            .Split([' ', '-', '_', '/', ',', '.', '(', ')', '+'], StringSplitOptions.RemoveEmptyEntries)
            .Select(w => Abbreviations.TryGetValue(w, out var full) ? full : w)
            .Where(w => !Filler.Contains(w));

    private static Dictionary<Guid, string> Greedy(IEnumerable<(Guid Ours, string Theirs)> ranked)
    {
        var chosen = new Dictionary<Guid, string>();
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (ours, theirs) in ranked)
        {
            if (!chosen.ContainsKey(ours) && used.Add(theirs))
            {
                chosen[ours] = theirs;
            }
        }

        return chosen;
    }
}

public sealed record OurRoomType(Guid Id, string Code, string Name);

public sealed record OurRatePlan(Guid Id, string Code, string Name, bool IsDefault);
