using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Stayfull.Domain.Channels;
using Stayfull.Domain.Inbox;
using Stayfull.Domain.Integrations;
using Stayfull.Domain.Messaging;
using Stayfull.Domain.Reservations;
using Stayfull.Domain.Sessions;
using Stayfull.Tests.Support;

namespace Stayfull.Domain.Tests.Inbox;

/// <summary>A test hotel with a fake channel-booking import and a fake channel manager, plus inbox arrangements.</summary>
internal static class InboxHotel
{
    public const string GuestNumber = "+351912345678";
    public const string GuestEmail = "ada@guest.example";

    public static async Task<(TestHotel Hotel, FakeChannelBookings Bookings, FakeChannelManager Channex)> CreateAsync(Action<IServiceCollection>? configure = null)
    {
        var bookings = new FakeChannelBookings();
        var channex = new FakeChannelManager();
        var hotel = await TestHotel.CreateAsync(configure: services =>
        {
            services.AddLogging();
            services.AddSingleton<IChannelBookingLookup>(bookings);
            services.AddSingleton<IChannelManager>(channex);
            configure?.Invoke(services);
        });
        return (hotel, bookings, channex);
    }

    /// <summary>A stay from tomorrow whose guest gave a mobile number and an email address.</summary>
    public static Task<Reservation> BookAsync(TestHotel hotel, string name = "Ada Lovelace", string? email = GuestEmail, string? phone = "+351 912 345 678") =>
        hotel.Get<BookingService>().BookAsync(
            new BookingRequest { RoomTypeId = hotel.RoomTypes[0].Id, Arrival = hotel.Today.AddDays(1), Departure = hotel.Today.AddDays(3), GuestName = name, GuestEmail = email, GuestPhone = phone },
            CancellationToken.None);

    public static Task<GuestMessage> SmsAsync(TestHotel hotel, string body, string from = GuestNumber) =>
        hotel.Get<MessageTracking>().ReceiveSmsAsync("SM" + Guid.NewGuid().ToString("N"), from, "+15005550006", body, hotel.Time.GetUtcNow(), CancellationToken.None);

    /// <summary>A Channex <c>message</c> webhook as stored and fanned out by the channel event applier.</summary>
    public static async Task OtaWebhookAsync(TestHotel hotel, string messageId, string bookingId, string text, string sender = "guest")
    {
        var payload = JsonSerializer.Serialize(new { id = messageId, booking_id = bookingId, message_thread_id = "thread-" + bookingId, message = text, sender, attachments = Array.Empty<string>(), have_attachment = false });
        var body = $$"""{"event":"message","payload":{{payload}},"property_id":"prop-1","user_id":null,"timestamp":"2026-11-24T12:00:00.000000"}""";
        var inboxEvent = new InboxEvent(hotel.HotelId, IntegrationVendor.Channex, "chx-" + messageId, "message", body, hotel.Time.GetUtcNow());
        using var scope = hotel.Services.CreateScope();
        var applier = scope.ServiceProvider.GetServices<IWebhookApplier>().Last(a => a.Vendor == IntegrationVendor.Channex);
        await applier.HandleAsync(inboxEvent, CancellationToken.None);
    }

    public static Task<GuestMessage> EmailAsync(TestHotel hotel, string text, string from = GuestEmail, string subject = "Question about my stay") =>
        hotel.Get<InboxIntake>().ReceiveEmailAsync(new InboundEmail($"<{Guid.NewGuid():N}@mail.example>", from, "Ada", "stay@hotel.example", subject, text, hotel.Time.GetUtcNow()), CancellationToken.None);
}

public sealed class FakeChannelBookings : IChannelBookingLookup
{
    private readonly Dictionary<string, ChannelBookingStay> _stays = [];

    public void Add(string channelBookingId, Reservation reservation, string otaName = "Booking.com") =>
        _stays[channelBookingId] = new ChannelBookingStay(reservation.Id, reservation.GuestId, otaName);

    public Task<ChannelBookingStay?> FindAsync(HotelSession s, string channelBookingId, CancellationToken cancellationToken) =>
        Task.FromResult(_stays.GetValueOrDefault(channelBookingId));
}

/// <summary>Records OTA chat replies; <see cref="Failure"/> makes the next send throw.</summary>
public sealed class FakeChannelManager : IChannelManager
{
    public List<(Guid HotelId, string BookingId, string Text)> Sent { get; } = [];

    public ChannelManagerException? Failure { get; set; }

    public Task<ChannelMessage> SendBookingMessageAsync(Guid hotelId, string bookingId, string text, CancellationToken cancellationToken)
    {
        if (Failure is { } failure)
        {
            throw failure;
        }

        Sent.Add((hotelId, bookingId, text));
        return Task.FromResult(new ChannelMessage("chx-msg-" + Sent.Count, bookingId, "thread-1", text, ChannelMessageSender.Property, DateTimeOffset.UnixEpoch));
    }

    public Task<ChannelCatalog> GetCatalogAsync(Guid hotelId, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<AriPushResult> PushAvailabilityAsync(Guid hotelId, IReadOnlyList<AvailabilityValue> values, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<AriPushResult> PushRestrictionsAsync(Guid hotelId, string currency, IReadOnlyList<RestrictionValue> values, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<IReadOnlyList<BookingRevision>> GetRevisionFeedAsync(Guid hotelId, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<BookingRevision> GetRevisionAsync(Guid hotelId, string revisionId, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task AcknowledgeRevisionAsync(Guid hotelId, string revisionId, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<IReadOnlyList<ChannelMessage>> GetBookingMessagesAsync(Guid hotelId, string bookingId, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task RegisterWebhookAsync(Guid hotelId, Uri callbackUrl, string secretHeaderValue, CancellationToken cancellationToken) => throw new NotSupportedException();
}
