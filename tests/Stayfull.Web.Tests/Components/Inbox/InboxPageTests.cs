using AngleSharp.Dom;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Stayfull.Domain.Inbox;
using Stayfull.Domain.Integrations;
using Stayfull.Domain.Messaging;
using Stayfull.Domain.Reservations;
using Stayfull.Domain.Tenancy;
using Stayfull.Web.Components.Pages.Inbox;

namespace Stayfull.Web.Tests.Components.Inbox;

public sealed class InboxPageTests : BackOfficeTestContext
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private Task<Reservation> BookAsync(string name, string email, string phone) =>
        Hotel.Get<BookingService>().BookAsync(
            new BookingRequest { RoomTypeId = Hotel.RoomTypes[0].Id, Arrival = Hotel.Today.AddDays(1), Departure = Hotel.Today.AddDays(3), GuestName = name, GuestEmail = email, GuestPhone = phone },
            CancellationToken.None);

    private Task<GuestMessage> SmsAsync(string from, string body) =>
        Hotel.Get<MessageTracking>().ReceiveSmsAsync("SM" + Guid.NewGuid().ToString("N"), from, "+15005550006", body, Hotel.Time.GetUtcNow(), CancellationToken.None);

    private Task<GuestMessage> EmailAsync(string from, string body) =>
        Hotel.Get<InboxIntake>().ReceiveEmailAsync(new InboundEmail($"<{Guid.NewGuid():N}@mail.example>", from, null, "stay@hotel.example", "Question", body, Hotel.Time.GetUtcNow()), CancellationToken.None);

    /// <summary>The element a MudBlazor input puts the test id on, or the input inside it.</summary>
    private static IElement Field(IRenderedComponent<Microsoft.AspNetCore.Components.IComponent> page, string testId, string tag)
    {
        var marked = page.Find($"[data-testid={testId}]");
        return marked.LocalName == tag ? marked : marked.QuerySelector(tag) ?? throw new InvalidOperationException($"No {tag} in {testId}.");
    }

    private static List<string> Rows(IRenderedComponent<Microsoft.AspNetCore.Components.IComponent> page) =>
        page.FindAll("[data-testid=conversation-row] [data-testid=conversation-guest]").Select(e => e.TextContent.Trim()).ToList();

    [Fact]
    public async Task TheInboxListsConversationsWithUnreadCountsAndFiltersThem()
    {
        await BookAsync("Ada Lovelace", "ada@guest.example", "+351 912 345 678");
        await BookAsync("Grace Hopper", "grace@guest.example", "+351 913 000 111");
        await SmsAsync("+351912345678", "Can we check in early?");
        await SmsAsync("+351912345678", "Around noon?");
        await EmailAsync("grace@guest.example", "Is there an airport shuttle?");
        SignInAs(StaffRole.FrontDesk);

        var page = RenderPage<InboxPage>();
        page.WaitForAssertion(() => Assert.Equal(2, Rows(page).Count), Wait);
        Assert.NotNull(page.Find("[data-testid=inbox-page]"));
        var ada = page.FindAll("[data-testid=conversation-row]").Single(r => r.TextContent.Contains("Ada Lovelace", StringComparison.Ordinal));
        Assert.Equal("2", ada.QuerySelector("[data-testid=conversation-unread]")!.TextContent.Trim());
        Assert.Equal(nameof(MessageChannel.Sms), Assert.Single(ada.QuerySelectorAll("[data-testid=conversation-channel]")).GetAttribute("data-channel"));

        page.Find("[data-testid=filter-channel]").Change(nameof(MessageChannel.Email));
        page.WaitForAssertion(() => Assert.Equal(["Grace Hopper"], Rows(page)), Wait);

        page.Find("[data-testid=filter-channel]").Change("");
        page.WaitForAssertion(() => Assert.Equal(2, Rows(page).Count), Wait);
        Field(page, "filter-assigned-to-me", "input").Change(true);
        page.WaitForAssertion(() => Assert.Empty(Rows(page)), Wait);
    }

    [Fact]
    public async Task ANewMessageArrivesLiveWithItsUnreadCount()
    {
        await BookAsync("Ada Lovelace", "ada@guest.example", "+351 912 345 678");
        await SmsAsync("+351912345678", "Hello");
        var page = RenderPage<InboxPage>();
        page.WaitForAssertion(() => Assert.Single(Rows(page)), Wait);
        var before = Hotel.Published.Changes.Count;

        Hotel.Time.Advance(TimeSpan.FromMinutes(1));
        await SmsAsync("+447700900123", "Do you have a room tonight?");
        Hotel.Time.Advance(TimeSpan.FromMinutes(1));
        await SmsAsync("+351912345678", "Are you there?");
        foreach (var change in Hotel.Published.Changes.Skip(before))
        {
            await Context.Notifier.PublishAsync(change);
        }

        page.WaitForAssertion(() => Assert.Equal(2, Rows(page).Count), Wait);
        var rows = page.FindAll("[data-testid=conversation-row]");
        // Newest first: Ada wrote last, then the unknown number.
        Assert.Contains("Ada Lovelace", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Equal("2", rows[0].QuerySelector("[data-testid=conversation-unread]")!.TextContent.Trim());
        Assert.Contains("+447700900123", rows[1].TextContent, StringComparison.Ordinal);
        Assert.Equal("1", rows[1].QuerySelector("[data-testid=conversation-unread]")!.TextContent.Trim());
    }

    [Fact]
    public async Task OpeningAConversationMarksItReadAndTheReplyGoesOutOnTheGuestsLastChannel()
    {
        await BookAsync("Ada Lovelace", "ada@guest.example", "+351 912 345 678");
        Hotel.Time.Advance(TimeSpan.FromMinutes(1));
        await SmsAsync("+351912345678", "Can we check in early?");
        Hotel.Time.Advance(TimeSpan.FromMinutes(1));
        await EmailAsync("ada@guest.example", "Also: is breakfast included?");
        SignInAs(StaffRole.FrontDesk);
        var page = RenderPage<InboxPage>();
        page.WaitForAssertion(() => Assert.Single(Rows(page)), Wait);

        page.Find("[data-testid=conversation-row]").Click();
        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("[data-testid=thread-message]").Count), Wait);
        Assert.Equal(["Email", "SMS", "Email"], page.FindAll("[data-testid=thread-message] [data-testid=message-channel]").Select(e => e.TextContent.Trim()));
        Assert.Equal(nameof(MessageChannel.Email), page.Find("[data-testid=reply-channel]").GetAttribute("data-channel"));
        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-testid=conversation-unread]")), Wait);

        Field(page, "reply-box", "textarea").Input("Breakfast is included, 7 to 10 am.");
        page.Find("[data-testid=reply-send]").Click();

        page.WaitForAssertion(() => Assert.Equal(4, page.FindAll("[data-testid=thread-message]").Count), Wait);
        await using var db = Hotel.Db();
        var reply = await db.GuestMessages.SingleAsync(m => m.SentBy != null);
        Assert.Equal((MessageChannel.Email, "ada@guest.example", "FrontDesk tester"), (reply.Channel, reply.To, reply.SentBy!));
        Assert.Equal(IntegrationVendor.SendGrid, (await db.OutboxMessages.SingleAsync(o => o.IdempotencyKey == $"reply-{reply.Id}")).Vendor);
        Assert.Equal("Queued", page.FindAll("[data-testid=thread-message] [data-testid=message-status]")[^1].TextContent.Trim());
    }

    [Fact]
    public async Task AnOtaChatIsAnsweredInTheOtaChatAndNotesStayInside()
    {
        var ota = await Hotel.Get<InboxIntake>().ReceiveOtaAsync("chx-m-1", "BDC-9001", "Is there a lift?", Hotel.Time.GetUtcNow(), CancellationToken.None);
        var page = RenderPage<InboxPage>();
        page.WaitForAssertion(() => Assert.Single(Rows(page)), Wait);
        page.Find("[data-testid=conversation-row]").Click();
        page.WaitForAssertion(() => Assert.Equal(nameof(MessageChannel.Ota), page.Find("[data-testid=reply-channel]").GetAttribute("data-channel")), Wait);

        Field(page, "reply-box", "textarea").Input("Guest uses a wheelchair: give a ground-floor room.");
        page.Find("[data-testid=add-note]").Click();
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=thread-note]")), Wait);
        page.Find("[data-testid=canned-reply]").Change((await Hotel.Get<InboxService>().CannedRepliesAsync(CancellationToken.None))[0].Id.ToString());
        page.Find("[data-testid=reply-send]").Click();

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=thread-message]").Count), Wait);
        await using var db = Hotel.Db();
        var intent = await db.OutboxMessages.SingleAsync();
        Assert.Equal((IntegrationVendor.Channex, GuestReplies.SendOtaMessageOperation), (intent.Vendor, intent.Operation));
        var reply = await db.GuestMessages.SingleAsync(m => m.Direction == MessageDirection.Outbound);
        Assert.Equal(("BDC-9001", DefaultCannedReplies.All[0].Text), (reply.To, reply.Body));
        Assert.Equal(ota.ConversationId, reply.ConversationId);
    }

    [Fact]
    public async Task TheMenuBadgeCountsUnreadGuestMessagesLive()
    {
        await BookAsync("Ada Lovelace", "ada@guest.example", "+351 912 345 678");
        await SmsAsync("+351912345678", "Hello");
        var badge = Context.Render<InboxUnreadBadge>();
        badge.WaitForAssertion(() => Assert.Equal("1", badge.Find("[data-testid=inbox-unread-badge]").TextContent.Trim()), Wait);
        var before = Hotel.Published.Changes.Count;

        await EmailAsync("ada@guest.example", "Hello again");
        foreach (var change in Hotel.Published.Changes.Skip(before))
        {
            await Context.Notifier.PublishAsync(change);
        }

        badge.WaitForAssertion(() => Assert.Equal("2", badge.Find("[data-testid=inbox-unread-badge]").TextContent.Trim()), Wait);
    }
}
