using BenchmarkDotNet.Attributes;
using Stayfull.Domain.Replies;

namespace Stayfull.Bench;

/// <summary>
/// The built-in reply generator answers inside the session that stores a guest's message (automatic replies),
/// so its cost per message matters: one known question and one it must decline, against the default knowledge
/// base (20 entries) and a large one (200 entries).
/// </summary>
[MemoryDiagnoser]
public class ReplySuggestionBenchmarks
{
    private static readonly HotelFacts Hotel = new("Harbour View Hotel", new TimeOnly(15, 0), new TimeOnly(11, 0));

    private IReadOnlyList<KnowledgeFact> _knowledge = [];

    [Params(20, 200)]
    public int Entries { get; set; }

    [GlobalSetup]
    public void SetUp()
    {
        var hotelId = Guid.CreateVersion7();
        var now = DateTimeOffset.UtcNow;
        var defaults = DefaultKnowledgeBase.Entries("EUR");
        _knowledge = [.. Enumerable.Range(0, Entries)
            .Select(i => defaults[i % defaults.Count] with { Title = $"{defaults[i % defaults.Count].Title} {i / defaults.Count}" })
            .Select(values => KnowledgeFact.Of(new KnowledgeBaseEntry(hotelId, values, "bench", now)))];
    }

    [Benchmark]
    public ReplySuggestion KnownQuestion() =>
        KnowledgeBaseReplySuggester.Suggest(new ReplyRequest("hi, can i park my car at the hotel and how much is it?", "Jan", "en", Hotel, null, _knowledge));

    [Benchmark]
    public ReplySuggestion UnknownQuestion() =>
        KnowledgeBaseReplySuggester.Suggest(new ReplyRequest("can you recommend a good dentist near the old town?", "Jan", "en", Hotel, null, _knowledge));
}
