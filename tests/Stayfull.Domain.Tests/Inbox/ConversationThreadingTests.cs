using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stayfull.Domain.Inbox;
using Stayfull.Domain.Live;
using Stayfull.Domain.Messaging;
using Stayfull.Domain.Sessions;

namespace Stayfull.Domain.Tests.Inbox;

/// <summary>Messages from every channel meet in one conversation per guest stay.</summary>
public sealed class ConversationThreadingTests
{
    [Fact]
    public async Task AnSmsAndAnOtaMessageForTheSameStayLandInOneConversation()
    {
        var (hotel, bookings, _) = await InboxHotel.CreateAsync();
        await using var _ = hotel;
        var stay = await InboxHotel.BookAsync(hotel);
        bookings.Add("BDC-1001", stay);

        var sms = await InboxHotel.SmsAsync(hotel, "Can we check in early?");
        await InboxHotel.OtaWebhookAsync(hotel, "chx-m-1", "BDC-1001", "Also, is breakfast included?");

        await using var db = hotel.Db();
        var conversation = await db.Conversations.SingleAsync(c => c.ReservationId == stay.Id);
        var messages = await db.GuestMessages.Where(m => m.Direction == MessageDirection.Inbound).ToListAsync();
        Assert.Equal(2, messages.Count);
        Assert.All(messages, m => Assert.Equal(conversation.Id, m.ConversationId));
        Assert.All(messages, m => Assert.Equal(stay.Id, m.ReservationId));
        Assert.Equal(sms.GuestId, messages.Single(m => m.Channel == MessageChannel.Ota).GuestId);
        Assert.Equal("BDC-1001", conversation.ChannelBookingId);
        Assert.Equal(2, conversation.UnreadCount);
        Assert.True(conversation.IsUnanswered);
        Assert.Equal(MessageChannel.Ota, conversation.LastInboundChannel);
    }

    [Fact]
    public async Task TheBookingConfirmationAndTheGuestsEmailShareTheStaysConversation()
    {
        var (hotel, _, _) = await InboxHotel.CreateAsync();
        await using var _ = hotel;
        var stay = await InboxHotel.BookAsync(hotel);

        var email = await InboxHotel.EmailAsync(hotel, "Thanks! Could we have a cot in the room?", from: "ADA@guest.example");

        await using var db = hotel.Db();
        var conversation = await db.Conversations.SingleAsync();
        Assert.Equal(stay.Id, conversation.ReservationId);
        var confirmation = await db.GuestMessages.SingleAsync(m => m.TemplateKey == MessageTemplateKeys.BookingConfirmation);
        Assert.Equal(conversation.Id, confirmation.ConversationId);
        Assert.Equal(conversation.Id, email.ConversationId);
        Assert.Equal(stay.Id, email.ReservationId);
    }

    [Fact]
    public async Task AnUnknownSenderGetsAConversationOfTheirOwnAndKeepsIt()
    {
        var (hotel, _, _) = await InboxHotel.CreateAsync();
        await using var _ = hotel;
        await InboxHotel.BookAsync(hotel);

        var first = await InboxHotel.SmsAsync(hotel, "Do you have rooms for Friday?", from: "+447700900123");
        var second = await InboxHotel.SmsAsync(hotel, "For two people.", from: "+447700900123");

        Assert.Null(first.GuestId);
        Assert.Equal(first.ConversationId, second.ConversationId);
        await using var db = hotel.Db();
        Assert.Equal(2, await db.Conversations.CountAsync());
        var unknown = await db.Conversations.SingleAsync(c => c.GuestId == null);
        Assert.Equal("+447700900123", unknown.UnknownSender);
        Assert.Equal(2, unknown.UnreadCount);
    }

    [Fact]
    public async Task AnOtaMessageIsTakenOnceHoweverOftenTheWebhookArrives()
    {
        var (hotel, bookings, _) = await InboxHotel.CreateAsync();
        await using var _ = hotel;
        var stay = await InboxHotel.BookAsync(hotel);
        bookings.Add("BDC-2002", stay);
        var before = hotel.Published.Changes.Count;

        await InboxHotel.OtaWebhookAsync(hotel, "chx-m-7", "BDC-2002", "What time is breakfast?");
        await InboxHotel.OtaWebhookAsync(hotel, "chx-m-7", "BDC-2002", "What time is breakfast?");

        await using var db = hotel.Db();
        var message = await db.GuestMessages.SingleAsync(m => m.Channel == MessageChannel.Ota);
        Assert.Equal("chx-m-7", message.VendorMessageId);
        Assert.Equal(1, (await db.Conversations.SingleAsync(c => c.ReservationId == stay.Id)).UnreadCount);
        var change = Assert.Single(hotel.Published.Changes.Skip(before));
        Assert.Equal((ChangeTopic.Messages, ChangeKind.Created), (change.Topic, change.Kind));
        Assert.DoesNotContain("breakfast", change.Summary, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task TheHotelsOwnOtaRepliesComingBackByWebhookAreNotTakenAsTheGuests()
    {
        var (hotel, bookings, _) = await InboxHotel.CreateAsync();
        await using var _ = hotel;
        bookings.Add("BDC-3003", await InboxHotel.BookAsync(hotel));

        await InboxHotel.OtaWebhookAsync(hotel, "chx-m-9", "BDC-3003", "See you soon!", sender: "property");

        await using var db = hotel.Db();
        Assert.False(await db.GuestMessages.AnyAsync(m => m.Channel == MessageChannel.Ota));
    }

    [Fact]
    public async Task AnOtaMessageForABookingNotImportedYetStillHasAThreadThatItsStayLaterJoins()
    {
        var (hotel, _, _) = await InboxHotel.CreateAsync();
        await using var _ = hotel;

        var message = await hotel.Get<InboxIntake>().ReceiveOtaAsync("chx-m-11", "BDC-4004", "Is there a lift?", hotel.Time.GetUtcNow(), CancellationToken.None);
        var again = await hotel.Get<InboxIntake>().ReceiveOtaAsync("chx-m-12", "BDC-4004", "And parking?", hotel.Time.GetUtcNow(), CancellationToken.None);

        Assert.Null(message.GuestId);
        Assert.Equal(message.ConversationId, again.ConversationId);
    }

    [Fact]
    public async Task EveryInboundListenerRunsInTheSessionThatStoresTheMessage()
    {
        var listener = new RecordingListener();
        var (hotel, bookings, _) = await InboxHotel.CreateAsync(services => services.AddSingleton<IInboundGuestMessageListener>(listener));
        await using var _ = hotel;
        var stay = await InboxHotel.BookAsync(hotel);
        bookings.Add("BDC-5005", stay);

        await InboxHotel.SmsAsync(hotel, "Hello");
        await InboxHotel.OtaWebhookAsync(hotel, "chx-m-13", "BDC-5005", "Hi there");
        await InboxHotel.EmailAsync(hotel, "Good morning");

        Assert.Equal([MessageChannel.Sms, MessageChannel.Ota, MessageChannel.Email], listener.Seen.Select(s => s.Channel));
        // The message was not saved yet when the listener ran: it is being added in the listener's session.
        Assert.All(listener.Seen, s => Assert.True(s.AddedInSession));
        Assert.All(listener.Seen, s => Assert.NotNull(s.ConversationId));
    }

    [Fact]
    public async Task AListenerThatFailsLeavesNothingStored()
    {
        var (hotel, _, _) = await InboxHotel.CreateAsync(services => services.AddSingleton<IInboundGuestMessageListener>(new FailingListener()));
        await using var _ = hotel;
        await InboxHotel.BookAsync(hotel);

        await Assert.ThrowsAsync<InvalidOperationException>(() => InboxHotel.SmsAsync(hotel, "Hello"));

        await using var db = hotel.Db();
        Assert.False(await db.GuestMessages.AnyAsync(m => m.Direction == MessageDirection.Inbound));
    }

    [Fact]
    public async Task AnotherHotelSeesNoneOfTheConversations()
    {
        var (hotel, _, _) = await InboxHotel.CreateAsync();
        await using var _ = hotel;
        await InboxHotel.BookAsync(hotel);
        var message = await InboxHotel.SmsAsync(hotel, "Is the pool open?");
        await using var neighbour = await hotel.CreateNeighbourAsync();

        var theirs = await neighbour.Get<InboxService>().ConversationsAsync(new InboxFilter(), CancellationToken.None);

        Assert.Empty(theirs);
        await Assert.ThrowsAsync<Stayfull.Domain.Common.NotFoundException>(() => neighbour.Get<InboxService>().ThreadAsync(message.ConversationId!.Value, CancellationToken.None));
        Assert.Single(await hotel.Get<InboxService>().ConversationsAsync(new InboxFilter(), CancellationToken.None));
    }

    private sealed class RecordingListener : IInboundGuestMessageListener
    {
        public List<(MessageChannel Channel, bool AddedInSession, Guid? ConversationId)> Seen { get; } = [];

        public Task OnReceivedAsync(HotelSession s, GuestMessage message, CancellationToken cancellationToken)
        {
            Seen.Add((message.Channel, s.Db.Entry(message).State == EntityState.Added, message.ConversationId));
            return Task.CompletedTask;
        }
    }

    private sealed class FailingListener : IInboundGuestMessageListener
    {
        public Task OnReceivedAsync(HotelSession s, GuestMessage message, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("The listener broke.");
    }
}
