using Stayfull.Domain.Common;
using Stayfull.Domain.Sessions;
using Stayfull.Domain.Tenancy;

namespace Stayfull.Domain.Replies;

/// <summary>
/// Suggested replies for staff: the facts are read in the hotel's session, then the generator (the model, or
/// the built-in one) writes the answer outside it, so a slow model never holds a database connection.
/// </summary>
public sealed class ReplySuggestionService(HotelSessions sessions, IReplySuggester suggester)
{
    public const int QuestionMaxLength = 1000;

    /// <summary>A reply to one of the hotel's guest messages, for staff to use, edit or ignore.</summary>
    public async Task<ReplySuggestion> SuggestForMessageAsync(Guid messageId, CancellationToken cancellationToken)
    {
        var request = await sessions.ReadAsync(s =>
        {
            s.Staff.Require(StaffRole.FrontDesk, "see suggested replies");
            return ReplyContextLoader.ForMessageAsync(s, messageId, cancellationToken);
        }, cancellationToken);
        return await suggester.SuggestAsync(request, cancellationToken);
    }

    /// <summary>What the generator would answer to a question, from the knowledge base alone.</summary>
    public async Task<ReplySuggestion> TryQuestionAsync(string question, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(question))
        {
            throw ValidationException.For("question", "Type a question a guest might ask.");
        }

        if (question.Length > QuestionMaxLength)
        {
            throw ValidationException.For("question", $"A question is at most {QuestionMaxLength} characters.");
        }

        var request = await sessions.ReadAsync(s =>
        {
            s.Staff.Require(StaffRole.FrontDesk, "try the knowledge base");
            return ReplyContextLoader.ForQuestionAsync(s, question.Trim(), cancellationToken);
        }, cancellationToken);
        return await suggester.SuggestAsync(request, cancellationToken);
    }
}
