using Microsoft.EntityFrameworkCore;
using Stayfull.Domain.Messaging;
using Stayfull.Domain.Sessions;

namespace Stayfull.Domain.Replies;

/// <summary>
/// Answers a guest's message on its own when the hotel allows it (see <see cref="AutoReplyPolicy"/>). Runs in
/// the session that stores the message, so it uses the built-in generator only (no network) and its reply
/// commits with the message or not at all. A message is answered automatically at most once.
/// </summary>
/// <param name="senders">The inbox's reply sender; taken as a list so a host without the inbox starts and simply sends nothing.</param>
public sealed class AutoReplyListener(IEnumerable<IGuestReplySender> senders) : IInboundGuestMessageListener
{
    public async Task OnReceivedAsync(HotelSession s, GuestMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(message);
        var sender = senders.LastOrDefault();
        if (sender is null || message.Direction != MessageDirection.Inbound || string.IsNullOrWhiteSpace(message.Body))
        {
            return;
        }

        var settings = (await s.Db.ReplySettings.AsNoTracking().SingleOrDefaultAsync(cancellationToken) ?? ReplySettings.Defaults(s.HotelId)).Values;
        if (!settings.AutoSendEnabled || await AnsweredAsync(s, message.Id, cancellationToken))
        {
            return;
        }

        var request = await ReplyContextLoader.ForMessageAsync(s, message, cancellationToken);
        var suggestion = KnowledgeBaseReplySuggester.Suggest(request);
        if (AutoReplyPolicy.WhyNot(suggestion, settings, request.Language) is not null)
        {
            return;
        }

        var reply = await sender.QueueReplyAsync(s, message, suggestion.Text, automatic: true, cancellationToken);
        s.Db.AutomaticReplies.Add(new AutomaticReply(s.HotelId, message.Id, reply.Id, suggestion.Kind, suggestion.MatchedEntryId, suggestion.Confidence, s.Now));
        s.Audit(nameof(GuestMessage), message.Id, "AnsweredAutomatically", new
        {
            Kind = suggestion.Kind.ToString(),
            Entry = suggestion.MatchedEntryTitle,
            suggestion.Confidence,
            ReplyMessageId = reply.Id,
        });
    }

    // Checks the session too: the message may be handed to this listener twice before anything is saved.
    private static async Task<bool> AnsweredAsync(HotelSession s, Guid messageId, CancellationToken cancellationToken) =>
        s.Db.AutomaticReplies.Local.Any(a => a.InboundMessageId == messageId)
        || await s.Db.AutomaticReplies.AnyAsync(a => a.InboundMessageId == messageId, cancellationToken);
}
