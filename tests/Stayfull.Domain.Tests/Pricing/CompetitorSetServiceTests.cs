using Microsoft.EntityFrameworkCore;
using Stayfull.Domain.Common;
using Stayfull.Domain.Pricing;
using Stayfull.Domain.Tenancy;

namespace Stayfull.Domain.Tests.Pricing;

public sealed class CompetitorSetServiceTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task ASixteenthCompetitorIsRefused()
    {
        await using var hotel = await CompetitorSetHotel.CreateAsync();
        for (var i = 1; i <= Competitor.MaxSet; i++)
        {
            await CompetitorSetHotel.AddAsync(hotel, $"Hotel {i}", $"h{i}");
        }

        var refusal = await Assert.ThrowsAsync<RuleViolationException>(() => CompetitorSetHotel.AddAsync(hotel, "Hotel 16", "h16"));

        Assert.Contains("at most 15", refusal.Message, StringComparison.Ordinal);
        await using var db = hotel.Db();
        Assert.Equal(Competitor.MaxSet, await db.Competitors.CountAsync());
        Assert.Null((await hotel.Get<CompetitorSetService>().GetAsync(None)).Warning);
    }

    [Fact]
    public async Task FewerThanFiveCompetitorsShowAWarning()
    {
        await using var hotel = await CompetitorSetHotel.CreateAsync();
        await CompetitorSetHotel.AddAsync(hotel, "Hotel Across", "across");

        var set = await hotel.Get<CompetitorSetService>().GetAsync(None);

        Assert.Contains("1 of at least 5", set.Warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheSameProviderIdTwiceAndABlankNameAreRefused()
    {
        await using var hotel = await CompetitorSetHotel.CreateAsync();
        await CompetitorSetHotel.AddAsync(hotel, "Hotel Across", "across");

        await Assert.ThrowsAsync<RuleViolationException>(() => CompetitorSetHotel.AddAsync(hotel, "Another", "ACROSS"));
        await Assert.ThrowsAsync<ValidationException>(() => CompetitorSetHotel.AddAsync(hotel, "  ", "other"));
    }

    [Fact]
    public async Task OnlyAManagerChangesTheSet()
    {
        await using var hotel = await CompetitorSetHotel.CreateAsync();
        hotel.ActAs(StaffRole.FrontDesk);

        await Assert.ThrowsAsync<ForbiddenException>(() => CompetitorSetHotel.AddAsync(hotel, "Hotel Across", "across"));
        await Assert.ThrowsAsync<ForbiddenException>(() => hotel.Get<CompetitorSetService>().GetAsync(None));
    }

    [Fact]
    public async Task AnotherHotelsCompetitorsCannotBeSeenRenamedMatchedOrRemoved()
    {
        await using var hotel = await CompetitorSetHotel.CreateAsync();
        var theirs = await CompetitorSetHotel.AddAsync(hotel, "Their Rival", "rival");
        await using var neighbour = await CompetitorSetHotel.CreateAsync(databaseFile: hotel.DatabaseFile);
        var service = neighbour.Get<CompetitorSetService>();

        Assert.Empty((await service.GetAsync(None)).Competitors);
        await Assert.ThrowsAsync<NotFoundException>(() => service.RenameAsync(theirs, "Mine now", None));
        await Assert.ThrowsAsync<NotFoundException>(() => service.MatchAsync(theirs, "Double", neighbour.RoomTypes[0].Id, None));
        await Assert.ThrowsAsync<NotFoundException>(() => service.RemoveAsync(theirs, None));
        await Assert.ThrowsAsync<NotFoundException>(() => service.HistoryAsync(theirs, neighbour.Today, "Double", None));
        var ours = await CompetitorSetHotel.AddAsync(neighbour, "Our Rival", "rival-2");
        await Assert.ThrowsAsync<NotFoundException>(() => service.MatchAsync(ours, "Double", hotel.RoomTypes[0].Id, None));

        await using var db = hotel.Db();
        Assert.Equal("Their Rival", (await db.Competitors.SingleAsync()).Name);
    }

    [Fact]
    public async Task CategoriesSeenInPricesAreMatchedRematchedAndUnmatched()
    {
        var shopper = new ScriptedRateShopper();
        await using var hotel = await CompetitorSetHotel.CreateAsync(shopper);
        var across = await CompetitorSetHotel.AddAsync(hotel, "Hotel Across", "across");
        await hotel.Get<RateShopService>().StoreAsync([new("across", hotel.Today.AddDays(2), "Double", 100_00, "EUR", hotel.Time.GetUtcNow())], RateSource.Provider, None);
        var service = hotel.Get<CompetitorSetService>();

        await service.MatchAsync(across, "Double", hotel.RoomTypes[0].Id, None);
        await service.MatchAsync(across, "Double", hotel.RoomTypes[1].Id, None);
        var matched = (await service.GetAsync(None)).Competitors.Single().Categories.Single();
        await service.MatchAsync(across, "Double", null, None);
        var unmatched = (await service.GetAsync(None)).Competitors.Single().Categories.Single();

        Assert.Equal(("Double", hotel.RoomTypes[1].Id, 1), (matched.Category, matched.MatchedRoomTypeId, matched.RatesStored));
        Assert.Null(unmatched.MatchedRoomTypeId);
    }

    [Fact]
    public void SuggestionsMatchCategoriesByTheirNames()
    {
        Guid standard = Guid.NewGuid(), twin = Guid.NewGuid(), superior = Guid.NewGuid(), suite = Guid.NewGuid(), doubleRoom = Guid.NewGuid();
        (Guid, string)[] demo = [(standard, "Standard Double"), (twin, "Twin"), (superior, "Superior Sea View"), (suite, "Harbour Suite")];

        Assert.Equal(doubleRoom, CompetitorCategoryMatcher.Suggest("Double", [(doubleRoom, "Double Room"), (suite, "Suite")]));
        Assert.Equal(doubleRoom, CompetitorCategoryMatcher.Suggest("Standard Double", [(doubleRoom, "Double Room"), (suite, "Suite")]));
        Assert.Equal(standard, CompetitorCategoryMatcher.Suggest("Double Room", demo));
        Assert.Equal(standard, CompetitorCategoryMatcher.Suggest("Standard Queen", demo));
        Assert.Equal(twin, CompetitorCategoryMatcher.Suggest("Twin Room", demo));
        Assert.Equal(superior, CompetitorCategoryMatcher.Suggest("Deluxe Sea View", demo));
        Assert.Equal(suite, CompetitorCategoryMatcher.Suggest("Junior Suite", demo));
        Assert.Null(CompetitorCategoryMatcher.Suggest("Junior Suite", [(doubleRoom, "Double Room")]));
    }

    [Fact]
    public async Task AcceptingSuggestionsMatchesOnlyUnmatchedCategories()
    {
        await using var hotel = await CompetitorSetHotel.CreateAsync();
        var across = await CompetitorSetHotel.AddAsync(hotel, "Hotel Across", "across");
        var at = hotel.Time.GetUtcNow();
        await hotel.Get<RateShopService>().StoreAsync(
            [new("across", hotel.Today.AddDays(2), "Double", 100_00, "EUR", at), new("across", hotel.Today.AddDays(2), "Penthouse", 900_00, "EUR", at)],
            RateSource.Provider,
            None);
        var service = hotel.Get<CompetitorSetService>();

        var first = await service.AcceptSuggestionsAsync(None);
        var second = await service.AcceptSuggestionsAsync(None);

        Assert.Equal((1, 0), (first, second)); // "Type 1" and "Type 2" are plain rooms: the penthouse stays unmatched
        var categories = (await service.GetAsync(None)).Competitors.Single(c => c.Id == across).Categories;
        Assert.NotNull(categories.Single(c => c.Category == "Double").MatchedRoomTypeId);
        Assert.Null(categories.Single(c => c.Category == "Penthouse").MatchedRoomTypeId);
    }

    [Fact]
    public async Task TheHistoryOfAPriceShowsEachMoveNewestFirst()
    {
        await using var hotel = await CompetitorSetHotel.CreateAsync();
        var across = await CompetitorSetHotel.AddAsync(hotel, "Hotel Across", "across");
        var date = hotel.Today.AddDays(10);
        var at = hotel.Time.GetUtcNow();
        var store = hotel.Get<RateShopService>();
        await store.StoreAsync([new("across", date, "Double", 100_00, "EUR", at)], RateSource.Provider, None);
        await store.StoreAsync([new("across", date, "Double", 120_00, "EUR", at.AddDays(1))], RateSource.Provider, None);
        await store.StoreAsync([new("across", date, "Double", 95_00, "EUR", at.AddDays(2))], RateSource.Provider, None);

        var history = await hotel.Get<CompetitorSetService>().HistoryAsync(across, date, "Double", None);

        Assert.Equal(new Money(95_00, "EUR"), history.Current);
        Assert.Equal([(120_00L, 95_00L), (100_00L, 120_00L)], history.Moves.Select(m => (m.OldPriceMinor, m.NewPriceMinor)));
    }

    [Fact]
    public async Task RemovingACompetitorTakesItsPricesAndMatchesWithIt()
    {
        await using var hotel = await CompetitorSetHotel.CreateAsync();
        var across = await CompetitorSetHotel.AddAsync(hotel, "Hotel Across", "across");
        var at = hotel.Time.GetUtcNow();
        await hotel.Get<RateShopService>().StoreAsync([new("across", hotel.Today.AddDays(1), "Double", 100_00, "EUR", at)], RateSource.Provider, None);
        await hotel.Get<RateShopService>().StoreAsync([new("across", hotel.Today.AddDays(1), "Double", 110_00, "EUR", at.AddHours(1))], RateSource.Provider, None);
        await hotel.Get<CompetitorSetService>().MatchAsync(across, "Double", hotel.RoomTypes[0].Id, None);

        await hotel.Get<CompetitorSetService>().RemoveAsync(across, None);

        await using var db = hotel.Db();
        Assert.Empty(await db.Competitors.ToListAsync());
        Assert.Empty(await db.CompetitorRates.ToListAsync());
        Assert.Empty(await db.CompetitorRateChanges.ToListAsync());
        Assert.Empty(await db.CompetitorRoomMatches.ToListAsync());
    }
}
