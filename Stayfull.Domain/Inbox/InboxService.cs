using Microsoft.EntityFrameworkCore;
using Stayfull.Domain.Common;
using Stayfull.Domain.Live;
using Stayfull.Domain.Messaging;
using Stayfull.Domain.Sessions;
using Stayfull.Domain.Tenancy;

namespace Stayfull.Domain.Inbox;

/// <summary>The unified inbox for the front desk: conversations, replies, notes, assignment and canned replies.</summary>
public sealed class InboxService(HotelSessions sessions, IGuestReplySender replies)
{
    private const int ListSize = 200;

    public Task<IReadOnlyList<ConversationSummary>> ConversationsAsync(InboxFilter filter, CancellationToken cancellationToken) =>
        sessions.ReadAsync<IReadOnlyList<ConversationSummary>>(async s =>
        {
            s.Staff.Require(StaffRole.FrontDesk, "read guest messages");
            var query = s.Db.Conversations.AsQueryable();
            if (filter.UnansweredOnly)
            {
                query = query.Where(c => c.IsUnanswered);
            }

            if (filter.AssignedToMe)
            {
                var me = s.Staff.UserId;
                query = query.Where(c => c.AssignedToUserId == me);
            }

            if (filter.Channel is { } channel)
            {
                // The channels the guest wrote on: every stay's thread also holds the confirmation email.
                query = query.Where(c => s.Db.GuestMessages.Any(m => m.ConversationId == c.Id && m.Channel == channel && m.Direction == MessageDirection.Inbound));
            }

            if (filter.Search is { Length: > 0 } search)
            {
                var term = search.Trim();
                query = query.Where(c => s.Db.Guests.Any(g => g.Id == c.GuestId && g.FullName.Contains(term)) || (c.UnknownSender != null && c.UnknownSender.Contains(term)));
            }

            var conversations = await query.OrderByDescending(c => c.LastMessageAt).Take(ListSize).ToListAsync(cancellationToken);
            return await SummariesAsync(s, conversations, cancellationToken);
        }, cancellationToken);

    /// <summary>Unread guest messages across the hotel, for the menu badge.</summary>
    public Task<int> UnreadCountAsync(CancellationToken cancellationToken) =>
        sessions.ReadAsync(async s =>
        {
            s.Staff.Require(StaffRole.FrontDesk, "read guest messages");
            return await s.Db.Conversations.SumAsync(c => c.UnreadCount, cancellationToken);
        }, cancellationToken);

    public Task<ConversationThread> ThreadAsync(Guid conversationId, CancellationToken cancellationToken) =>
        sessions.ReadAsync(async s =>
        {
            s.Staff.Require(StaffRole.FrontDesk, "read guest messages");
            var conversation = await s.Db.Conversations.FirstOrDefaultAsync(c => c.Id == conversationId, cancellationToken) ?? throw new NotFoundException("Conversation");
            var messages = await s.Db.GuestMessages.Where(m => m.ConversationId == conversationId).OrderBy(m => m.CreatedAt).Take(500).ToListAsync(cancellationToken);
            var notes = await s.Db.ConversationNotes.Where(n => n.ConversationId == conversationId).ToListAsync(cancellationToken);
            var items = messages
                .Select(m => new ThreadItem(m.Id, ThreadItemKind.Message, m.CreatedAt, m.Body, m.Channel, m.Direction, m.Subject, m.Status, m.IsDemo, m.Error, m.SentBy, m.IsAutomatic))
                .Concat(notes.Select(n => new ThreadItem(n.Id, ThreadItemKind.Note, n.CreatedAt, n.Text, Author: n.Author)))
                .OrderBy(i => i.At)
                .ToList();
            var lastInbound = messages.LastOrDefault(m => m.Direction == MessageDirection.Inbound);
            var summary = (await SummariesAsync(s, [conversation], cancellationToken))[0];
            return new ConversationThread(summary, items, lastInbound?.Channel, lastInbound?.Id);
        }, cancellationToken);

    public Task MarkReadAsync(Guid conversationId, CancellationToken cancellationToken) =>
        sessions.WriteAsync(async s =>
        {
            s.Staff.Require(StaffRole.FrontDesk, "read guest messages");
            var conversation = await FindAsync(s, conversationId, cancellationToken);
            if (conversation.MarkRead())
            {
                s.Announce(ChangeTopic.Messages, conversation.Id, "Conversation read");
            }

            return true;
        }, cancellationToken);

    /// <summary>Answers the guest's latest message on the channel they used.</summary>
    /// <exception cref="RuleViolationException">The guest has not written yet, or the channel is closed to them (STOP, bounce).</exception>
    public Task<GuestMessage> ReplyAsync(Guid conversationId, string text, CancellationToken cancellationToken) =>
        sessions.WriteAsync(async s =>
        {
            s.Staff.Require(StaffRole.FrontDesk, "reply to guests");
            var conversation = await FindAsync(s, conversationId, cancellationToken);
            var inbound = await s.Db.GuestMessages
                .Where(m => m.ConversationId == conversationId && m.Direction == MessageDirection.Inbound)
                .OrderByDescending(m => m.CreatedAt)
                .FirstOrDefaultAsync(cancellationToken)
                ?? throw new RuleViolationException("The guest has not written in this conversation yet; send a template from the reservation instead.");
            conversation.MarkRead();
            return await replies.QueueReplyAsync(s, inbound, text, automatic: false, cancellationToken);
        }, cancellationToken);

    /// <summary>A remark for colleagues; it is stored beside the messages and never sent.</summary>
    public Task<ConversationNote> AddNoteAsync(Guid conversationId, string text, CancellationToken cancellationToken) =>
        sessions.WriteAsync(async s =>
        {
            s.Staff.Require(StaffRole.FrontDesk, "add notes");
            var conversation = await FindAsync(s, conversationId, cancellationToken);
            text = text.Trim();
            if (text.Length is 0 or > ConversationNote.MaxLength)
            {
                throw ValidationException.For("text", $"A note needs between 1 and {ConversationNote.MaxLength} characters.");
            }

            var note = new ConversationNote(s.HotelId, conversation.Id, text, s.Staff.UserName, s.Now);
            s.Db.ConversationNotes.Add(note);
            s.Audit(nameof(Conversation), conversation.Id, "NoteAdded", new { note.Id });
            s.Announce(ChangeTopic.Messages, conversation.Id, "Note added");
            return note;
        }, cancellationToken);

    /// <summary>Gives the conversation to a colleague (or to nobody with a null id).</summary>
    public Task AssignAsync(Guid conversationId, string? userId, string? displayName, CancellationToken cancellationToken) =>
        sessions.WriteAsync(async s =>
        {
            s.Staff.Require(StaffRole.FrontDesk, "assign conversations");
            var conversation = await FindAsync(s, conversationId, cancellationToken);
            conversation.AssignTo(userId, displayName ?? userId);
            s.Audit(nameof(Conversation), conversation.Id, "Assigned", new { userId, displayName });
            s.Announce(ChangeTopic.Messages, conversation.Id, userId is null ? "Conversation unassigned" : $"Conversation assigned to {displayName}");
            return true;
        }, cancellationToken);

    /// <summary>Who a conversation can be given to: the hotel's front desk, managers and owners.</summary>
    public Task<IReadOnlyList<Assignee>> AssigneesAsync(CancellationToken cancellationToken) =>
        sessions.ReadAsync<IReadOnlyList<Assignee>>(async s =>
        {
            s.Staff.Require(StaffRole.FrontDesk, "assign conversations");
            return await (from m in s.Db.Memberships
                          join u in s.Db.Users on m.UserId equals u.Id
                          where m.Role >= StaffRole.FrontDesk
                          orderby u.DisplayName
                          select new Assignee(u.Id, u.DisplayName))
                .ToListAsync(cancellationToken);
        }, cancellationToken);

    /// <summary>The hotel's canned replies; a hotel that has none yet starts with the defaults.</summary>
    public Task<IReadOnlyList<CannedReplyView>> CannedRepliesAsync(CancellationToken cancellationToken) =>
        sessions.WriteAsync<IReadOnlyList<CannedReplyView>>(async s =>
        {
            s.Staff.Require(StaffRole.FrontDesk, "read canned replies");
            var own = await s.Db.CannedReplies.OrderBy(r => r.Position).ToListAsync(cancellationToken);
            if (own.Count == 0)
            {
                own = [.. DefaultCannedReplies.All.Select((r, i) => new CannedReply(s.HotelId, r.Title, r.Text, i))];
                s.Db.CannedReplies.AddRange(own);
            }

            return own.Select(r => new CannedReplyView(r.Id, r.Title, r.Text)).ToList();
        }, cancellationToken);

    /// <summary>Adds a canned reply (null id) or edits one.</summary>
    public Task SaveCannedReplyAsync(Guid? id, string title, string text, CancellationToken cancellationToken) =>
        sessions.WriteAsync(async s =>
        {
            s.Staff.Require(StaffRole.Manager, "edit canned replies");
            title = title.Trim();
            text = text.Trim();
            if (title.Length is 0 or > CannedReply.MaxTitleLength || text.Length is 0 or > CannedReply.MaxTextLength)
            {
                throw ValidationException.For("text", $"A canned reply needs a title (up to {CannedReply.MaxTitleLength} characters) and a text (up to {CannedReply.MaxTextLength}).");
            }

            if (id is { } existing)
            {
                var reply = await s.Db.CannedReplies.FirstOrDefaultAsync(r => r.Id == existing, cancellationToken) ?? throw new NotFoundException("Canned reply");
                reply.Edit(title, text);
            }
            else
            {
                var position = await s.Db.CannedReplies.Select(r => (int?)r.Position).MaxAsync(cancellationToken) ?? -1;
                s.Db.CannedReplies.Add(new CannedReply(s.HotelId, title, text, position + 1));
            }

            return true;
        }, cancellationToken);

    public Task DeleteCannedReplyAsync(Guid id, CancellationToken cancellationToken) =>
        sessions.WriteAsync(async s =>
        {
            s.Staff.Require(StaffRole.Manager, "edit canned replies");
            if (await s.Db.CannedReplies.FirstOrDefaultAsync(r => r.Id == id, cancellationToken) is { } reply)
            {
                s.Db.CannedReplies.Remove(reply);
            }

            return true;
        }, cancellationToken);

    private static async Task<Conversation> FindAsync(HotelSession s, Guid id, CancellationToken cancellationToken) =>
        await s.Db.Conversations.FirstOrDefaultAsync(c => c.Id == id, cancellationToken) ?? throw new NotFoundException("Conversation");

    private static async Task<IReadOnlyList<ConversationSummary>> SummariesAsync(HotelSession s, IReadOnlyList<Conversation> conversations, CancellationToken cancellationToken)
    {
        var ids = conversations.Select(c => c.Id).ToList();
        var guestIds = conversations.Where(c => c.GuestId != null).Select(c => c.GuestId!.Value).Distinct().ToList();
        var reservationIds = conversations.Where(c => c.ReservationId != null).Select(c => c.ReservationId!.Value).Distinct().ToList();
        var guests = await s.Db.Guests.Where(g => guestIds.Contains(g.Id)).ToDictionaryAsync(g => g.Id, g => g.FullName, cancellationToken);
        var codes = await s.Db.Reservations.Where(r => reservationIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.ConfirmationCode, cancellationToken);
        var channels = await s.Db.GuestMessages.Where(m => m.ConversationId != null && ids.Contains(m.ConversationId.Value) && m.Direction == MessageDirection.Inbound)
            .Select(m => new { m.ConversationId, m.Channel })
            .Distinct()
            .ToListAsync(cancellationToken);
        var lastTimes = conversations.Select(c => c.LastMessageAt).Distinct().ToList();
        var latest = await s.Db.GuestMessages.Where(m => m.ConversationId != null && ids.Contains(m.ConversationId.Value) && lastTimes.Contains(m.CreatedAt))
            .Select(m => new { m.ConversationId, m.CreatedAt, m.Body })
            .ToListAsync(cancellationToken);
        return conversations.Select(c => new ConversationSummary(
            c.Id,
            c.GuestId is { } g && guests.TryGetValue(g, out var name) ? name : c.UnknownSender ?? "Unknown sender",
            c.GuestId is not null,
            c.ReservationId,
            c.ReservationId is { } r && codes.TryGetValue(r, out var code) ? code : null,
            c.LastMessageAt,
            c.LastInboundChannel,
            channels.Where(x => x.ConversationId == c.Id).Select(x => x.Channel).Order().ToList(),
            c.UnreadCount,
            c.IsUnanswered,
            c.AssignedToUserId,
            c.AssignedToName,
            c.Status,
            Preview(latest.Where(x => x.ConversationId == c.Id).OrderByDescending(x => x.CreatedAt).FirstOrDefault()?.Body))).ToList();
    }

    private static string Preview(string? body) =>
        body is null ? "" : body.Length > 120 ? body[..120].ReplaceLineEndings(" ") + "…" : body.ReplaceLineEndings(" ");
}
