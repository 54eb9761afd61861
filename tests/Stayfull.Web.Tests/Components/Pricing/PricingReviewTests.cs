using System.Globalization;
using AngleSharp.Dom;
using Bunit;
using Stayfull.Domain.Pricing;
using Stayfull.Domain.Rooms;
using Stayfull.Web.Components.Pages.Manager;

namespace Stayfull.Web.Tests.Components.Pricing;

public sealed class PricingReviewTests : BackOfficeTestContext
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Approving_two_selected_rows_shows_them_approved_and_makes_their_rates_the_nights_rates()
    {
        var type = Hotel.RoomTypes[0];
        var (first, second, third) = (Hotel.Today.AddDays(20), Hotel.Today.AddDays(21), Hotel.Today.AddDays(22));
        await PricingMarket.PriceAsync(Hotel, type.Id, type.BaseRateMinor * 2, first, second, third);
        await Hotel.Get<PricingService>().RecomputeAsync(CancellationToken.None);
        var expected = await PricingMarket.RecommendationAsync(Hotel, type.Id, first);
        var expectedSecond = await PricingMarket.RecommendationAsync(Hotel, type.Id, second);
        Assert.True(expected.RecommendedMinor > expected.CurrentRateMinor);

        var page = RenderPage<PricingReview>();
        ShowFrom(page, type, first, status: "");
        Row(page, first, type.Code).QuerySelector("input[type=checkbox]")!.Change(true);
        Row(page, second, type.Code).QuerySelector("input[type=checkbox]")!.Change(true);
        page.WaitForAssertion(() => Assert.Contains("(2)", page.Find("[data-testid=approve-selected]").TextContent, StringComparison.Ordinal), Wait);
        page.Find("[data-testid=approve-selected]").Click();

        page.WaitForAssertion(() =>
        {
            Assert.Equal("Approved", Marker(page, first, type.Code).GetAttribute("data-status"));
            Assert.Equal("Approved", Marker(page, second, type.Code).GetAttribute("data-status"));
        }, Wait);
        Assert.Equal("Pending", Marker(page, third, type.Code).GetAttribute("data-status"));
        Assert.Equal(new Stayfull.Domain.Common.Money(expected.RecommendedMinor, Hotel.Hotel.Currency).Format(CultureInfo.CurrentCulture), Row(page, first, type.Code).QuerySelector("[data-testid=current-rate]")!.TextContent.Trim());
        Assert.Equal(expected.RecommendedMinor, await PricingMarket.RateAsync(Hotel, type.Id, first));
        Assert.Equal(expectedSecond.RecommendedMinor, await PricingMarket.RateAsync(Hotel, type.Id, second));

        // Rejecting the third leaves its night at the rate on sale.
        Row(page, third, type.Code).QuerySelector("input[type=checkbox]")!.Change(true);
        page.WaitForAssertion(() => Assert.Contains("(1)", page.Find("[data-testid=approve-selected]").TextContent, StringComparison.Ordinal), Wait);
        page.Find("[data-testid=reject-selected]").Click();

        page.WaitForAssertion(() => Assert.Equal("Rejected", Marker(page, third, type.Code).GetAttribute("data-status")), Wait);
        Assert.NotEqual((await PricingMarket.RecommendationAsync(Hotel, type.Id, third)).RecommendedMinor, await PricingMarket.RateAsync(Hotel, type.Id, third) ?? type.BaseRateMinor);
        Assert.Equal(RecommendationStatus.Rejected, (await PricingMarket.RecommendationAsync(Hotel, type.Id, third)).Status);
    }

    [Fact]
    public async Task An_own_rate_outside_the_guardrails_is_explained_in_place_and_one_inside_is_approved()
    {
        var type = Hotel.RoomTypes[0];
        var date = Hotel.Today.AddDays(30);
        await PricingMarket.PriceAsync(Hotel, type.Id, type.BaseRateMinor * 2, date);
        await Hotel.Get<PricingService>().RecomputeAsync(CancellationToken.None);

        var page = RenderPage<PricingReview>();
        ShowFrom(page, type, date, status: "Pending");
        Row(page, date, type.Code).QuerySelector("[data-testid=edit-rate]")!.Click();
        page.WaitForElement("[data-testid=rate-input]", Wait).Change("10000");
        page.Find("[data-testid=save-rate]").Click();

        page.WaitForAssertion(() => Assert.Contains("must be between the floor", page.Find("[data-testid=rate-error]").TextContent, StringComparison.Ordinal), Wait);
        Assert.Equal(RecommendationStatus.Pending, (await PricingMarket.RecommendationAsync(Hotel, type.Id, date)).Status);
        Assert.Null(await PricingMarket.RateAsync(Hotel, type.Id, date));

        page.Find("[data-testid=rate-input]").Change("123");
        page.Find("[data-testid=save-rate]").Click();

        page.WaitForAssertion(() => Assert.Empty(page.FindAll($"[data-testid=rec-{date:yyyy-MM-dd}-{type.Code}]")), Wait);
        Assert.Equal(123_00, await PricingMarket.RateAsync(Hotel, type.Id, date));
        Assert.Equal(RecommendationStatus.Approved, (await PricingMarket.RecommendationAsync(Hotel, type.Id, date)).Status);
    }

    [Fact]
    public async Task Clicking_a_heat_map_day_shows_only_that_days_recommendations()
    {
        var type = Hotel.RoomTypes[0];
        var day = Hotel.Today.AddDays(12);
        await PricingMarket.PriceAsync(Hotel, type.Id, type.BaseRateMinor * 2, day, day.AddDays(1));
        await Hotel.Get<PricingService>().RecomputeAsync(CancellationToken.None);

        var page = RenderPage<PricingReview>();
        var cell = page.WaitForElement($"[data-testid=heat-{day:yyyy-MM-dd}]", Wait);
        Assert.NotEqual("0", cell.GetAttribute("data-pending"));
        cell.Click();

        page.WaitForAssertion(() =>
        {
            var rows = RowMarkers(page);
            Assert.NotEmpty(rows);
            Assert.All(rows, r => Assert.StartsWith($"rec-{day:yyyy-MM-dd}-", r.GetAttribute("data-testid"), StringComparison.Ordinal));
            Assert.Contains(rows, r => r.GetAttribute("data-testid") == $"rec-{day:yyyy-MM-dd}-{type.Code}");
        }, Wait);
        Assert.NotNull(page.Find("[data-testid=day-filter]"));
    }

    [Fact]
    public void Recompute_now_fills_the_grid_for_a_hotel_never_recomputed()
    {
        var page = RenderPage<PricingReview>();
        page.WaitForElement("[data-testid=recompute]", Wait);
        Assert.Empty(RowMarkers(page));

        page.Find("[data-testid=recompute]").Click();

        page.WaitForAssertion(() => Assert.Contains(page.FindAll("[data-testid^=heat-]"), c => c.GetAttribute("data-pending") != "0"), Wait);
        page.Find("[data-testid=filter-status]").Change("");
        page.WaitForAssertion(() => Assert.NotEmpty(RowMarkers(page)), Wait);
    }

    /// <summary>Narrows the grid to one room type from a date, so the rows of interest are on the first page.</summary>
    private static void ShowFrom(IRenderedComponent<Microsoft.AspNetCore.Components.IComponent> page, RoomType type, DateOnly from, string status)
    {
        page.WaitForElement("[data-testid=filter-room-type]", Wait).Change(type.Id.ToString());
        page.Find("[data-testid=filter-status]").Change(status);
        page.Find("[data-testid=filter-from]").Change(from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        page.WaitForAssertion(() => Assert.NotNull(Marker(page, from, type.Code)), Wait);
    }

    private static IElement Marker(IRenderedComponent<Microsoft.AspNetCore.Components.IComponent> page, DateOnly date, string code) =>
        page.Find($"[data-testid=rec-{date:yyyy-MM-dd}-{code}]");

    /// <summary>The grid row that holds the row's marker (the marker sits in its date cell).</summary>
    private static IElement Row(IRenderedComponent<Microsoft.AspNetCore.Components.IComponent> page, DateOnly date, string code) =>
        Marker(page, date, code).Closest("tr")!;

    private static List<IElement> RowMarkers(IRenderedComponent<Microsoft.AspNetCore.Components.IComponent> page) =>
        [.. page.FindAll("[data-testid^=rec-2]")];
}
