using Bunit;
using Microsoft.EntityFrameworkCore;
using Stayfull.Domain.Live;
using Stayfull.Domain.Messaging;
using Stayfull.Domain.Reservations;
using Stayfull.Web.Components.Pages.FrontDesk;
using DeskConsole = Stayfull.Web.Components.Pages.FrontDesk.Console;

namespace Stayfull.Web.Tests.Components.FrontDesk;

public sealed class MessagesPanelTests : FrontDeskTestBase
{
    private const string GuestNumber = "+351912345678";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task TheGuestsEmailsAndTextsAreListedWithChannelDirectionAndStatus()
    {
        var booked = await BookWithContactAsync("Ada Lovelace");
        var messaging = Hotel.Get<MessagingService>();
        var tracking = Hotel.Get<MessageTracking>();
        var confirmation = await ConfirmationOfAsync(booked.Id);
        await tracking.RecordStatusAsync(new MessageReference(confirmation.Id, null), DeliveryStatus.Delivered, Hotel.Time.GetUtcNow(), null, CancellationToken.None);
        var sms = await messaging.SendAsync(booked.Id, MessageTemplateKeys.PreArrival, MessageChannel.Sms, null, CancellationToken.None);
        var reply = await tracking.ReceiveSmsAsync("SM" + Guid.NewGuid().ToString("N"), GuestNumber, "+15005550006", "Can I arrive early?", Hotel.Time.GetUtcNow(), CancellationToken.None);

        var panel = await RenderPanelAsync(booked.Id);

        panel.WaitForAssertion(() => Assert.Equal(3, panel.FindAll("tr[data-testid^=message-]").Count), Wait);
        var email = panel.Find($"[data-testid=message-{confirmation.Id}]");
        Assert.Equal("Email", email.QuerySelector("[data-testid=message-channel]")!.TextContent.Trim());
        Assert.Contains("Out", email.QuerySelector("[data-testid=message-direction]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Delivered", email.QuerySelector("[data-testid=message-status]")!.TextContent, StringComparison.Ordinal);
        var text = panel.Find($"[data-testid=message-{sms.Id}]");
        Assert.Equal("SMS", text.QuerySelector("[data-testid=message-channel]")!.TextContent.Trim());
        Assert.Contains("Queued", text.QuerySelector("[data-testid=message-status]")!.TextContent, StringComparison.Ordinal);
        var inbound = panel.Find($"[data-testid=message-{reply.Id}]");
        Assert.Contains("In", inbound.QuerySelector("[data-testid=message-direction]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Received", inbound.QuerySelector("[data-testid=message-status]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Can I arrive early?", inbound.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendSmsQueuesTheChosenTemplateAndListsIt()
    {
        var booked = await BookWithContactAsync("Grace Hopper");
        var panel = await RenderPanelAsync(booked.Id);

        panel.Find("[data-testid=message-template]").Change(MessageTemplateKeys.CheckInLink);
        panel.Find("[data-testid=send-sms]").Click();

        panel.WaitForAssertion(() => Assert.Contains(panel.FindAll("[data-testid=message-channel]"), c => c.TextContent.Trim() == "SMS"), Wait);
        await using var db = Hotel.Db();
        var queued = await db.GuestMessages.SingleAsync(m => m.Channel == MessageChannel.Sms);
        Assert.Equal((MessageTemplateKeys.CheckInLink, GuestNumber, booked.Id), (queued.TemplateKey, queued.To, queued.ReservationId));
    }

    [Fact]
    public async Task AGuestWhoRepliedStopIsNotTextedAndTheDeskIsToldWhy()
    {
        var booked = await BookWithContactAsync("Alan Turing");
        await Hotel.Get<MessageTracking>().ReceiveSmsAsync("SM" + Guid.NewGuid().ToString("N"), GuestNumber, "+15005550006", "STOP", Hotel.Time.GetUtcNow(), CancellationToken.None);
        var panel = await RenderPanelAsync(booked.Id);

        panel.Find("[data-testid=send-sms]").Click();

        panel.WaitForAssertion(() => Assert.Contains("replied STOP", panel.Find("[data-testid=message-refusal]").TextContent, StringComparison.Ordinal), Wait);
        await using var db = Hotel.Db();
        Assert.False(await db.GuestMessages.AnyAsync(m => m.Channel == MessageChannel.Sms && m.Direction == MessageDirection.Outbound));
    }

    [Fact]
    public async Task ABouncedAddressIsNotEmailedAgainAndTheDeskIsToldWhy()
    {
        var booked = await BookWithContactAsync("Hedy Lamarr");
        var confirmation = await ConfirmationOfAsync(booked.Id);
        await Hotel.Get<MessageTracking>().RecordStatusAsync(new MessageReference(confirmation.Id, null), DeliveryStatus.Bounced, Hotel.Time.GetUtcNow(), "550 mailbox unavailable", CancellationToken.None);
        var panel = await RenderPanelAsync(booked.Id);
        panel.WaitForAssertion(() => Assert.Contains("Bounced", panel.Find($"[data-testid=message-{confirmation.Id}] [data-testid=message-status]").TextContent, StringComparison.Ordinal), Wait);

        panel.Find("[data-testid=message-template]").Change(MessageTemplateKeys.Receipt);
        panel.Find("[data-testid=send-email]").Click();

        panel.WaitForAssertion(() => Assert.Contains("bounced", panel.Find("[data-testid=message-refusal]").TextContent, StringComparison.Ordinal), Wait);
        await using var db = Hotel.Db();
        Assert.Equal(1, await db.GuestMessages.CountAsync(m => m.Channel == MessageChannel.Email));
    }

    [Fact]
    public async Task AnInboundSmsAndADeliveryReportAppearWithoutReload()
    {
        var booked = await BookWithContactAsync("Katherine Johnson");
        var confirmation = await ConfirmationOfAsync(booked.Id);
        var panel = await RenderPanelAsync(booked.Id);
        panel.WaitForElement($"[data-testid=message-{confirmation.Id}]", Wait);
        var before = Hotel.Published.Changes.Count;

        // The webhook processor records what the vendors reported; its announcements reach this screen.
        var tracking = Hotel.Get<MessageTracking>();
        await tracking.RecordStatusAsync(new MessageReference(confirmation.Id, null), DeliveryStatus.Delivered, Hotel.Time.GetUtcNow(), null, CancellationToken.None);
        var reply = await tracking.ReceiveSmsAsync("SM" + Guid.NewGuid().ToString("N"), GuestNumber, "+15005550006", "Thank you!", Hotel.Time.GetUtcNow(), CancellationToken.None);
        var announced = Hotel.Published.Changes.Skip(before).ToList();
        Assert.Equal([ChangeTopic.Messages, ChangeTopic.Messages], announced.Select(c => c.Topic));
        Assert.Equal(ChangeKind.Created, announced[1].Kind);
        Assert.All(announced, c => Assert.DoesNotContain("Thank you", c.Summary, StringComparison.Ordinal));
        foreach (var change in announced)
        {
            await Ctx.Notifier.PublishAsync(change);
        }

        panel.WaitForAssertion(
            () =>
            {
                Assert.Contains("Delivered", panel.Find($"[data-testid=message-{confirmation.Id}] [data-testid=message-status]").TextContent, StringComparison.Ordinal);
                Assert.Contains("Thank you!", panel.Find($"[data-testid=message-{reply.Id}]").TextContent, StringComparison.Ordinal);
            },
            Wait);
    }

    [Fact]
    public async Task TheConsoleCountsNewGuestMessagesLive()
    {
        var booked = await BookWithContactAsync("Mary Jackson");
        var console = Ctx.RenderWithProviders<DeskConsole>();
        console.WaitForAssertion(() => Assert.Equal("0", console.Find("[data-testid=new-messages-count]").TextContent.Trim()), Wait);
        var before = Hotel.Published.Changes.Count;

        var reply = await Hotel.Get<MessageTracking>().ReceiveSmsAsync("SM" + Guid.NewGuid().ToString("N"), GuestNumber, "+15005550006", "Is parking included?", Hotel.Time.GetUtcNow(), CancellationToken.None);
        foreach (var change in Hotel.Published.Changes.Skip(before))
        {
            await Ctx.Notifier.PublishAsync(change);
        }

        console.WaitForAssertion(() => Assert.Equal("1", console.Find("[data-testid=new-messages-count]").TextContent.Trim()), Wait);
        var item = console.Find($"[data-testid=new-message-{reply.Id}]");
        Assert.Contains("Mary Jackson", item.TextContent, StringComparison.Ordinal);
        Assert.Contains("Is parking included?", item.TextContent, StringComparison.Ordinal);
        Assert.Contains($"reservations/{booked.Id}", item.OuterHtml, StringComparison.Ordinal);
    }

    private Task<Reservation> BookWithContactAsync(string guest) =>
        Hotel.Get<BookingService>().BookAsync(
            new BookingRequest
            {
                RoomTypeId = Hotel.RoomTypes[0].Id,
                Arrival = Hotel.Today.AddDays(3),
                Departure = Hotel.Today.AddDays(5),
                GuestName = guest,
                GuestEmail = guest.Replace(' ', '.').ToLowerInvariant() + "@guest.example",
                GuestPhone = "+351 912 345 678",
            },
            CancellationToken.None);

    private async Task<GuestMessage> ConfirmationOfAsync(Guid reservationId)
    {
        await using var db = Hotel.Db();
        return await db.GuestMessages.SingleAsync(m => m.ReservationId == reservationId && m.TemplateKey == MessageTemplateKeys.BookingConfirmation);
    }

    private async Task<IRenderedComponent<MessagesPanel>> RenderPanelAsync(Guid reservationId)
    {
        var details = await ReloadAsync(reservationId);
        Ctx.Render<MudBlazor.MudPopoverProvider>();
        return Ctx.Render<MessagesPanel>(p => p.Add(x => x.Details, details).Add(x => x.TimeZone, Hotel.Hotel.TimeZone));
    }
}
