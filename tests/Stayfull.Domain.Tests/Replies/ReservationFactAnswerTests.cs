using Stayfull.Domain.Messaging;
using Stayfull.Domain.Replies;
using Stayfull.Domain.Sessions;
using Stayfull.Domain.SmartRooms;

namespace Stayfull.Domain.Tests.Replies;

public sealed class ReservationFactAnswerTests
{
    [Theory]
    [InlineData("What time can I check in?", "from 15:00")]
    [InlineData("when can we check in tomorrow", "from 15:00")]
    [InlineData("what time is check out", "by 11:00")]
    [InlineData("Which room am I in?", "room 204")]
    [InlineData("what's my room number", "room 204")]
    [InlineData("When is my booking?", "Tuesday 24 November to Friday 27 November (3 nights)")]
    public void QuestionsAboutTheStayAreAnsweredFromItsFacts(string question, string expected)
    {
        var suggestion = KnowledgeBaseReplySuggester.Suggest(ReplyTestData.Request(question, reservation: ReplyTestData.Stay(), guestName: "Ana Costa"));

        Assert.Equal(ReplyKind.ReservationFact, suggestion.Kind);
        Assert.Contains(expected, suggestion.Text, StringComparison.Ordinal);
        Assert.StartsWith("Hello Ana!", suggestion.Text, StringComparison.Ordinal);
        Assert.Equal(ReplyTopic.General, suggestion.Topic);
        Assert.True(suggestion.Confidence >= 0.9);
    }

    [Fact]
    public void AnEarlyCheckInQuestionIsNotTheCheckInTime()
    {
        var suggestion = KnowledgeBaseReplySuggester.Suggest(ReplyTestData.Request("Can I check in early, around 10?", reservation: ReplyTestData.Stay()));

        Assert.Equal(ReplyKind.Faq, suggestion.Kind);
        Assert.Equal("Early check-in", suggestion.MatchedEntryTitle);
    }

    [Fact]
    public void TheBalanceComesFromTheFolioAndGoesToAPerson()
    {
        var suggestion = KnowledgeBaseReplySuggester.Suggest(ReplyTestData.Request("How much do I owe?", reservation: ReplyTestData.Stay(balanceMinor: 12_550)));

        Assert.Equal(ReplyKind.ReservationFact, suggestion.Kind);
        Assert.Contains("€125.50", suggestion.Text, StringComparison.Ordinal);
        Assert.Equal(ReplyTopic.Money, suggestion.Topic);
        Assert.NotNull(suggestion.NeedsPerson);
    }

    [Theory]
    [InlineData(DoorCodeStatus.Ready, "online check-in page")]
    [InlineData(DoorCodeStatus.NotIssued, "on the day of arrival")]
    [InlineData(DoorCodeStatus.Pending, "being set on the lock")]
    public void ADoorCodeQuestionSaysWhereTheCodeIsWithoutTheCode(DoorCodeStatus status, string expected)
    {
        var suggestion = KnowledgeBaseReplySuggester.Suggest(ReplyTestData.Request("whats my door code?", reservation: ReplyTestData.Stay(doorCode: status)));

        Assert.Equal(ReplyKind.ReservationFact, suggestion.Kind);
        Assert.Contains(expected, suggestion.Text, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\d{4,}", suggestion.Text);
    }

    [Fact]
    public void AQuestionAboutABookingTheMessageIsNotLinkedToIsDeclined()
    {
        var suggestion = KnowledgeBaseReplySuggester.Suggest(ReplyTestData.Request("Which room am I in?"));

        Assert.Equal(ReplyKind.Declined, suggestion.Kind);
        Assert.NotNull(suggestion.NeedsPerson);
    }

    [Fact]
    public async Task TheLoaderReadsTheGuestsStayItsRoomFolioBalanceAndDoorCodeButNeverTheCode()
    {
        await using var hotel = await RepliesHotel.CreateAsync();
        var reservation = await hotel.CheckedInAsync("102", nights: 3);
        await hotel.PayAsync(reservation.Id, 10_000);
        var total = (await hotel.FolioEntriesAsync(reservation.Id)).Sum(e => e.SignedAmountMinor);
        await using (var db = hotel.Db())
        {
            var device = new RoomDevice(hotel.HotelId, new SmartDevice("dev_lock_102", "august_lock", "Front door 102", "August", "Smart Lock", true, true, false, null, [SmartDeviceCapabilities.Lock], [], [], [], []), hotel.Time.GetUtcNow());
            db.RoomDevices.Add(device);
            var key = new AccessKey(hotel.HotelId, reservation.Id, reservation.RoomId!.Value, device.Id, hotel.Time.GetUtcNow(), hotel.Time.GetUtcNow().AddDays(3), hotel.Time.GetUtcNow());
            key.Accepted("ac_1", "918273", hotel.Time.GetUtcNow());
            key.SetOnDevice("918273", hotel.Time.GetUtcNow());
            db.AccessKeys.Add(key);
            await db.SaveChangesAsync();
        }

        var message = GuestMessage.InboundSms(hotel.HotelId, reservation.GuestId, "+351910000001", "+351210000000", "what's the door code?", "SM1", hotel.Time.GetUtcNow());
        var request = await hotel.Get<HotelSessions>().WriteAsync(async s =>
        {
            s.Db.GuestMessages.Add(message);
            return await ReplyContextLoader.ForMessageAsync(s, message, CancellationToken.None);
        }, CancellationToken.None);

        var facts = Assert.IsType<ReservationFacts>(request.Reservation);
        Assert.Equal("102", facts.RoomNumber);
        Assert.Equal(total, facts.BalanceDueMinor);
        Assert.Equal(DoorCodeStatus.Ready, facts.DoorCode);
        Assert.Equal(TestHotelArrangements.GuestName, request.GuestName);
        Assert.NotEmpty(request.Knowledge);
        var suggestion = await hotel.Get<ReplySuggestionService>().SuggestForMessageAsync(message.Id, CancellationToken.None);
        Assert.Equal(ReplyKind.ReservationFact, suggestion.Kind);
        Assert.DoesNotContain("918273", suggestion.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnotherHotelsMessageIsNotFound()
    {
        await using var hotel = await RepliesHotel.CreateAsync();
        await using var neighbour = await hotel.CreateNeighbourAsync();
        var guestId = await hotel.GuestAsync();
        var message = await hotel.ReceiveAsync(guestId, "Is there parking?");

        neighbour.ActAs(Stayfull.Domain.Tenancy.StaffRole.Owner);
        var services = new ReplySuggestionService(neighbour.Get<HotelSessions>(), new KnowledgeBaseReplySuggester());
        await Assert.ThrowsAsync<Stayfull.Domain.Common.NotFoundException>(() => services.SuggestForMessageAsync(message.Id, CancellationToken.None));
    }
}
