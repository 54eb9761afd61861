using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stayfull.Domain.Guests;
using Stayfull.Domain.Messaging;
using Stayfull.Domain.Replies;
using Stayfull.Domain.Sessions;
using Stayfull.Tests.Support;

namespace Stayfull.Domain.Tests.Replies;

/// <summary>A test hotel with suggested replies wired and a reply sender that records what it was asked to send.</summary>
internal static class RepliesHotel
{
    public static Task<TestHotel> CreateAsync() =>
        TestHotel.CreateAsync(configure: services => services
            .AddStayfullReplies()
            .AddSingleton<RecordingReplySender>()
            .AddScoped<IGuestReplySender>(sp => sp.GetRequiredService<RecordingReplySender>()));

    public static RecordingReplySender Sender(this TestHotel hotel) => hotel.Services.GetRequiredService<RecordingReplySender>();

    /// <summary>Stores a guest's SMS and hands it to the automatic-reply listener in the same session, as the inbox does.</summary>
    public static async Task<GuestMessage> ReceiveAsync(this TestHotel hotel, Guid guestId, string body, int listenerRuns = 1)
    {
        var message = GuestMessage.InboundSms(hotel.HotelId, guestId, "+351910000001", "+351210000000", body, "SM" + Guid.NewGuid().ToString("N"), hotel.Time.GetUtcNow());
        var listener = hotel.Listener();
        await hotel.Get<HotelSessions>().WriteAsync(async s =>
        {
            s.Db.GuestMessages.Add(message);
            for (var i = 0; i < listenerRuns; i++)
            {
                await listener.OnReceivedAsync(s, message, CancellationToken.None);
            }
        }, CancellationToken.None);
        return message;
    }

    /// <summary>Hands an already stored message to the listener again (a redelivery).</summary>
    public static Task RedeliverAsync(this TestHotel hotel, Guid messageId) =>
        hotel.Get<HotelSessions>().WriteAsync(async s =>
        {
            var message = await s.Db.GuestMessages.SingleAsync(m => m.Id == messageId);
            await hotel.Listener().OnReceivedAsync(s, message, CancellationToken.None);
        }, CancellationToken.None);

    public static async Task<Guid> GuestAsync(this TestHotel hotel, string name = "Ana Costa")
    {
        await using var db = hotel.Db();
        var guest = new Guest(hotel.HotelId, name, "ana@example.com", "+351910000001");
        db.Guests.Add(guest);
        await db.SaveChangesAsync();
        return guest.Id;
    }

    public static Task TurnOnAutoRepliesAsync(this TestHotel hotel, double threshold = ReplySettings.DefaultThreshold) =>
        hotel.AsOwnerAsync(() => hotel.Get<KnowledgeBaseService>().SaveSettingsAsync(new ReplySettingsValues(true, threshold), CancellationToken.None));

    /// <summary>The automatic-reply listener among the inbound-message listeners, as the inbox resolves them.</summary>
    public static IInboundGuestMessageListener Listener(this TestHotel hotel) =>
        hotel.Get<IEnumerable<IInboundGuestMessageListener>>().OfType<AutoReplyListener>().Single();
}

/// <summary>Records every reply the inbox was asked to queue, and queues it as an outbound message as the inbox would.</summary>
internal sealed class RecordingReplySender : IGuestReplySender
{
    private readonly List<(Guid InboundId, string Text, bool Automatic)> _sent = [];

    public IReadOnlyList<(Guid InboundId, string Text, bool Automatic)> Sent
    {
        get
        {
            lock (_sent)
            {
                return [.. _sent];
            }
        }
    }

    public Task<GuestMessage> QueueReplyAsync(HotelSession s, GuestMessage inbound, string text, bool automatic, CancellationToken cancellationToken)
    {
        lock (_sent)
        {
            _sent.Add((inbound.Id, text, automatic));
        }

        var reply = GuestMessage.Outbound(s.HotelId, inbound.GuestId!.Value, inbound.ReservationId, inbound.Channel, inbound.From, inbound.To, null, text, null, null, s.Now);
        s.Db.GuestMessages.Add(reply);
        return Task.FromResult(reply);
    }
}
