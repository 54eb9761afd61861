namespace Stayfull.Domain.Replies;

/// <summary>
/// When an answer may go to a guest without a person: the hotel turned automatic replies on, the answer comes
/// from the knowledge base or the guest's own booking (never a guess, never the model), it is at least as sure
/// as the hotel asked, nothing in it needs a person (money, complaints, cancellations never do go alone), and
/// the guest wrote in the language the answers are written in.
/// </summary>
public static class AutoReplyPolicy
{
    /// <summary>The language the built-in answers are written in.</summary>
    public const string AnswerLanguage = "en";

    /// <returns>Why it must wait for a person; null when it may be sent.</returns>
    public static string? WhyNot(ReplySuggestion suggestion, ReplySettingsValues settings, string language)
    {
        ArgumentNullException.ThrowIfNull(suggestion);
        ArgumentNullException.ThrowIfNull(settings);
        return suggestion switch
        {
            _ when !settings.AutoSendEnabled => "Automatic replies are off.",
            { Kind: not (ReplyKind.Faq or ReplyKind.ReservationFact) } => "Only knowledge base and booking answers are sent automatically.",
            { Topic: not ReplyTopic.General } or { NeedsPerson: not null } => suggestion.NeedsPerson ?? "A person answers this topic.",
            _ when suggestion.Confidence < settings.ConfidenceThreshold => $"Confidence {suggestion.Confidence:0.00} is below the threshold {settings.ConfidenceThreshold:0.00}.",
            _ when !string.Equals(language, AnswerLanguage, StringComparison.Ordinal) => "The guest wrote in another language.",
            _ => null,
        };
    }
}
