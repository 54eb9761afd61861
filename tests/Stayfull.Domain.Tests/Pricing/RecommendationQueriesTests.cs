using Microsoft.EntityFrameworkCore;
using Stayfull.Domain.Pricing;
using Stayfull.Tests.Support;

namespace Stayfull.Domain.Tests.Pricing;

public sealed class RecommendationQueriesTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Pages_are_server_side_in_date_order_and_filters_narrow_them()
    {
        await using var hotel = await TestHotel.CreateAsync();
        await hotel.Get<PricingService>().RecomputeAsync(None);
        var queries = hotel.Get<RecommendationQueries>();
        var all = new RecommendationFilter(hotel.Today, hotel.Today.AddDays(364), Status: null);

        var first = await queries.PageAsync(all, 0, 50, None);
        var second = await queries.PageAsync(all, 1, 50, None);
        var oneType = await queries.PageAsync(all with { RoomTypeId = hotel.RoomTypes[1].Id }, 0, 50, None);

        Assert.Equal(2 * PricingService.Horizon, first.Total);
        Assert.Equal(50, first.Items.Count);
        Assert.True(first.Items[^1].Date <= second.Items[0].Date);
        Assert.Empty(first.Items.Select(i => i.Id).Intersect(second.Items.Select(i => i.Id)));
        Assert.Equal(PricingService.Horizon, oneType.Total);
        Assert.All(oneType.Items, i => Assert.Equal(hotel.RoomTypes[1].Id, i.RoomTypeId));
    }

    [Fact]
    public async Task The_change_filter_keeps_only_moves_at_least_that_large_either_way()
    {
        await using var hotel = await TestHotel.CreateAsync();
        await hotel.Get<PricingService>().RecomputeAsync(None);
        var filter = new RecommendationFilter(hotel.Today, hotel.Today.AddDays(364), MinChange: 0.05m, Status: null);

        var page = await hotel.Get<RecommendationQueries>().PageAsync(filter, 0, RecommendationQueries.MaxPageSize, None);

        await using var db = hotel.Db();
        var expected = (await db.PricingRecommendations.ToListAsync()).Count(r => Math.Abs(r.Change) >= 0.05m);
        Assert.Equal(expected, page.Total);
        Assert.NotEqual(0, page.Total);
        Assert.All(page.Items, i => Assert.True(Math.Abs(i.Change) >= 0.05m, $"{i.Date}: {i.Change}"));
    }

    [Fact]
    public async Task The_heat_map_averages_pending_changes_per_day_and_the_series_follows_one_room_type()
    {
        await using var hotel = await TestHotel.CreateAsync();
        await hotel.Get<PricingService>().RecomputeAsync(None);
        var queries = hotel.Get<RecommendationQueries>();

        var heat = await queries.HeatMapAsync(hotel.Today, hotel.Today.AddDays(29), null, None);
        var series = await queries.SeriesAsync(hotel.RoomTypes[0].Id, hotel.Today, hotel.Today.AddDays(29), None);

        Assert.Equal(30, series.Count);
        Assert.All(heat, d => Assert.InRange(d.Pending, 1, 2));
        await using var db = hotel.Db();
        var day = heat[0];
        var rows = await db.PricingRecommendations.Where(r => r.Date == day.Date && r.Status == RecommendationStatus.Pending).ToListAsync();
        Assert.Equal(rows.Average(r => r.Change), day.AverageChange);
    }
}
