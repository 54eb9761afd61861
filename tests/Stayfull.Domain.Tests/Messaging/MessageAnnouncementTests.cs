using Stayfull.Domain.Live;
using Stayfull.Domain.Messaging;
using Stayfull.Domain.Reservations;
using Stayfull.Tests.Support;

namespace Stayfull.Domain.Tests.Messaging;

/// <summary>Open screens learn of guest messages through the Messages topic, once per real change.</summary>
public sealed class MessageAnnouncementTests
{
    private const string GuestNumber = "+351912345678";

    [Fact]
    public async Task AnInboundSmsIsAnnouncedOnceHoweverOftenItIsApplied()
    {
        await using var hotel = await TestHotel.CreateAsync();
        var reservation = await BookAsync(hotel);
        var tracking = hotel.Get<MessageTracking>();
        var before = hotel.Published.Changes.Count;

        var first = await tracking.ReceiveSmsAsync("SMabc", GuestNumber, "+15005550006", "Is breakfast included?", hotel.Time.GetUtcNow(), CancellationToken.None);
        await tracking.ReceiveSmsAsync("SMabc", GuestNumber, "+15005550006", "Is breakfast included?", hotel.Time.GetUtcNow(), CancellationToken.None);

        var change = Assert.Single(hotel.Published.Changes.Skip(before));
        Assert.Equal((ChangeTopic.Messages, ChangeKind.Created, first.GuestId), (change.Topic, change.Kind, change.EntityId));
        Assert.Equal(await GuestOfAsync(hotel, reservation), first.GuestId);
        Assert.DoesNotContain("breakfast", change.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADeliveryStatusIsAnnouncedWhenItChangesAndNotWhenRepeated()
    {
        await using var hotel = await TestHotel.CreateAsync();
        await BookAsync(hotel, email: "ada@guest.example");
        var tracking = hotel.Get<MessageTracking>();
        await using var db = hotel.Db();
        var confirmation = db.GuestMessages.Single();
        var before = hotel.Published.Changes.Count;

        await tracking.RecordStatusAsync(new MessageReference(confirmation.Id, null), DeliveryStatus.Bounced, hotel.Time.GetUtcNow(), "550 no such user", CancellationToken.None);
        await tracking.RecordStatusAsync(new MessageReference(confirmation.Id, null), DeliveryStatus.Bounced, hotel.Time.GetUtcNow(), "550 no such user", CancellationToken.None);

        var change = Assert.Single(hotel.Published.Changes.Skip(before));
        Assert.Equal((ChangeTopic.Messages, confirmation.GuestId), (change.Topic, change.EntityId));
        Assert.Equal("Email bounced", change.Summary);
    }

    [Fact]
    public async Task SendingFromTheDeskAnnouncesTheNewMessage()
    {
        await using var hotel = await TestHotel.CreateAsync();
        var reservation = await BookAsync(hotel);
        var before = hotel.Published.Changes.Count;

        var message = await hotel.Get<MessagingService>().SendAsync(reservation.Id, MessageTemplateKeys.PreArrival, MessageChannel.Sms, null, CancellationToken.None);

        var change = Assert.Single(hotel.Published.Changes.Skip(before));
        Assert.Equal((ChangeTopic.Messages, ChangeKind.Created, message.GuestId), (change.Topic, change.Kind, change.EntityId));
    }

    private static Task<Reservation> BookAsync(TestHotel hotel, string? email = null) =>
        hotel.Get<BookingService>().BookAsync(
            new BookingRequest { RoomTypeId = hotel.RoomTypes[0].Id, Arrival = hotel.Today.AddDays(2), Departure = hotel.Today.AddDays(4), GuestName = "Ada Lovelace", GuestEmail = email, GuestPhone = "+351 912 345 678" },
            CancellationToken.None);

    private static async Task<Guid> GuestOfAsync(TestHotel hotel, Reservation reservation)
    {
        await using var db = hotel.Db();
        return db.Reservations.Single(r => r.Id == reservation.Id).GuestId;
    }
}
