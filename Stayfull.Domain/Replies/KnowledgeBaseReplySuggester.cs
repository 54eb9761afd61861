using System.Globalization;

namespace Stayfull.Domain.Replies;

/// <summary>
/// The built-in generator, used when no language model is configured and always for automatic replies (it
/// needs no network): questions about the guest's own booking are answered from its facts, others from the
/// knowledge base entry retrieval ranks first, and when nothing answers well it says so honestly and leaves
/// the question to a colleague. Its confidence is the entry's coverage of the question, discounted when a
/// second entry ranks almost as high (then it is not clear which one the guest meant).
/// </summary>
public sealed class KnowledgeBaseReplySuggester : IReplySuggester
{
    /// <summary>Below this the best entry is a guess: decline instead.</summary>
    public const double DeclineBelow = 0.5;

    public Task<ReplySuggestion> SuggestAsync(ReplyRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(Suggest(request));

    public static ReplySuggestion Suggest(ReplyRequest request) => Suggest(request, new KnowledgeRetriever(request.Knowledge));

    public static ReplySuggestion Suggest(ReplyRequest request, KnowledgeRetriever retriever)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (topic, needsPerson) = TopicClassifier.Classify(request.Question);
        var factQuestion = ReservationFactAnswers.Recognise(request.Question);
        if (ReservationFactAnswers.Answer(factQuestion, request, topic, needsPerson) is { } fact)
        {
            return fact;
        }

        if (factQuestion is FactQuestion.RoomNumber or FactQuestion.Balance or FactQuestion.DoorCode or FactQuestion.StayDates)
        {
            // About a booking, but this message is not linked to one: only a person can look it up safely.
            return Decline(request, topic, needsPerson ?? "The message is about a booking it is not linked to.", 0.2);
        }

        var ranked = retriever.Rank(request.Question, take: 2);
        if (ranked.Count == 0)
        {
            return Decline(request, topic, needsPerson, 0);
        }

        var confidence = ConfidenceOf(ranked);
        var best = ranked[0];
        if (confidence < DeclineBelow)
        {
            return Decline(request, topic, needsPerson, confidence);
        }

        return new ReplySuggestion(Greeting(request.GuestName) + Fill(best.Entry.Answer, request.Hotel), confidence, ReplyKind.Faq, best.Entry.Id, best.Entry.Title, topic, needsPerson);
    }

    /// <summary>The best entry's coverage of the question, lowered by up to a quarter when the runner-up scores close to it.</summary>
    public static double ConfidenceOf(IReadOnlyList<KnowledgeMatch> ranked)
    {
        if (ranked.Count == 0)
        {
            return 0;
        }

        var best = ranked[0];
        var margin = ranked.Count > 1 && best.Score > 0 ? (best.Score - ranked[1].Score) / best.Score : 1;
        return Math.Round(Math.Min(0.97, best.Coverage * (0.75 + (0.25 * margin))), 2);
    }

    /// <summary>Puts the hotel's own hours and name into an answer that mentions them.</summary>
    public static string Fill(string answer, HotelFacts hotel) => answer
        .Replace("{check-in time}", hotel.CheckInTime.ToString("HH:mm", CultureInfo.InvariantCulture), StringComparison.OrdinalIgnoreCase)
        .Replace("{check-out time}", hotel.CheckOutTime.ToString("HH:mm", CultureInfo.InvariantCulture), StringComparison.OrdinalIgnoreCase)
        .Replace("{hotel}", hotel.Name, StringComparison.OrdinalIgnoreCase);

    private static ReplySuggestion Decline(ReplyRequest request, ReplyTopic topic, string? needsPerson, double confidence) => new(
        $"{Greeting(request.GuestName)}Thank you for your message. I don't have that information to hand, so I have passed your question on: a colleague will get back to you shortly.",
        Math.Round(Math.Min(confidence, 0.3), 2),
        ReplyKind.Declined,
        null,
        null,
        topic,
        needsPerson ?? "Nothing in the knowledge base answers this: a person should reply.");

    private static string Greeting(string? guestName) =>
        string.IsNullOrWhiteSpace(guestName) ? "" : $"Hello {guestName.Trim().Split(' ')[0]}! ";
}
