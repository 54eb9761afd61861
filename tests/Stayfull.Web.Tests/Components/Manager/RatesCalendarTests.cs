using Bunit;
using Microsoft.EntityFrameworkCore;
using Stayfull.Web.Components.Pages.Manager;

namespace Stayfull.Web.Tests.Components.Manager;

public sealed class RatesCalendarTests : BackOfficeTestContext
{
    [Fact]
    public async Task ABulkEditOfTheShownRangeChangesEveryNightInTheDatabase()
    {
        var page = RenderPage<RatesCalendar>();
        page.WaitForAssertion(() => page.Find("[data-testid=bulk-apply]"));

        InputLabelled<decimal?>(page, "New rate").Change("150");
        page.Find("[data-testid=bulk-apply]").Click();

        page.WaitForAssertion(() => Assert.Contains("28 nights changed", page.Find("[data-testid=bulk-result]").TextContent, StringComparison.Ordinal));
        await using var db = Hotel.Db();
        var last = Hotel.Today.AddDays(13);
        var nights = await db.RoomTypeDays.Where(d => d.Date >= Hotel.Today && d.Date <= last).ToListAsync();
        Assert.Equal(28, nights.Count(d => d.RateMinor == 15000));
        Assert.DoesNotContain(await db.RoomTypeDays.Where(d => d.Date > last).ToListAsync(), d => d.RateMinor == 15000);
        page.WaitForAssertion(() => Assert.Contains("150", page.Find($"[data-testid=rate-T1-{Hotel.Today:yyyy-MM-dd}]").TextContent, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-20")]
    public async Task ARateOfZeroOrBelowShowsTheReasonAndChangesNothing(string rate)
    {
        var page = RenderPage<RatesCalendar>();
        page.WaitForAssertion(() => page.Find("[data-testid=bulk-apply]"));

        InputLabelled<decimal?>(page, "New rate").Change(rate);
        page.Find("[data-testid=bulk-apply]").Click();

        page.WaitForAssertion(() => Assert.Contains("A rate must be above zero.", page.Find("[data-testid=bulk-errors]").TextContent, StringComparison.Ordinal));
        Assert.Empty(page.FindAll("[data-testid=bulk-result]"));
        await using var db = Hotel.Db();
        Assert.False(await db.RoomTypeDays.AnyAsync(d => d.RateMinor != null));
    }

    [Fact]
    public async Task TheGridShowsRestrictionsSetByAnotherManager()
    {
        await Hotel.Get<Domain.Rates.RateService>().UpdateAsync(
            new Domain.Rates.RateUpdate { RoomTypeIds = [Hotel.RoomTypes[1].Id], From = Hotel.Today.AddDays(1), To = Hotel.Today.AddDays(1), MinStay = 3, StopSell = true },
            CancellationToken.None);

        var page = RenderPage<RatesCalendar>();

        page.WaitForAssertion(() =>
        {
            var cell = page.Find($"[data-testid=rate-T2-{Hotel.Today.AddDays(1):yyyy-MM-dd}]").TextContent;
            Assert.Contains("MS3", cell, StringComparison.Ordinal);
            Assert.Contains("STOP", cell, StringComparison.Ordinal);
        });
        Assert.DoesNotContain("STOP", page.Find($"[data-testid=rate-T1-{Hotel.Today.AddDays(1):yyyy-MM-dd}]").TextContent, StringComparison.Ordinal);
    }
}
