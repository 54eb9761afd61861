using System.Text.Encodings.Web;
using Microsoft.EntityFrameworkCore;
using Stayfull.Domain.Common;
using Stayfull.Domain.Integrations;
using Stayfull.Domain.Live;
using Stayfull.Domain.Messaging;
using Stayfull.Domain.Sessions;

namespace Stayfull.Domain.Inbox;

/// <summary>
/// Queues a reply on the channel of the guest's message: SMS and email through their existing outbox
/// operations, OTA chat through the channel manager. Each reply has its own idempotency key.
/// </summary>
public sealed class GuestReplies : IGuestReplySender
{
    public const string SendOtaMessageOperation = "SendOtaMessage";
    public const int MaxLength = 4000;
    public const string AutomaticSender = "Automatic reply";

    public async Task<GuestMessage> QueueReplyAsync(HotelSession s, GuestMessage inbound, string text, bool automatic, CancellationToken cancellationToken)
    {
        text = text.Trim();
        if (text.Length == 0)
        {
            throw ValidationException.For("text", "Write a reply first.");
        }

        if (text.Length > MaxLength)
        {
            throw ValidationException.For("text", $"A reply is at most {MaxLength} characters.");
        }

        var conversation = inbound.ConversationId is { } id
            ? await s.Db.Conversations.FirstOrDefaultAsync(c => c.Id == id, cancellationToken)
            : null;
        var channel = inbound.Channel;
        var to = channel == MessageChannel.Ota ? conversation?.ChannelBookingId ?? inbound.To : inbound.From;
        if (channel != MessageChannel.Ota && await GuestMessaging.WhyNotAsync(s, channel, to, cancellationToken) is { } reason)
        {
            throw new RuleViolationException(reason);
        }

        var sentBy = automatic ? AutomaticSender : s.Staff.UserName;
        var reply = channel switch
        {
            MessageChannel.Email => GuestMessage.Reply(s.HotelId, inbound.GuestId, inbound.ReservationId, channel, to, s.Hotel.Name, ReplySubject(inbound.Subject, s.Hotel.Name), text, Html(text), sentBy, automatic, s.Now),
            _ => GuestMessage.Reply(s.HotelId, inbound.GuestId, inbound.ReservationId, channel, to, s.Hotel.Name, null, text, null, sentBy, automatic, s.Now),
        };
        s.Db.GuestMessages.Add(reply);
        if (conversation is null)
        {
            conversation = await ConversationThreading.FileAsync(s, reply, null, null, cancellationToken);
        }
        else
        {
            reply.JoinConversation(conversation.Id, conversation.GuestId, conversation.ReservationId);
            conversation.Add(reply, null);
        }

        var (vendor, operation) = channel switch
        {
            MessageChannel.Email => (IntegrationVendor.SendGrid, GuestMessaging.SendEmailOperation),
            MessageChannel.Sms => (IntegrationVendor.Twilio, GuestMessaging.SendSmsOperation),
            _ => (IntegrationVendor.Channex, SendOtaMessageOperation),
        };
        await Outbox.EnqueueAsync(s, vendor, operation, new MessagePayload(reply.Id), $"reply-{reply.Id}", cancellationToken);
        s.Audit(nameof(GuestMessage), reply.Id, automatic ? "AutoReplied" : "Replied", new { Channel = channel.ToString(), ConversationId = conversation.Id });
        s.Announce(ChangeTopic.Messages, reply.GuestId ?? conversation.Id, GuestMessaging.StatusSummary(channel, reply.Status), ChangeKind.Created);
        return reply;
    }

    /// <summary>"Re: " and the guest's subject, once; a guest who wrote without a subject gets the hotel's name.</summary>
    public static string ReplySubject(string? subject, string hotelName)
    {
        var basis = string.IsNullOrWhiteSpace(subject) ? $"Your message to {hotelName}" : subject.Trim();
        var result = basis.StartsWith("Re:", StringComparison.OrdinalIgnoreCase) ? basis : "Re: " + basis;
        return result.Length > MessageTemplate.MaxSubjectLength ? result[..MessageTemplate.MaxSubjectLength] : result;
    }

    private static string Html(string text) =>
        "<p>" + string.Join("<br>", text.Split('\n').Select(line => HtmlEncoder.Default.Encode(line.TrimEnd('\r')))) + "</p>";
}
