using Stayfull.Domain.Messaging;

namespace Stayfull.Domain.Inbox;

/// <summary>Which conversations the list shows.</summary>
public sealed record InboxFilter(MessageChannel? Channel = null, bool UnansweredOnly = false, bool AssignedToMe = false, string? Search = null);

/// <summary>One row of the inbox list. <paramref name="GuestName"/> is the sender's address when no guest matches.</summary>
/// <param name="Channels">The channels the guest wrote on.</param>
public sealed record ConversationSummary(
    Guid Id,
    string GuestName,
    bool IsKnownGuest,
    Guid? ReservationId,
    string? ConfirmationCode,
    DateTimeOffset LastMessageAt,
    MessageChannel? ReplyChannel,
    IReadOnlyList<MessageChannel> Channels,
    int UnreadCount,
    bool IsUnanswered,
    string? AssignedToUserId,
    string? AssignedToName,
    ConversationStatus Status,
    string Preview);

public enum ThreadItemKind
{
    Message = 0,
    Note = 1,
}

/// <summary>A message or an internal note in a thread, oldest first.</summary>
public sealed record ThreadItem(
    Guid Id,
    ThreadItemKind Kind,
    DateTimeOffset At,
    string Text,
    MessageChannel? Channel = null,
    MessageDirection? Direction = null,
    string? Subject = null,
    DeliveryStatus? Status = null,
    bool IsDemo = false,
    string? Error = null,
    string? Author = null,
    bool IsAutomatic = false);

/// <param name="ReplyChannel">Where a reply goes (the channel of the guest's latest message); null until the guest writes.</param>
/// <param name="LastInboundMessageId">The message a reply answers (and a suggestion is made for).</param>
public sealed record ConversationThread(ConversationSummary Summary, IReadOnlyList<ThreadItem> Items, MessageChannel? ReplyChannel, Guid? LastInboundMessageId);

public sealed record CannedReplyView(Guid Id, string Title, string Text);

public sealed record Assignee(string UserId, string DisplayName);
