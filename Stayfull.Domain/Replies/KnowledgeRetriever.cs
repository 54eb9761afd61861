namespace Stayfull.Domain.Replies;

/// <summary>One knowledge base entry as retrieval ranked it for a question.</summary>
/// <param name="Coverage">0..1: how much of the question (weighted by how telling each word is) the entry speaks to.</param>
public sealed record KnowledgeMatch(KnowledgeFact Entry, double Score, double Coverage);

/// <summary>
/// Ranks knowledge base entries for a question with BM25 over three fields (the ways guests phrase it count
/// most, then the title, then the answer). The ranking alone cannot tell "no entry answers this" from "this
/// entry answers it", so each match also carries its coverage: the share of the question's telling words the
/// entry knows. Words no entry has ever used ("dentist", "museum") weigh half as much as the rarest known word:
/// enough to make unrelated questions fall short and be declined, not so much that one word of context ("we
/// travel with a small puppy") sinks a question the knowledge base does answer.
/// </summary>
public sealed class KnowledgeRetriever
{
    private const double K1 = 1.2;
    private const double B = 0.5;
    private const double PhrasingWeight = 3;
    private const double TitleWeight = 2;
    private const double AnswerWeight = 1;

    private readonly List<IndexedEntry> _entries;
    private readonly Dictionary<string, int> _documentFrequency = new(StringComparer.Ordinal);
    private readonly double _averageLength;
    private readonly double _unknownWeight;

    public KnowledgeRetriever(IReadOnlyList<KnowledgeFact> knowledge)
    {
        _entries = [.. knowledge.Select(IndexedEntry.Of)];
        foreach (var entry in _entries)
        {
            foreach (var term in entry.Weighted.Keys)
            {
                _documentFrequency[term] = _documentFrequency.GetValueOrDefault(term) + 1;
            }
        }

        _averageLength = _entries.Count == 0 ? 1 : Math.Max(1, _entries.Average(e => e.Length));
        _unknownWeight = Idf(1) / 2;
    }

    /// <summary>The best entries first, only those sharing at least one word with the question.</summary>
    public IReadOnlyList<KnowledgeMatch> Rank(string question, int take = 5)
    {
        var terms = Resolve(QuestionText.Terms(question)).Distinct(StringComparer.Ordinal).ToList();
        if (terms.Count == 0 || _entries.Count == 0)
        {
            return [];
        }

        var matches = new List<KnowledgeMatch>();
        foreach (var entry in _entries)
        {
            var score = 0.0;
            var covered = 0.0;
            var total = 0.0;
            foreach (var term in terms)
            {
                var known = _documentFrequency.TryGetValue(term, out var df);
                var weight = known ? Idf(df) : _unknownWeight;
                total += weight;
                if (!entry.Weighted.TryGetValue(term, out var tf))
                {
                    continue;
                }

                score += Idf(df) * tf * (K1 + 1) / (tf + (K1 * (1 - B + (B * entry.Length / _averageLength))));
                covered += entry.Asked.Contains(term) ? weight : weight / 2;
            }

            if (score > 0)
            {
                matches.Add(new KnowledgeMatch(entry.Fact, score, total == 0 ? 0 : covered / total));
            }
        }

        return [.. matches.OrderByDescending(m => m.Score).ThenByDescending(m => m.Coverage).Take(take)];
    }

    /// <summary>Terms no entry uses are matched to a known one within a typo or two ("brekfast" → breakfast).</summary>
    private IEnumerable<string> Resolve(IReadOnlyList<string> terms)
    {
        foreach (var term in terms)
        {
            if (_documentFrequency.ContainsKey(term) || term.Length < 4)
            {
                yield return term;
                continue;
            }

            var limit = term.Length >= 8 ? 2 : 1;
            var best = _documentFrequency.Keys
                .Where(k => k.Length >= 4 && k[0] == term[0])
                .Select(k => (Term: k, Distance: QuestionText.Distance(term, k, limit)))
                .Where(c => c.Distance <= limit)
                .OrderBy(c => c.Distance)
                .ThenByDescending(c => _documentFrequency[c.Term])
                .Select(c => c.Term)
                .FirstOrDefault();
            yield return best ?? term;
        }
    }

    private double Idf(int documentFrequency) =>
        Math.Log(1 + ((_entries.Count - documentFrequency + 0.5) / (documentFrequency + 0.5)));

    private sealed record IndexedEntry(KnowledgeFact Fact, Dictionary<string, double> Weighted, HashSet<string> Asked, double Length)
    {
        public static IndexedEntry Of(KnowledgeFact fact)
        {
            var weighted = new Dictionary<string, double>(StringComparer.Ordinal);
            var asked = new HashSet<string>(StringComparer.Ordinal);
            var length = 0.0;
            void Add(IEnumerable<string> terms, double weight, bool isAsked)
            {
                foreach (var term in terms)
                {
                    weighted[term] = weighted.GetValueOrDefault(term) + weight;
                    length += weight;
                    if (isAsked)
                    {
                        asked.Add(term);
                    }
                }
            }

            // Each phrasing counts once per term, so an entry with many phrasings is not favoured for its length alone.
            foreach (var phrasing in fact.Phrasings)
            {
                Add(QuestionText.Terms(phrasing).Distinct(StringComparer.Ordinal), PhrasingWeight / Math.Max(1, Math.Sqrt(fact.Phrasings.Count)), isAsked: true);
            }

            Add(QuestionText.Terms(fact.Title), TitleWeight, isAsked: true);
            Add(QuestionText.Terms(fact.Answer).Distinct(StringComparer.Ordinal), AnswerWeight, isAsked: false);
            return new IndexedEntry(fact, weighted, asked, length);
        }
    }
}
