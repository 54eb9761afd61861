using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Stayfull.Domain.Common;
using Stayfull.Domain.Integrations;
using Stayfull.Domain.Messaging;
using Stayfull.Domain.Reservations;
using Stayfull.Domain.Tenancy;
using Stayfull.Tests.Support;

namespace Stayfull.Domain.Tests.Messaging;

public sealed class MessagingServiceTests
{
    private static Task<Reservation> BookAsync(TestHotel hotel, string? email = null, string? phone = null, string name = "Ada Lovelace") =>
        hotel.Get<BookingService>().BookAsync(
            new BookingRequest { RoomTypeId = hotel.RoomTypes[0].Id, Arrival = hotel.Today.AddDays(2), Departure = hotel.Today.AddDays(4), GuestName = name, GuestEmail = email, GuestPhone = phone },
            CancellationToken.None);

    [Fact]
    public async Task ABookingWithAnEmailQueuesItsConfirmationInTheSameSave()
    {
        await using var hotel = await TestHotel.CreateAsync();

        var reservation = await BookAsync(hotel, email: "ada@guest.example");

        await using var db = hotel.Db();
        var message = await db.GuestMessages.SingleAsync();
        Assert.Equal(reservation.Id, message.ReservationId);
        Assert.Equal(MessageTemplateKeys.BookingConfirmation, message.TemplateKey);
        Assert.Equal(DeliveryStatus.Queued, message.Status);
        Assert.Equal("ada@guest.example", message.To);
        Assert.Contains(reservation.ConfirmationCode, message.Subject, StringComparison.Ordinal);
        Assert.Contains("€", message.Body, StringComparison.Ordinal);
        var outbox = await db.OutboxMessages.SingleAsync();
        Assert.Equal(IntegrationVendor.SendGrid, outbox.Vendor);
        Assert.Equal($"msg-{reservation.Id}-booking-confirmation-email", outbox.IdempotencyKey);
        Assert.Equal(message.Id, JsonSerializer.Deserialize<MessagePayload>(outbox.Payload, JsonDefaults.Options)!.MessageId);
        Assert.DoesNotContain("ada@guest.example", outbox.Payload, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABookingWithoutAnEmailQueuesNothing()
    {
        await using var hotel = await TestHotel.CreateAsync();

        await BookAsync(hotel);

        await using var db = hotel.Db();
        Assert.False(await db.GuestMessages.AnyAsync());
        Assert.False(await db.OutboxMessages.AnyAsync());
    }

    [Fact]
    public async Task SendingTheSameTemplateTwiceQueuesItOnce()
    {
        await using var hotel = await TestHotel.CreateAsync();
        var reservation = await BookAsync(hotel, phone: "+351 912 345 678");
        var messaging = hotel.Get<MessagingService>();

        var first = await messaging.SendAsync(reservation.Id, MessageTemplateKeys.CheckInLink, MessageChannel.Sms, new TemplateExtras("https://x.example/c"), CancellationToken.None);
        var second = await messaging.SendAsync(reservation.Id, MessageTemplateKeys.CheckInLink, MessageChannel.Sms, new TemplateExtras("https://x.example/c"), CancellationToken.None);

        Assert.Equal(first.Id, second.Id);
        Assert.Equal("+351912345678", first.To);
        await using var db = hotel.Db();
        Assert.Equal(1, await db.OutboxMessages.CountAsync(m => m.Vendor == IntegrationVendor.Twilio));
    }

    [Fact]
    public async Task AGuestWithoutAnEmailCannotBeEmailedAndIsToldWhy()
    {
        await using var hotel = await TestHotel.CreateAsync();
        var reservation = await BookAsync(hotel, name: "Walk In");

        var refusal = await Assert.ThrowsAsync<RuleViolationException>(() =>
            hotel.Get<MessagingService>().SendAsync(reservation.Id, MessageTemplateKeys.Receipt, MessageChannel.Email, null, CancellationToken.None));

        Assert.Equal("Walk In has no email address.", refusal.Message);
    }

    [Fact]
    public async Task HousekeepingCannotMessageGuests()
    {
        await using var hotel = await TestHotel.CreateAsync();
        var reservation = await BookAsync(hotel, email: "ada@guest.example");
        hotel.ActAs(StaffRole.Housekeeping);

        await Assert.ThrowsAsync<ForbiddenException>(() =>
            hotel.Get<MessagingService>().SendAsync(reservation.Id, MessageTemplateKeys.Receipt, MessageChannel.Email, null, CancellationToken.None));
    }

    [Fact]
    public async Task AManagersEditedTemplateIsUsedForTheNextMessage()
    {
        await using var hotel = await TestHotel.CreateAsync();
        hotel.ActAs(StaffRole.Manager);
        var messaging = hotel.Get<MessagingService>();

        await messaging.SaveTemplateAsync(MessageTemplateKeys.BookingConfirmation, new TemplateText("Welcome {{GuestName}}", "See you on {{Arrival}}, {{GuestName}}.", "See you {{Arrival}}"), CancellationToken.None);
        await BookAsync(hotel, email: "ada@guest.example");

        var templates = await messaging.TemplatesAsync(CancellationToken.None);
        Assert.True(templates.Single(t => t.Key == MessageTemplateKeys.BookingConfirmation).IsCustomised);
        Assert.False(templates.Single(t => t.Key == MessageTemplateKeys.Receipt).IsCustomised);
        await using var db = hotel.Db();
        var message = await db.GuestMessages.SingleAsync();
        Assert.Equal("Welcome Ada Lovelace", message.Subject);
        Assert.StartsWith("See you on ", message.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownPlaceholderIsRefusedWithTheKnownOnes()
    {
        await using var hotel = await TestHotel.CreateAsync();
        hotel.ActAs(StaffRole.Manager);

        var refusal = await Assert.ThrowsAsync<ValidationException>(() =>
            hotel.Get<MessagingService>().SaveTemplateAsync(MessageTemplateKeys.Receipt, new TemplateText("Hi {{FirstName}}", "Body", "Sms"), CancellationToken.None));

        Assert.Contains("{{FirstName}}", refusal.Errors["subject"][0], StringComparison.Ordinal);
        Assert.Contains("{{GuestName}}", refusal.Errors["subject"][0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task FrontDeskCannotEditTemplates()
    {
        await using var hotel = await TestHotel.CreateAsync();
        hotel.ActAs(StaffRole.FrontDesk);

        await Assert.ThrowsAsync<ForbiddenException>(() =>
            hotel.Get<MessagingService>().SaveTemplateAsync(MessageTemplateKeys.Receipt, DefaultTemplates.For(MessageTemplateKeys.Receipt), CancellationToken.None));
    }

    [Fact]
    public async Task APreviewFillsUnsavedWordingWithASampleAndTheHotelsName()
    {
        await using var hotel = await TestHotel.CreateAsync();
        hotel.ActAs(StaffRole.Manager);

        var preview = await hotel.Get<MessagingService>().PreviewAsync(new TemplateText("{{HotelName}}", "Code {{KeyCode}} for {{GuestName}} <3", "{{ConfirmationCode}}"), CancellationToken.None);

        Assert.Equal(hotel.Hotel.Name, preview.Subject);
        Assert.Equal("Code 123456 for Alex Sample <3", preview.Text);
        Assert.Contains("Code 123456 for Alex Sample &lt;3", preview.Html, StringComparison.Ordinal);
        Assert.Equal("SAMPLE1", preview.Sms);
    }

    [Fact]
    public async Task ADispatchedDemoMessageIsDeliveredAndNotSentTwice()
    {
        await using var hotel = await TestHotel.CreateAsync();
        await BookAsync(hotel, email: "ada@guest.example");
        var sender = new CountingEmailSender();
        var dispatcher = new EmailDispatcher(hotel.Get<Sessions.HotelSessions>(), sender);
        OutboxMessage outbox;
        await using (var db = hotel.Db())
        {
            outbox = await db.OutboxMessages.SingleAsync();
        }

        var first = await dispatcher.DispatchAsync(outbox, CancellationToken.None);
        var replay = await dispatcher.DispatchAsync(outbox, CancellationToken.None);

        Assert.Equal(DispatchResult.Succeeded("demo-1"), first);
        Assert.Equal(DispatchResult.Succeeded("demo-1"), replay);
        Assert.Equal(1, sender.Calls);
        await using var check = hotel.Db();
        var message = await check.GuestMessages.Include(m => m.StatusChanges).SingleAsync();
        Assert.Equal(DeliveryStatus.Delivered, message.Status);
        Assert.True(message.IsDemo);
        Assert.Equal([DeliveryStatus.Queued, DeliveryStatus.Delivered], message.StatusChanges.OrderBy(c => c.Id).Select(c => c.Status));
    }

    private sealed class CountingEmailSender : IEmailSender
    {
        public int Calls { get; private set; }

        public Task<SendResult> SendAsync(OutgoingEmail email, CancellationToken cancellationToken)
        {
            Calls++;
            return Task.FromResult(SendResult.Accepted("demo-" + Calls, isDemo: true));
        }
    }
}
