namespace Stayfull.Domain.Pricing;

/// <summary>
/// Suggests which of our room types a competitor's room category compares to, by its name: the class of
/// room (standard, superior, suite) must agree, then the bedding (double, twin, single, family), then the
/// words they share. "Double" and "Standard Double" both suggest our "Double Room"; "Deluxe Sea View"
/// suggests "Superior Sea View", never a suite. No suggestion is better than a wrong one.
/// </summary>
public static class CompetitorCategoryMatcher
{
    private static readonly HashSet<string> Filler = new(StringComparer.Ordinal) { "room", "rooms", "the", "with", "and", "a", "of", "for", "bedroom" };

    private static readonly Dictionary<string, string> Synonyms = new(StringComparer.Ordinal)
    {
        ["dbl"] = "double", ["std"] = "standard", ["twn"] = "twin", ["sgl"] = "single", ["sup"] = "superior",
        ["dlx"] = "deluxe", ["jr"] = "junior", ["ste"] = "suite", ["king"] = "double", ["queen"] = "double",
        ["classic"] = "standard", ["comfort"] = "standard", ["economy"] = "standard", ["budget"] = "standard",
        ["doppelzimmer"] = "double", ["doble"] = "double", ["duplo"] = "double", ["quarto"] = "room",
    };

    private static readonly string[] SuiteWords = ["suite", "apartment", "penthouse"];
    private static readonly string[] SuperiorWords = ["superior", "deluxe", "premium", "executive", "sea", "view", "balcony", "club"];

    /// <summary>The room type <paramref name="category"/> most likely compares to, or null when none is a safe guess.</summary>
    public static Guid? Suggest(string category, IEnumerable<(Guid Id, string Name)> roomTypes)
    {
        var theirs = Describe(category);
        Guid? best = null;
        var bestScore = 0.0;
        foreach (var (id, name) in roomTypes)
        {
            var ours = Describe(name);
            if (ours.Level != theirs.Level)
            {
                continue;
            }

            var shared = ours.Words.Intersect(theirs.Words).Count();
            var all = ours.Words.Union(theirs.Words).Count();
            var score = (ours.Bedding == theirs.Bedding ? 1.0 : 0.0) + (all == 0 ? 0 : (double)shared / all);
            if (score > bestScore)
            {
                (best, bestScore) = (id, score);
            }
        }

        return bestScore >= 1.0 ? best : null;
    }

    internal static (string Level, string Bedding, HashSet<string> Words) Describe(string name)
    {
        var words = name.ToLowerInvariant()
            .Split([' ', '-', '_', '/', ',', '.', '(', ')', '+', '&'], StringSplitOptions.RemoveEmptyEntries)
            .Select(w => Synonyms.TryGetValue(w, out var same) ? same : w)
            .Where(w => !Filler.Contains(w))
            .ToHashSet(StringComparer.Ordinal);
        var level = words.Overlaps(SuiteWords) ? "suite" : words.Overlaps(SuperiorWords) ? "superior" : "standard";
        var bedding = words.Contains("family") || words.Contains("triple") || words.Contains("quadruple") ? "family"
            : words.Contains("twin") ? "twin"
            : words.Contains("single") ? "single"
            : "double";
        return (level, bedding, words);
    }
}
