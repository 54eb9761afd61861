using Microsoft.EntityFrameworkCore;
using Stayfull.Domain.Common;
using Stayfull.Domain.Live;
using Stayfull.Domain.Sessions;
using Stayfull.Domain.Tenancy;

namespace Stayfull.Domain.Messaging;

public sealed record TemplateView(string Key, string Subject, string Body, string SmsText, bool IsCustomised);

/// <summary>A message a guest sent us; <paramref name="GuestName"/> is null for a number no guest has.</summary>
/// <param name="ConversationId">The inbox thread it is in, to open it there.</param>
public sealed record InboundMessageView(Guid Id, MessageChannel Channel, string? GuestName, string From, string Body, DateTimeOffset ReceivedAt, Guid? ReservationId, Guid? ConversationId = null);

/// <summary>Sends templated messages to guests and lets managers edit and preview the wording.</summary>
public sealed class MessagingService(HotelSessions sessions)
{
    /// <summary>Queues a templated email or SMS for the reservation's guest; the outbox sends it.</summary>
    /// <exception cref="RuleViolationException">With the reason: no address, a bounced address, or a STOP reply.</exception>
    public Task<GuestMessage> SendAsync(Guid reservationId, string templateKey, MessageChannel channel, TemplateExtras? extras, CancellationToken cancellationToken) =>
        sessions.WriteAsync(async s =>
        {
            s.Staff.Require(StaffRole.FrontDesk, "message guests");
            RequireKnown(templateKey);
            var reservation = await s.Db.Reservations.FirstOrDefaultAsync(r => r.Id == reservationId, cancellationToken) ?? throw new NotFoundException("Reservation");
            var guest = await s.Db.Guests.FirstAsync(g => g.Id == reservation.GuestId, cancellationToken);
            var message = await GuestMessaging.QueueAsync(s, guest, reservation, templateKey, channel, extras ?? new TemplateExtras(), cancellationToken);
            s.Announce(ChangeTopic.Messages, guest.Id, GuestMessaging.StatusSummary(channel, message.Status), ChangeKind.Created);
            return message;
        }, cancellationToken);

    /// <summary>Every message to and from a guest, newest first, with its delivery history.</summary>
    public Task<IReadOnlyList<GuestMessage>> ConversationAsync(Guid guestId, CancellationToken cancellationToken) =>
        sessions.ReadAsync<IReadOnlyList<GuestMessage>>(async s =>
        {
            s.Staff.Require(StaffRole.FrontDesk, "read guest messages");
            return await s.Db.GuestMessages.Include(m => m.StatusChanges).Where(m => m.GuestId == guestId).OrderByDescending(m => m.CreatedAt).Take(200).ToListAsync(cancellationToken);
        }, cancellationToken);

    /// <summary>What guests sent in the last <paramref name="window"/>, newest first, with who sent it and their latest stay.</summary>
    public Task<IReadOnlyList<InboundMessageView>> RecentInboundAsync(TimeSpan window, int take, CancellationToken cancellationToken) =>
        sessions.ReadAsync<IReadOnlyList<InboundMessageView>>(async s =>
        {
            s.Staff.Require(StaffRole.FrontDesk, "read guest messages");
            var since = s.Now - window;
            var messages = await s.Db.GuestMessages
                .Where(m => m.Direction == MessageDirection.Inbound && m.CreatedAt >= since)
                .OrderByDescending(m => m.CreatedAt)
                .Take(Math.Clamp(take, 1, 100))
                .ToListAsync(cancellationToken);
            var guestIds = messages.Where(m => m.GuestId != null).Select(m => m.GuestId!.Value).Distinct().ToList();
            var guests = await s.Db.Guests.Where(g => guestIds.Contains(g.Id)).ToDictionaryAsync(g => g.Id, g => g.FullName, cancellationToken);
            var stays = await s.Db.Reservations.Where(r => guestIds.Contains(r.GuestId)).Select(r => new { r.GuestId, r.Id, r.Arrival }).ToListAsync(cancellationToken);
            return messages.Select(m => new InboundMessageView(
                m.Id,
                m.Channel,
                m.GuestId is { } g && guests.TryGetValue(g, out var name) ? name : null,
                m.From,
                m.Body,
                m.CreatedAt,
                m.ReservationId ?? stays.Where(r => r.GuestId == m.GuestId).OrderByDescending(r => r.Arrival).Select(r => (Guid?)r.Id).FirstOrDefault(),
                m.ConversationId)).ToList();
        }, cancellationToken);

    public Task<IReadOnlyList<TemplateView>> TemplatesAsync(CancellationToken cancellationToken) =>
        sessions.ReadAsync<IReadOnlyList<TemplateView>>(async s =>
        {
            s.Staff.Require(StaffRole.Manager, "see message templates");
            var own = await s.Db.MessageTemplates.ToListAsync(cancellationToken);
            return MessageTemplateKeys.All.Select(key =>
            {
                var edited = own.FirstOrDefault(t => t.Key == key);
                var text = edited is null ? DefaultTemplates.For(key) : new TemplateText(edited.Subject, edited.Body, edited.SmsText);
                return new TemplateView(key, text.Subject, text.Body, text.SmsText, edited is not null);
            }).ToList();
        }, cancellationToken);

    public Task SaveTemplateAsync(string key, TemplateText text, CancellationToken cancellationToken) =>
        sessions.WriteAsync(async s =>
        {
            s.Staff.Require(StaffRole.Manager, "edit message templates");
            RequireKnown(key);
            var template = await s.Db.MessageTemplates.FirstOrDefaultAsync(t => t.Key == key, cancellationToken);
            if (template is null)
            {
                s.Db.MessageTemplates.Add(template = new MessageTemplate(s.HotelId, key, text.Subject, text.Body, text.SmsText, s.Staff.UserName, s.Now));
            }
            else
            {
                template.Edit(text.Subject, text.Body, text.SmsText, s.Staff.UserName, s.Now);
            }

            s.Audit(nameof(MessageTemplate), template.Id, "Edited", new { key });
        }, cancellationToken);

    /// <summary>Back to the default wording.</summary>
    public Task ResetTemplateAsync(string key, CancellationToken cancellationToken) =>
        sessions.WriteAsync(async s =>
        {
            s.Staff.Require(StaffRole.Manager, "edit message templates");
            var template = await s.Db.MessageTemplates.FirstOrDefaultAsync(t => t.Key == key, cancellationToken);
            if (template is not null)
            {
                s.Db.MessageTemplates.Remove(template);
                s.Audit(nameof(MessageTemplate), template.Id, "Reset", new { key });
            }
        }, cancellationToken);

    /// <summary>Shows (possibly unsaved) wording filled with a sample guest and this hotel's name.</summary>
    public Task<RenderedMessage> PreviewAsync(TemplateText text, CancellationToken cancellationToken) =>
        sessions.ReadAsync(s =>
        {
            s.Staff.Require(StaffRole.Manager, "preview message templates");
            var arrival = s.Today.AddDays(14);
            var sample = new TemplateValues(
                "Alex Sample",
                s.Hotel.Name,
                "SAMPLE1",
                GuestMessaging.FormatDate(arrival),
                GuestMessaging.FormatDate(arrival.AddDays(3)),
                s.Money(45_000).Format(System.Globalization.CultureInfo.InvariantCulture),
                "https://example.com/check-in/SAMPLE1",
                "123456");
            return Task.FromResult(TemplateRenderer.Render(text, sample));
        }, cancellationToken);

    private static void RequireKnown(string key)
    {
        if (!MessageTemplateKeys.All.Contains(key))
        {
            throw ValidationException.For("templateKey", $"'{key}' is not a message template. Use one of: {string.Join(", ", MessageTemplateKeys.All)}.");
        }
    }
}
