using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stayfull.Domain.Channels;
using Stayfull.Domain.Inbox;
using Stayfull.Domain.Integrations;
using Stayfull.Domain.Messaging;
using Stayfull.Tests.Support;

namespace Stayfull.Domain.Tests.Inbox;

/// <summary>The outbox hands a queued OTA reply to the channel manager and maps its failures.</summary>
public sealed class OtaMessageDispatcherTests
{
    private static async Task<(TestHotel Hotel, FakeChannelManager Channex, GuestMessage Reply, OutboxMessage Intent)> QueuedReplyAsync()
    {
        var (hotel, bookings, channex) = await InboxHotel.CreateAsync();
        bookings.Add("BDC-77", await InboxHotel.BookAsync(hotel));
        await InboxHotel.OtaWebhookAsync(hotel, "chx-m-1", "BDC-77", "Is there a cot?");
        await using var db = hotel.Db();
        var conversation = await db.Conversations.SingleAsync();
        var reply = await hotel.Get<InboxService>().ReplyAsync(conversation.Id, "Yes, we will set one up.", CancellationToken.None);
        var intent = await db.OutboxMessages.SingleAsync(o => o.Vendor == IntegrationVendor.Channex);
        return (hotel, channex, reply, intent);
    }

    private static Task<DispatchResult> DispatchAsync(TestHotel hotel, OutboxMessage intent)
    {
        var scope = hotel.Services.CreateScope();
        var dispatcher = scope.ServiceProvider.GetServices<IOutboxDispatcher>().Last(d => d.Vendor == IntegrationVendor.Channex);
        return dispatcher.DispatchAsync(intent, CancellationToken.None);
    }

    private static async Task<GuestMessage> ReloadAsync(TestHotel hotel, Guid id)
    {
        await using var db = hotel.Db();
        return await db.GuestMessages.SingleAsync(m => m.Id == id);
    }

    [Fact]
    public async Task AnOtaReplyIsSentIntoTheBookingsChatOnce()
    {
        var (hotel, channex, reply, intent) = await QueuedReplyAsync();
        await using var _ = hotel;

        var first = await DispatchAsync(hotel, intent);
        var replay = await DispatchAsync(hotel, intent);

        Assert.Equal(DispatchResult.Succeeded("chx-msg-1"), first);
        Assert.Equal(DispatchResult.Succeeded("chx-msg-1"), replay);
        var sent = Assert.Single(channex.Sent);
        Assert.Equal((hotel.HotelId, "BDC-77", "Yes, we will set one up."), sent);
        var stored = await ReloadAsync(hotel, reply.Id);
        Assert.Equal((DeliveryStatus.Sent, "chx-msg-1"), (stored.Status, stored.VendorMessageId));
    }

    [Fact]
    public async Task ARateLimitedOrUnreachableChannelManagerIsRetriedLater()
    {
        var (hotel, channex, reply, intent) = await QueuedReplyAsync();
        await using var _ = hotel;
        channex.Failure = new ChannelManagerException("Too Many Requests", 429, isTransient: true, TimeSpan.FromSeconds(60));

        var result = await DispatchAsync(hotel, intent);

        Assert.Equal(DispatchResult.Transient("Too Many Requests", TimeSpan.FromSeconds(60)), result);
        Assert.Equal(DeliveryStatus.Queued, (await ReloadAsync(hotel, reply.Id)).Status);
    }

    [Fact]
    public async Task ARefusalFailsTheReplyWithTheReason()
    {
        var (hotel, channex, reply, intent) = await QueuedReplyAsync();
        await using var _ = hotel;
        channex.Failure = new ChannelManagerException("The property has no Messages app.", 403, isTransient: false);

        var result = await DispatchAsync(hotel, intent);

        Assert.Equal(DispatchResult.Permanent("The property has no Messages app."), result);
        var stored = await ReloadAsync(hotel, reply.Id);
        Assert.Equal((DeliveryStatus.Failed, "The property has no Messages app."), (stored.Status, stored.Error));
    }
}
