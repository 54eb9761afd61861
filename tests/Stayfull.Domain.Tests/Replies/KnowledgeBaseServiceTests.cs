using Microsoft.EntityFrameworkCore;
using Stayfull.Domain.Common;
using Stayfull.Domain.Live;
using Stayfull.Domain.Replies;
using Stayfull.Domain.Tenancy;

namespace Stayfull.Domain.Tests.Replies;

public sealed class KnowledgeBaseServiceTests
{
    private static readonly KnowledgeEntryValues Spa = new("Spa", KnowledgeCategory.Facilities, "Is there a spa?\nCan I book a massage?", "Our spa is open from 10:00 to 20:00; book treatments at reception.");

    [Fact]
    public async Task ANewHotelStartsWithTheDefaultEntriesAndAutomaticRepliesOff()
    {
        await using var hotel = await RepliesHotel.CreateAsync();

        var entries = await hotel.Get<KnowledgeBaseService>().EntriesAsync(CancellationToken.None);
        var settings = await hotel.Get<KnowledgeBaseService>().SettingsAsync(CancellationToken.None);

        Assert.Equal(DefaultKnowledgeBase.Entries("EUR").Select(e => e.Title).Order(), entries.Select(e => e.Title).Order());
        Assert.All(entries, e => Assert.True(e.Enabled));
        Assert.Equal(new ReplySettingsValues(false, 0.8), settings);
    }

    [Fact]
    public async Task AManagerAddsEditsAndDeletesAnEntryAuditedAndAnnouncedLive()
    {
        await using var hotel = await RepliesHotel.CreateAsync();
        hotel.ActAs(StaffRole.Manager);
        var service = hotel.Get<KnowledgeBaseService>();

        var added = await service.SaveAsync(null, Spa, CancellationToken.None);
        var edited = await service.SaveAsync(added.Id, Spa with { Answer = "The spa is open from 9:00 to 21:00.", Enabled = false }, CancellationToken.None);
        await using (var db = hotel.Db())
        {
            var stored = await db.KnowledgeBaseEntries.SingleAsync(e => e.Id == added.Id);
            Assert.Equal("The spa is open from 9:00 to 21:00.", stored.Answer);
            Assert.False(stored.Enabled);
            Assert.Equal(["Is there a spa?", "Can I book a massage?"], stored.PhrasingList);
        }

        await service.DeleteAsync(edited.Id, CancellationToken.None);

        await using var after = hotel.Db();
        Assert.False(await after.KnowledgeBaseEntries.AnyAsync(e => e.Id == added.Id));
        Assert.Equal(["Added", "Deleted", "Updated"], (await hotel.AuditOfAsync(added.Id)).Select(a => a.Action).Order());
        Assert.Equal(3, hotel.Published.Changes.Count(c => c.Topic == ChangeTopic.Settings && c.EntityId == added.Id));
    }

    [Fact]
    public async Task ADisabledEntryIsNeverUsedInAReply()
    {
        await using var hotel = await RepliesHotel.CreateAsync();
        var service = hotel.Get<KnowledgeBaseService>();
        var parking = (await service.EntriesAsync(CancellationToken.None)).Single(e => e.Title == "Parking");
        await service.SaveAsync(parking.Id, parking.Values with { Enabled = false }, CancellationToken.None);

        var suggestion = await hotel.Get<ReplySuggestionService>().TryQuestionAsync("Where can I park my car?", CancellationToken.None);

        Assert.NotEqual("Parking", suggestion.MatchedEntryTitle);
    }

    [Fact]
    public async Task TryingAQuestionShowsTheAnswerWithTheHotelsOwnHours()
    {
        await using var hotel = await RepliesHotel.CreateAsync();

        var suggestion = await hotel.Get<ReplySuggestionService>().TryQuestionAsync("what time is check in?", CancellationToken.None);

        Assert.Equal("Check-in time", suggestion.MatchedEntryTitle);
        Assert.Contains("from 15:00", suggestion.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("{check-in time}", suggestion.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "An answer", "Title")]
    [InlineData("Spa", "", "Answer")]
    [InlineData("Parking", "Another parking answer", "Title")]
    public async Task AnEntryWithoutATitleOrAnswerOrWithATakenTitleIsRefused(string title, string answer, string field)
    {
        await using var hotel = await RepliesHotel.CreateAsync();

        var refused = await Assert.ThrowsAsync<ValidationException>(() =>
            hotel.Get<KnowledgeBaseService>().SaveAsync(null, new KnowledgeEntryValues(title, KnowledgeCategory.Other, "", answer), CancellationToken.None));

        Assert.Contains(field, refused.Errors.Keys);
    }

    [Fact]
    public async Task FrontDeskStaffMayReadButNotChangeTheKnowledgeBase()
    {
        await using var hotel = await RepliesHotel.CreateAsync();
        hotel.ActAs(StaffRole.FrontDesk);
        var service = hotel.Get<KnowledgeBaseService>();

        Assert.NotEmpty(await service.EntriesAsync(CancellationToken.None));
        await Assert.ThrowsAsync<ForbiddenException>(() => service.SaveAsync(null, Spa, CancellationToken.None));
        await Assert.ThrowsAsync<ForbiddenException>(() => service.SaveSettingsAsync(new ReplySettingsValues(true, 0.9), CancellationToken.None));
    }

    [Theory]
    [InlineData(0.3)]
    [InlineData(1.2)]
    public async Task AThresholdOutsideHalfToOneIsRefused(double threshold)
    {
        await using var hotel = await RepliesHotel.CreateAsync();

        await Assert.ThrowsAsync<ValidationException>(() =>
            hotel.Get<KnowledgeBaseService>().SaveSettingsAsync(new ReplySettingsValues(true, threshold), CancellationToken.None));
    }

    [Fact]
    public async Task AnotherHotelsEntryCanBeNeitherSeenNorChangedNorDeleted()
    {
        await using var hotel = await RepliesHotel.CreateAsync();
        await using var neighbour = await hotel.CreateNeighbourAsync();
        var theirs = (await new KnowledgeBaseService(neighbour.Get<Sessions.HotelSessions>()).EntriesAsync(CancellationToken.None))[0];
        var service = hotel.Get<KnowledgeBaseService>();

        Assert.DoesNotContain(await service.EntriesAsync(CancellationToken.None), e => e.Id == theirs.Id);
        await Assert.ThrowsAsync<NotFoundException>(() => service.SaveAsync(theirs.Id, Spa, CancellationToken.None));
        await Assert.ThrowsAsync<NotFoundException>(() => service.DeleteAsync(theirs.Id, CancellationToken.None));
        await using var db = neighbour.Db();
        Assert.Equal(theirs.Answer, (await db.KnowledgeBaseEntries.SingleAsync(e => e.Id == theirs.Id)).Answer);
    }
}
