using System.Globalization;
using System.Text.Json;
using Stayfull.Domain.Replies;
using Xunit.Abstractions;

namespace Stayfull.Domain.Tests.Replies;

/// <summary>
/// The built-in generator against a fixed set of real-sounding guest questions (guest-questions.json), each
/// with the knowledge base entry that answers it or "decline" when the default knowledge base cannot.
/// </summary>
public sealed class GuestQuestionSetTests(ITestOutputHelper output)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private sealed record GuestQuestion(string Question, string Expected);

    private static List<GuestQuestion> Questions() =>
        JsonSerializer.Deserialize<List<GuestQuestion>>(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Replies", "guest-questions.json")), Json)!;

    [Fact]
    public void TheBuiltInGeneratorPicksTheRightEntryForMostQuestionsAndDeclinesTheUnknownOnes()
    {
        var questions = Questions();
        var knowledge = ReplyTestData.DefaultKnowledge();
        var known = questions.Where(q => q.Expected != "decline").ToList();
        var unknown = questions.Where(q => q.Expected == "decline").ToList();
        Assert.True(questions.Count >= 60 && unknown.Count >= 15, "The set has at least 60 questions, 15 of them unanswerable.");

        var results = questions.Select(q => (q, s: KnowledgeBaseReplySuggester.Suggest(ReplyTestData.Request(q.Question, knowledge)))).ToList();
        var right = results.Count(r => r.q.Expected != "decline" && r.s.Kind == ReplyKind.Faq && r.s.MatchedEntryTitle == r.q.Expected);
        var declined = results.Count(r => r.q.Expected == "decline" && r.s.Kind == ReplyKind.Declined);
        var answeredWrongly = results.Count(r => r.q.Expected != "decline" && r.s.Kind == ReplyKind.Faq && r.s.MatchedEntryTitle != r.q.Expected);
        var rightShare = (double)right / known.Count;
        var declineShare = (double)declined / unknown.Count;

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Answerable questions: {right}/{known.Count} matched to the right entry ({rightShare:P1}); {answeredWrongly} answered from a wrong entry; {known.Count - right - answeredWrongly} declined."));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Unanswerable questions: {declined}/{unknown.Count} declined ({declineShare:P1})."));
        foreach (var band in new[] { (0.5, 0.7), (0.7, 0.8), (0.8, 0.9), (0.9, 1.01) })
        {
            var inBand = results.Where(r => r.s.Kind == ReplyKind.Faq && r.s.Confidence >= band.Item1 && r.s.Confidence < band.Item2).ToList();
            var correct = inBand.Count(r => r.s.MatchedEntryTitle == r.q.Expected);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Confidence {band.Item1:0.0}-{Math.Min(band.Item2, 1):0.0}: {correct}/{inBand.Count} right"));
        }

        foreach (var (q, s) in results.Where(r => r.q.Expected == "decline" ? r.s.Kind != ReplyKind.Declined : r.s.MatchedEntryTitle != r.q.Expected))
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  miss: \"{q.Question}\" expected {q.Expected}, got {s.Kind} {s.MatchedEntryTitle} ({s.Confidence:0.00}); terms: {string.Join(' ', QuestionText.Terms(q.Question))}; ranked: {string.Join(", ", new KnowledgeRetriever(knowledge).Rank(q.Question, 3).Select(m => $"{m.Entry.Title} {m.Score:0.0}/{m.Coverage:0.00}"))}"));
        }

        Assert.True(rightShare >= 0.85, $"Only {rightShare:P0} of answerable questions got the right entry.");
        Assert.True(declineShare >= 0.80, $"Only {declineShare:P0} of unanswerable questions were declined.");
    }

    [Fact]
    public void AnswersAboveTheDefaultThresholdAreRightForEveryQuestionOfTheSet()
    {
        // What automatic replies would send: nothing above the default threshold may be a wrong entry.
        var questions = Questions();
        var knowledge = ReplyTestData.DefaultKnowledge();
        var confidentAndWrong = questions
            .Select(q => (q, s: KnowledgeBaseReplySuggester.Suggest(ReplyTestData.Request(q.Question, knowledge))))
            .Where(r => r.s.Kind == ReplyKind.Faq && r.s.Confidence >= ReplySettings.DefaultThreshold && r.s.MatchedEntryTitle != r.q.Expected)
            .Select(r => r.q.Question)
            .ToList();
        Assert.Empty(confidentAndWrong);
    }
}
