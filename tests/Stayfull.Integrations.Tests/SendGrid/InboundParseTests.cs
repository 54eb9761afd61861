using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Stayfull.Domain.Integrations;
using Stayfull.Domain.Messaging;
using Stayfull.Domain.Reservations;
using Stayfull.Integrations.SendGrid;
using Stayfull.Integrations.Tests.Messaging;

namespace Stayfull.Integrations.Tests.SendGrid;

/// <summary>Guests' emails as SendGrid Inbound Parse posts them, read into the inbox.</summary>
public sealed class InboundParseTests
{
    private static async Task<IReadOnlyDictionary<string, string>> ReadAsync(byte[] body)
    {
        using var stream = new MemoryStream(body);
        return await SendGridInboundParse.ReadFieldsAsync(stream, InboundParseForms.ContentType, CancellationToken.None);
    }

    [Fact]
    public async Task TheFormIsReadFieldByFieldInEachFieldsCharsetWithoutTheAttachments()
    {
        var fields = await ReadAsync(InboundParseForms.GuestReply(attachment: "JFIF-not-really-an-image"));

        Assert.Equal("Ada Lovelace <ada@guest.example>", fields["from"]);
        Assert.Equal("Re: Your booking at Test Hotel", fields["subject"]);
        Assert.StartsWith("Could we have a table at the café at 8?", fields["text"], StringComparison.Ordinal);
        Assert.False(fields.ContainsKey("attachment1"));
        Assert.Equal("1", fields["attachments"]);
    }

    [Fact]
    public async Task TheStoredEmailKeepsTheMessageIdTheSenderAndTheNewTextOnly()
    {
        var stored = SendGridInboundParse.ToStored(await ReadAsync(InboundParseForms.GuestReply()));

        Assert.Equal("<CAF=abc123@mail.gmail.com>", stored.MessageId);
        Assert.Equal("Could we have a table at the café at 8?", stored.Text);
        var inbound = SendGridInboundParse.ToInbound(stored, DateTimeOffset.UnixEpoch);
        Assert.Equal(("ada@guest.example", "Ada Lovelace", "stay@hotel.example"), (inbound.FromAddress, inbound.FromName, inbound.To));
    }

    [Fact]
    public async Task AnEmailWithoutMessageIdIsKeyedByAStableHashOfItsContent()
    {
        var withoutId = Encoding(InboundParseForms.GuestReply()).Replace("Message-ID: <CAF=abc123@mail.gmail.com>\n", "", StringComparison.Ordinal);

        var first = SendGridInboundParse.ToStored(await ReadAsync(System.Text.Encoding.Latin1.GetBytes(withoutId)));
        var second = SendGridInboundParse.ToStored(await ReadAsync(System.Text.Encoding.Latin1.GetBytes(withoutId)));

        Assert.StartsWith("sha256:", first.MessageId, StringComparison.Ordinal);
        Assert.Equal(first.MessageId, second.MessageId);
    }

    [Fact]
    public async Task ABodyThatIsNotMultipartIsRefused()
    {
        using var stream = new MemoryStream("{\"from\":\"x\"}"u8.ToArray());

        await Assert.ThrowsAsync<InvalidDataException>(() => SendGridInboundParse.ReadFieldsAsync(stream, "application/json", CancellationToken.None));
    }

    [Fact]
    public async Task TheSendGridApplierFilesAStoredInboundEmailInTheGuestsConversationOnce()
    {
        await using var harness = await MessagingHarness.CreateAsync();
        var stay = await harness.Hotel.Get<BookingService>().BookAsync(
            new BookingRequest { RoomTypeId = harness.Hotel.RoomTypes[0].Id, Arrival = harness.Hotel.Today.AddDays(3), Departure = harness.Hotel.Today.AddDays(5), GuestName = "Ada Lovelace", GuestEmail = "ada@guest.example" },
            CancellationToken.None);
        var stored = SendGridInboundParse.ToStored(await ReadAsync(InboundParseForms.GuestReply()));
        var inboxEvent = new InboxEvent(harness.HotelId, IntegrationVendor.SendGrid, stored.MessageId, SendGridInboundParse.EventType, JsonSerializer.Serialize(stored, JsonDefaults.Options), harness.Hotel.Time.GetUtcNow());

        await harness.Applier(IntegrationVendor.SendGrid).HandleAsync(inboxEvent, CancellationToken.None);
        await harness.Applier(IntegrationVendor.SendGrid).HandleAsync(inboxEvent, CancellationToken.None);

        await using var db = harness.Hotel.Db();
        var email = await db.GuestMessages.SingleAsync(m => m.Direction == MessageDirection.Inbound);
        Assert.Equal((MessageChannel.Email, "ada@guest.example", stay.Id, "<CAF=abc123@mail.gmail.com>"), (email.Channel, email.From, email.ReservationId!.Value, email.VendorMessageId!));
        var conversation = await db.Conversations.SingleAsync(c => c.Id == email.ConversationId);
        Assert.Equal((stay.Id, 1, true), (conversation.ReservationId!.Value, conversation.UnreadCount, conversation.IsUnanswered));
        Assert.Equal(MessageChannel.Email, conversation.LastInboundChannel);
    }

    private static string Encoding(byte[] body) => System.Text.Encoding.Latin1.GetString(body);
}
