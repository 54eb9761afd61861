using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Stayfull.Domain.Common;
using Stayfull.Domain.Inbox;
using Stayfull.Domain.Integrations;
using Stayfull.Domain.Messaging;
using Stayfull.Domain.Tenancy;

namespace Stayfull.Domain.Tests.Inbox;

/// <summary>Replies go out on the channel the guest used last; notes never leave the hotel.</summary>
public sealed class InboxReplyTests
{
    [Fact]
    public async Task AReplyGoesOutOnTheChannelTheGuestUsedLast()
    {
        var (hotel, bookings, _) = await InboxHotel.CreateAsync();
        await using var _ = hotel;
        var stay = await InboxHotel.BookAsync(hotel, email: null);
        bookings.Add("BDC-1001", stay);
        var inbox = hotel.Get<InboxService>();

        var sms = await InboxHotel.SmsAsync(hotel, "Can we check in early?");
        await InboxHotel.OtaWebhookAsync(hotel, "chx-m-1", "BDC-1001", "Any parking?");
        var otaReply = await inbox.ReplyAsync(sms.ConversationId!.Value, "Yes, parking is free.", CancellationToken.None);
        await InboxHotel.SmsAsync(hotel, "Great, thanks");
        var smsReply = await inbox.ReplyAsync(sms.ConversationId!.Value, "You're welcome!", CancellationToken.None);

        Assert.Equal((MessageChannel.Ota, "BDC-1001"), (otaReply.Channel, otaReply.To));
        Assert.Equal((MessageChannel.Sms, InboxHotel.GuestNumber), (smsReply.Channel, smsReply.To));
        await using var db = hotel.Db();
        var intents = await db.OutboxMessages.Where(o => o.IdempotencyKey.StartsWith("reply-")).ToListAsync();
        var ota = intents.Single(o => o.Vendor == IntegrationVendor.Channex);
        Assert.Equal(GuestReplies.SendOtaMessageOperation, ota.Operation);
        Assert.Equal(otaReply.Id, JsonSerializer.Deserialize<MessagePayload>(ota.Payload, JsonDefaults.Options)!.MessageId);
        var twilio = intents.Single(o => o.Vendor == IntegrationVendor.Twilio);
        Assert.Equal((GuestMessaging.SendSmsOperation, $"reply-{smsReply.Id}"), (twilio.Operation, twilio.IdempotencyKey));
        Assert.DoesNotContain("welcome", twilio.Payload, StringComparison.Ordinal);
        var conversation = await db.Conversations.SingleAsync(c => c.Id == sms.ConversationId);
        Assert.False(conversation.IsUnanswered);
        Assert.Equal(0, conversation.UnreadCount);
        var replies = await db.GuestMessages.Where(m => m.SentBy != null).ToListAsync();
        Assert.All(replies, r => Assert.Equal((conversation.Id, stay.Id, "Owner tester", false), (r.ConversationId!.Value, r.ReservationId!.Value, r.SentBy!, r.IsAutomatic)));
    }

    [Fact]
    public async Task AnEmailReplyAnswersTheGuestsSubjectThroughTheEmailOutbox()
    {
        var (hotel, _, _) = await InboxHotel.CreateAsync();
        await using var _ = hotel;
        await InboxHotel.BookAsync(hotel);
        var email = await InboxHotel.EmailAsync(hotel, "Is the spa open on Sunday?", subject: "Spa");

        var reply = await hotel.Get<InboxService>().ReplyAsync(email.ConversationId!.Value, "It is, from 9 am.\nSee you <soon>", CancellationToken.None);

        Assert.Equal((MessageChannel.Email, InboxHotel.GuestEmail, "Re: Spa"), (reply.Channel, reply.To, reply.Subject));
        Assert.Contains("&lt;soon&gt;", reply.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("<br>", reply.HtmlBody, StringComparison.Ordinal);
        await using var db = hotel.Db();
        var intent = await db.OutboxMessages.SingleAsync(o => o.IdempotencyKey == $"reply-{reply.Id}");
        Assert.Equal((IntegrationVendor.SendGrid, GuestMessaging.SendEmailOperation), (intent.Vendor, intent.Operation));
        Assert.Equal("Re: Spa", GuestReplies.ReplySubject("Re: Spa", "Test Hotel"));
    }

    [Fact]
    public async Task AnAutomaticReplyIsMarkedAsSuchAndTakesTheSamePath()
    {
        var (hotel, _, _) = await InboxHotel.CreateAsync();
        await using var _ = hotel;
        await InboxHotel.BookAsync(hotel);
        var sms = await InboxHotel.SmsAsync(hotel, "Wifi password?");

        var sender = hotel.Get<IGuestReplySender>();
        var reply = await hotel.Get<Sessions.HotelSessions>().WriteAsync(
            async s => await sender.QueueReplyAsync(s, await s.Db.GuestMessages.SingleAsync(m => m.Id == sms.Id), "The network is Hotel-Guest.", automatic: true, CancellationToken.None),
            CancellationToken.None);

        Assert.True(reply.IsAutomatic);
        Assert.Equal(GuestReplies.AutomaticSender, reply.SentBy);
        await using var db = hotel.Db();
        Assert.Equal(IntegrationVendor.Twilio, (await db.OutboxMessages.SingleAsync(o => o.IdempotencyKey == $"reply-{reply.Id}")).Vendor);
        Assert.False((await db.Conversations.SingleAsync(c => c.Id == sms.ConversationId)).IsUnanswered);
    }

    [Fact]
    public async Task ANoteIsNeverSent()
    {
        var (hotel, _, _) = await InboxHotel.CreateAsync();
        await using var _ = hotel;
        await InboxHotel.BookAsync(hotel, email: null);
        var sms = await InboxHotel.SmsAsync(hotel, "My flight is delayed.");
        await using (var before = hotel.Db())
        {
            Assert.False(await before.OutboxMessages.AnyAsync());
        }

        await hotel.Get<InboxService>().AddNoteAsync(sms.ConversationId!.Value, "Keep room 101 for a late arrival.", CancellationToken.None);

        await using var db = hotel.Db();
        Assert.False(await db.OutboxMessages.AnyAsync());
        Assert.Equal(1, await db.GuestMessages.CountAsync());
        var thread = await hotel.Get<InboxService>().ThreadAsync(sms.ConversationId!.Value, CancellationToken.None);
        Assert.Equal([ThreadItemKind.Message, ThreadItemKind.Note], thread.Items.Select(i => i.Kind));
        Assert.True((await db.Conversations.SingleAsync()).IsUnanswered);
    }

    [Fact]
    public async Task AssignmentUnreadAndUnansweredDriveTheFilters()
    {
        var (hotel, _, _) = await InboxHotel.CreateAsync();
        await using var _ = hotel;
        await InboxHotel.BookAsync(hotel);
        await InboxHotel.BookAsync(hotel, name: "Grace Hopper", email: "grace@guest.example", phone: "+351 913 000 111");
        var ada = await InboxHotel.SmsAsync(hotel, "Late checkout?");
        var grace = await InboxHotel.EmailAsync(hotel, "Airport shuttle?", from: "grace@guest.example");
        hotel.ActAs(StaffRole.FrontDesk);
        var inbox = hotel.Get<InboxService>();

        await inbox.AssignAsync(grace.ConversationId!.Value, "user-FrontDesk", "FrontDesk tester", CancellationToken.None);
        await inbox.MarkReadAsync(ada.ConversationId!.Value, CancellationToken.None);
        await inbox.ReplyAsync(ada.ConversationId!.Value, "Until 1 pm is fine.", CancellationToken.None);

        var all = await inbox.ConversationsAsync(new InboxFilter(), CancellationToken.None);
        Assert.Equal(2, all.Count);
        var mine = Assert.Single(await inbox.ConversationsAsync(new InboxFilter(AssignedToMe: true), CancellationToken.None));
        Assert.Equal(("Grace Hopper", "FrontDesk tester", 1), (mine.GuestName, mine.AssignedToName, mine.UnreadCount));
        var unanswered = Assert.Single(await inbox.ConversationsAsync(new InboxFilter(UnansweredOnly: true), CancellationToken.None));
        Assert.Equal(grace.ConversationId, unanswered.Id);
        var sms = Assert.Single(await inbox.ConversationsAsync(new InboxFilter(Channel: MessageChannel.Sms), CancellationToken.None));
        Assert.Equal(ada.ConversationId, sms.Id);
        Assert.Equal(0, sms.UnreadCount);
        Assert.Equal(grace.ConversationId, Assert.Single(await inbox.ConversationsAsync(new InboxFilter(Search: "Grace"), CancellationToken.None)).Id);
        Assert.Equal(1, await inbox.UnreadCountAsync(CancellationToken.None));
    }

    [Fact]
    public async Task AReplyToAGuestWhoRepliedStopIsRefusedWithTheReason()
    {
        var (hotel, _, _) = await InboxHotel.CreateAsync();
        await using var _ = hotel;
        await InboxHotel.BookAsync(hotel, email: null);
        var stop = await InboxHotel.SmsAsync(hotel, "STOP");

        var refusal = await Assert.ThrowsAsync<RuleViolationException>(() => hotel.Get<InboxService>().ReplyAsync(stop.ConversationId!.Value, "Sorry to see you go", CancellationToken.None));

        Assert.Contains("STOP", refusal.Message, StringComparison.Ordinal);
        await using var db = hotel.Db();
        Assert.False(await db.OutboxMessages.AnyAsync());
    }

    [Fact]
    public async Task HousekeepingCannotReadTheInbox()
    {
        var (hotel, _, _) = await InboxHotel.CreateAsync();
        await using var _ = hotel;
        hotel.ActAs(StaffRole.Housekeeping);

        await Assert.ThrowsAsync<ForbiddenException>(() => hotel.Get<InboxService>().ConversationsAsync(new InboxFilter(), CancellationToken.None));
    }

    [Fact]
    public async Task NewHotelsStartWithDefaultCannedRepliesThatManagersEdit()
    {
        var (hotel, _, _) = await InboxHotel.CreateAsync();
        await using var _ = hotel;
        var inbox = hotel.Get<InboxService>();

        var defaults = await inbox.CannedRepliesAsync(CancellationToken.None);
        await inbox.SaveCannedReplyAsync(defaults[0].Id, "Thanks", "Thank you, we are on it.", CancellationToken.None);
        await inbox.SaveCannedReplyAsync(null, "Taxi", "We can book you a taxi at the desk.", CancellationToken.None);
        await inbox.DeleteCannedReplyAsync(defaults[1].Id, CancellationToken.None);
        hotel.ActAs(StaffRole.FrontDesk);
        var after = await inbox.CannedRepliesAsync(CancellationToken.None);

        Assert.Equal(DefaultCannedReplies.All.Count, defaults.Count);
        Assert.Equal("Thanks", after[0].Title);
        Assert.Equal("Taxi", after[^1].Title);
        Assert.DoesNotContain(after, r => r.Id == defaults[1].Id);
        await Assert.ThrowsAsync<ForbiddenException>(() => inbox.SaveCannedReplyAsync(null, "x", "y", CancellationToken.None));
    }
}
