using System.Globalization;
using System.Text;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace Stayfull.Domain.Replies;

/// <summary>How the language model is used for suggested replies.</summary>
public sealed class ChatReplyOptions
{
    /// <summary>How long a suggestion may take before the built-in answer is shown instead.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>How many of the best-matching knowledge base entries the model is given.</summary>
    public int EntriesInPrompt { get; set; } = 4;
}

/// <summary>
/// Suggested replies written by a language model (any <see cref="IChatClient"/>), grounded only in the best
/// knowledge base entries for the question and the guest's booking. The model answers in the guest's language,
/// briefly, and marks its answer <c>[PASS]</c> when the facts don't answer the question, which makes the
/// suggestion a decline. Its confidence is the retrieval's (a model sounds sure whether or not it is). Any
/// failure or timeout of the model gives the built-in answer instead.
/// </summary>
public sealed class ChatClientReplySuggester(IChatClient chat, ChatReplyOptions options, ILogger<ChatClientReplySuggester> logger) : IReplySuggester
{
    public const string PassMarker = "[PASS]";

    public async Task<ReplySuggestion> SuggestAsync(ReplyRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var retriever = new KnowledgeRetriever(request.Knowledge);
        var fallback = KnowledgeBaseReplySuggester.Suggest(request, retriever);
        var ranked = retriever.Rank(request.Question, take: Math.Max(1, options.EntriesInPrompt));
        string text;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(options.Timeout);
            var response = await chat.GetResponseAsync(
                [new ChatMessage(ChatRole.System, SystemPrompt(request, ranked)), new ChatMessage(ChatRole.User, request.Question)],
                new ChatOptions { Temperature = 0.2f, MaxOutputTokens = 400 },
                timeout.Token);
            text = response.Text.Trim();
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(ex, "The reply model failed ({Error}); the built-in answer is suggested instead", ex.GetType().Name);
            return fallback;
        }

        if (text.Length == 0)
        {
            logger.LogWarning("The reply model returned no text; the built-in answer is suggested instead");
            return fallback;
        }

        var retrievalConfidence = fallback.Kind == ReplyKind.ReservationFact ? fallback.Confidence : KnowledgeBaseReplySuggester.ConfidenceOf(ranked);
        // The entry the model leaned on most: retrieval's first, even when too weak for the built-in answer (another language).
        var top = fallback.Kind != ReplyKind.ReservationFact && ranked.Count > 0 ? ranked[0] : null;
        if (text.StartsWith(PassMarker, StringComparison.OrdinalIgnoreCase) || text.Contains(PassMarker, StringComparison.OrdinalIgnoreCase))
        {
            var passOn = text.Replace(PassMarker, "", StringComparison.OrdinalIgnoreCase).Trim();
            return new ReplySuggestion(
                passOn.Length > 0 ? passOn : fallback.Text,
                Math.Round(Math.Min(retrievalConfidence, 0.3), 2),
                ReplyKind.Declined,
                null,
                null,
                fallback.Topic,
                fallback.NeedsPerson ?? "The knowledge base and the booking don't answer this: a person should reply.");
        }

        // Answered although retrieval found nothing solid: shown, but as unsure as the retrieval was.
        return new ReplySuggestion(text, retrievalConfidence, ReplyKind.Model, top?.Entry.Id, top?.Entry.Title, fallback.Topic, fallback.NeedsPerson);
    }

    /// <summary>The grounding: who the hotel is, the guest's booking, and the entries retrieval found; nothing else.</summary>
    public static string SystemPrompt(ReplyRequest request, IReadOnlyList<KnowledgeMatch> entries)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(entries);
        var hotel = request.Hotel;
        var prompt = new StringBuilder();
        prompt.AppendLine(CultureInfo.InvariantCulture, $"You answer guests' messages for the staff of the hotel \"{hotel.Name}\".");
        prompt.AppendLine("Use ONLY the facts below: never invent prices, times, services or policies that are not in them.");
        prompt.AppendLine(CultureInfo.InvariantCulture, $"Write in the guest's language (language code \"{request.Language}\"), briefly (at most three sentences), warmly and politely.");
        prompt.AppendLine("Never write a door code or PIN: say the code is sent to the guest by message and shown on the online check-in page.");
        prompt.AppendLine(CultureInfo.InvariantCulture, $"If the facts do not contain the answer, start your reply with {PassMarker} and then only tell the guest, in their language, that you are passing the question to a colleague who will answer soon.");
        prompt.AppendLine();
        prompt.AppendLine("# Hotel");
        prompt.AppendLine(CultureInfo.InvariantCulture, $"Check-in from {hotel.CheckInTime:HH\\:mm}; check-out by {hotel.CheckOutTime:HH\\:mm}.");
        if (!string.IsNullOrWhiteSpace(request.GuestName))
        {
            prompt.AppendLine(CultureInfo.InvariantCulture, $"Guest: {request.GuestName}");
        }

        if (request.Reservation is { } r)
        {
            prompt.AppendLine();
            prompt.AppendLine("# The guest's booking");
            prompt.AppendLine(CultureInfo.InvariantCulture, $"Confirmation code: {r.ConfirmationCode}");
            prompt.AppendLine(CultureInfo.InvariantCulture, $"Arrival: {r.Arrival:yyyy-MM-dd} ({r.Arrival.DayOfWeek}); departure: {r.Departure:yyyy-MM-dd} ({r.Departure.DayOfWeek}); {r.Nights} night(s)");
            prompt.AppendLine(CultureInfo.InvariantCulture, $"Status: {r.Status}; room type: {r.RoomTypeName}; room number: {r.RoomNumber ?? "not assigned yet"}");
            prompt.AppendLine(CultureInfo.InvariantCulture, $"Balance still to pay: {(r.BalanceDueMinor > 0 ? r.BalanceDue : "nothing")}");
            prompt.AppendLine(CultureInfo.InvariantCulture, $"Door code: {DoorCodeLine(r)}");
        }

        prompt.AppendLine();
        prompt.AppendLine("# Knowledge base");
        if (entries.Count == 0)
        {
            prompt.AppendLine("(nothing relevant)");
        }

        foreach (var match in entries)
        {
            prompt.AppendLine(CultureInfo.InvariantCulture, $"## {match.Entry.Title}");
            prompt.AppendLine(KnowledgeBaseReplySuggester.Fill(match.Entry.Answer, hotel));
        }

        return prompt.ToString();
    }

    private static string DoorCodeLine(ReservationFacts r) => r.DoorCode switch
    {
        DoorCodeStatus.Ready => r.DoorCodeSent ? "ready and sent to the guest" : "ready",
        DoorCodeStatus.Pending => "being set on the lock",
        DoorCodeStatus.Failed => "could not be set yet; a colleague is on it",
        DoorCodeStatus.Revoked => "removed (the stay is over)",
        _ => "not issued yet (sent on the day of arrival)",
    };
}
