using Microsoft.EntityFrameworkCore;
using Stayfull.Domain.Replies;

namespace Stayfull.Domain.Tests.Replies;

public sealed class AutoReplyTests
{
    [Fact]
    public async Task AConfidentKnowledgeBaseAnswerIsSentAutomaticallyWhenTheHotelTurnedItOn()
    {
        await using var hotel = await RepliesHotel.CreateAsync();
        await hotel.TurnOnAutoRepliesAsync();
        var guestId = await hotel.GuestAsync();

        var message = await hotel.ReceiveAsync(guestId, "Do you have parking for our car?");

        var sent = Assert.Single(hotel.Sender().Sent);
        Assert.Equal(message.Id, sent.InboundId);
        Assert.True(sent.Automatic);
        Assert.Contains("garage", sent.Text, StringComparison.Ordinal);
        await using var db = hotel.Db();
        var record = await db.AutomaticReplies.SingleAsync();
        Assert.Equal(message.Id, record.InboundMessageId);
        Assert.Equal(ReplyKind.Faq, record.Kind);
        Assert.True(record.Confidence >= ReplySettings.DefaultThreshold);
        Assert.Contains(await hotel.AuditOfAsync(message.Id), a => a.Action == "AnsweredAutomatically");
    }

    [Fact]
    public async Task NothingIsSentWhileAutomaticRepliesAreOffAsTheyAreByDefault()
    {
        await using var hotel = await RepliesHotel.CreateAsync();
        var guestId = await hotel.GuestAsync();

        await hotel.ReceiveAsync(guestId, "Do you have parking for our car?");

        Assert.Empty(hotel.Sender().Sent);
        Assert.False((await hotel.Get<KnowledgeBaseService>().SettingsAsync(CancellationToken.None)).AutoSendEnabled);
    }

    [Theory]
    [InlineData("I want a refund for the parking you charged me")]
    [InlineData("The room is dirty and the wifi is broken, this is unacceptable")]
    [InlineData("Please cancel my reservation for next week")]
    [InlineData("Can I change my booking? I'd need the breakfast too")]
    [InlineData("How much do I owe for parking?")]
    public async Task MoneyComplaintsAndCancellationsAlwaysWaitForAPerson(string body)
    {
        await using var hotel = await RepliesHotel.CreateAsync();
        await hotel.TurnOnAutoRepliesAsync(threshold: 0.5);
        var guestId = await hotel.GuestAsync();

        await hotel.ReceiveAsync(guestId, body);

        Assert.Empty(hotel.Sender().Sent);
    }

    [Fact]
    public async Task AQuestionTheKnowledgeBaseCannotAnswerIsLeftToAPerson()
    {
        await using var hotel = await RepliesHotel.CreateAsync();
        await hotel.TurnOnAutoRepliesAsync(threshold: 0.5);
        var guestId = await hotel.GuestAsync();

        await hotel.ReceiveAsync(guestId, "Can you recommend a dentist?");

        Assert.Empty(hotel.Sender().Sent);
    }

    [Fact]
    public async Task AnAnswerBelowTheHotelsThresholdIsNotSent()
    {
        await using var hotel = await RepliesHotel.CreateAsync();
        await hotel.TurnOnAutoRepliesAsync(threshold: 1.0);
        var guestId = await hotel.GuestAsync();

        await hotel.ReceiveAsync(guestId, "Do you have parking for our car?");

        Assert.Empty(hotel.Sender().Sent);
    }

    [Fact]
    public async Task AMessageIsAnsweredAutomaticallyOnceHoweverOftenItIsHandedOver()
    {
        await using var hotel = await RepliesHotel.CreateAsync();
        await hotel.TurnOnAutoRepliesAsync();
        var guestId = await hotel.GuestAsync();

        var message = await hotel.ReceiveAsync(guestId, "What is the wifi password?", listenerRuns: 2);
        await hotel.RedeliverAsync(message.Id);

        Assert.Single(hotel.Sender().Sent);
        await using var db = hotel.Db();
        Assert.Equal(1, await db.AutomaticReplies.CountAsync());
    }
}
