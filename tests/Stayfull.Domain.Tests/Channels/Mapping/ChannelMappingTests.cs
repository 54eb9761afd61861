using Microsoft.EntityFrameworkCore;
using Stayfull.Domain.Channels.Mapping;
using Stayfull.Domain.Common;
using Stayfull.Domain.Integrations;
using Stayfull.Domain.Tenancy;
using Stayfull.Domain.Tests.Channels.Bookings;

namespace Stayfull.Domain.Tests.Channels.Mapping;

public sealed class ChannelMappingTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public void RoomTypesAreSuggestedByNameAndCodeEachChannelTypeOnce()
    {
        var deluxe = new OurRoomType(Guid.NewGuid(), "DLX", "Deluxe King");
        var standard = new OurRoomType(Guid.NewGuid(), "STD", "Standard Double");
        var suite = new OurRoomType(Guid.NewGuid(), "STE", "Garden Suite");

        var suggested = MappingSuggester.RoomTypes(
            [deluxe, standard, suite],
            [new("c1", "STD DBL Room", 4), new("c2", "DLX King Room", 2), new("c3", "Penthouse", 1)]);

        Assert.Equal("c2", suggested[deluxe.Id]);
        Assert.Equal("c1", suggested[standard.Id]);
        Assert.False(suggested.ContainsKey(suite.Id));
    }

    [Fact]
    public void TheDefaultPlanIsSuggestedForTheStandardRateOfTheMappedRoomTypeAndOthersByTitle()
    {
        var bar = new OurRatePlan(Guid.NewGuid(), "BAR", "Best available rate", true);
        var nrf = new OurRatePlan(Guid.NewGuid(), "NRF", "Non-refundable", false);

        var suggested = MappingSuggester.RatePlans(
            [bar, nrf],
            "DLX",
            "c2",
            [new("p1", "Standard Rate", "c2", "EUR"), new("p2", "Non refundable", "c2", "EUR"), new("p3", "Standard Rate", "c1", "EUR")]);

        Assert.Equal("p1", suggested[bar.Id]);
        Assert.Equal("p2", suggested[nrf.Id]);
    }

    [Fact]
    public void TheDemoPropertyIdsMatchByCode()
    {
        var t1 = new OurRoomType(Guid.NewGuid(), "T1", "Anything");
        var bar = new OurRatePlan(Guid.NewGuid(), "BAR", "Best available rate", true);

        Assert.Equal("demo-rt-t1", MappingSuggester.RoomTypes([t1], [new("demo-rt-t2", "Other", 1), new("demo-rt-t1", "Something else", 1)])[t1.Id]);
        Assert.Equal("demo-rp-t1-bar", MappingSuggester.RatePlans([bar], "T1", "demo-rt-t1", [new("demo-rp-t1-bar", "Rate", "demo-rt-t1", null)])[bar.Id]);
    }

    [Fact]
    public async Task TheOverviewShowsTheCatalogMappingsAndSuggestionsInDemoMode()
    {
        await using var hotel = await ChannelBookingsHotel.CreateAsync(mapped: false);

        var overview = await hotel.Get<ChannelMappingService>().OverviewAsync(None);

        Assert.False(overview.IsConnected);
        Assert.Null(overview.PropertyId);
        var first = overview.RoomTypes.Single(r => r.Code == "T1");
        Assert.Null(first.ChannelRoomTypeId);
        Assert.Equal("ch-rt-1", first.SuggestedChannelRoomTypeId);
        Assert.Equal("ch-rp-1", first.RatePlans.Single(p => p.IsDefault).SuggestedChannelRatePlanId);
    }

    [Fact]
    public async Task SavedMappingsAreOneEachWayAndAClashIsExplained()
    {
        await using var hotel = await ChannelBookingsHotel.CreateAsync(mapped: false);
        var service = hotel.Get<ChannelMappingService>();

        var clash = await Assert.ThrowsAsync<ValidationException>(() => service.SaveAsync(
            new ChannelMappingPlan([new(hotel.RoomTypes[0].Id, "ch-rt-1", []), new(hotel.RoomTypes[1].Id, "ch-rt-1", [])]), None));
        Assert.Contains("already mapped to Type 1", string.Join(" ", clash.Errors.SelectMany(e => e.Value)), StringComparison.Ordinal);

        var foreignRate = await Assert.ThrowsAsync<ValidationException>(() => service.SaveAsync(
            new ChannelMappingPlan([new(hotel.RoomTypes[0].Id, "ch-rt-1", [new(hotel.RatePlans[0].Id, "ch-rp-2")])]), None));
        Assert.NotEmpty(foreignRate.Errors);

        await service.SaveAsync(new ChannelMappingPlan([new(hotel.RoomTypes[0].Id, "ch-rt-1", [new(hotel.RatePlans[0].Id, "ch-rp-1")]), new(hotel.RoomTypes[1].Id, "ch-rt-2", [])]), None);

        // Swapping the two in one save frees each channel type before the other takes it.
        await service.SaveAsync(new ChannelMappingPlan([new(hotel.RoomTypes[0].Id, "ch-rt-2", []), new(hotel.RoomTypes[1].Id, "ch-rt-1", [])]), None);
        await using (var db = hotel.Db())
        {
            Assert.Equal("ch-rt-2", (await db.ChannelRoomTypeMappings.SingleAsync(m => m.RoomTypeId == hotel.RoomTypes[0].Id)).ChannelRoomTypeId);
            Assert.Empty(await db.ChannelRatePlanMappings.ToListAsync());
        }

        await service.UnmapAsync(hotel.RoomTypes[0].Id, None);
        await using (var db = hotel.Db())
        {
            Assert.Equal(["ch-rt-1"], await db.ChannelRoomTypeMappings.Select(m => m.ChannelRoomTypeId).ToListAsync());
        }
    }

    [Fact]
    public async Task OnlyManagersMapChannels()
    {
        await using var hotel = await ChannelBookingsHotel.CreateAsync(mapped: false);
        hotel.ActAs(StaffRole.FrontDesk);

        await Assert.ThrowsAsync<ForbiddenException>(() => hotel.Get<ChannelMappingService>().OverviewAsync(None));
        await Assert.ThrowsAsync<ForbiddenException>(() => hotel.Get<ChannelMappingService>().SaveAsync(new ChannelMappingPlan([]), None));
    }

    [Fact]
    public async Task ConnectingSavesTheCredentialsWithAGeneratedSecretAndRegistersTheWebhook()
    {
        await using var hotel = await ChannelBookingsHotel.CreateAsync(mapped: false);

        var result = await hotel.Get<ChannelMappingService>().ConnectAsync("key-123456", "prop-1", null, new Uri("https://pms.example.com/"), None);

        Assert.True(result.WebhookRegistered);
        var (hotelId, callback, secret) = Assert.Single(hotel.Channel().Webhooks);
        Assert.Equal(hotel.HotelId, hotelId);
        Assert.Equal(new Uri($"https://pms.example.com/webhooks/channex/{hotel.HotelId}"), callback);
        Assert.True(secret.Length >= 32);
        var stored = await hotel.Get<ConnectionCredentialsStore>().GetAsync(hotel.HotelId, IntegrationVendor.Channex, None);
        Assert.Equal(secret, stored!["WebhookSecret"]);
        Assert.Equal("prop-1", stored["PropertyId"]);
        var overview = await hotel.Get<ChannelMappingService>().OverviewAsync(None);
        Assert.True(overview.IsConnected);
        Assert.Equal("prop-1", overview.PropertyId);
    }

    [Fact]
    public async Task ARefusedWebhookIsReportedButTheConnectionStays()
    {
        await using var hotel = await ChannelBookingsHotel.CreateAsync(mapped: false);
        hotel.Channel().RefuseWebhook = true;

        var result = await hotel.Get<ChannelMappingService>().ConnectAsync("key-123456", "prop-1", "my-own-secret-value", new Uri("https://pms.example.com"), None);

        Assert.False(result.WebhookRegistered);
        Assert.NotNull(result.WebhookError);
        Assert.True((await hotel.Get<ChannelMappingService>().OverviewAsync(None)).IsConnected);
    }

    [Fact]
    public async Task AnotherHotelsMappingIsInvisibleAndUntouchable()
    {
        await using var hotel = await ChannelBookingsHotel.CreateAsync();
        await using var neighbour = await hotel.CreateNeighbourAsync();
        hotel.Staff.Current = new StaffContext(neighbour.HotelId, "user-n", "Neighbour", StaffRole.Owner);

        var overview = await hotel.Get<ChannelMappingService>().OverviewAsync(None);

        Assert.All(overview.RoomTypes, r => Assert.Null(r.ChannelRoomTypeId));
        await Assert.ThrowsAsync<NotFoundException>(() => hotel.Get<ChannelMappingService>().UnmapAsync(hotel.RoomTypes[0].Id, None));
        await Assert.ThrowsAsync<NotFoundException>(() => hotel.Get<ChannelMappingService>().SaveAsync(new ChannelMappingPlan([new(hotel.RoomTypes[0].Id, "ch-rt-1", [])]), None));
    }
}
