using System.Globalization;
using Bunit;
using Stayfull.Domain.Kpis;
using Stayfull.Domain.Reservations;
using Stayfull.Web.Components.Pages.Manager;

namespace Stayfull.Web.Tests.Components.Manager;

public sealed class ManagerDashboardTests : BackOfficeTestContext
{
    [Fact]
    public async Task ABookingShowsAsNextThirtyDaysOccupancyAsKpiServiceComputesIt()
    {
        await Hotel.Get<BookingService>().BookAsync(
            new BookingRequest { RoomTypeId = Hotel.RoomTypes[0].Id, Arrival = Hotel.Today.AddDays(2), Departure = Hotel.Today.AddDays(5), GuestName = "Grace Hopper" },
            CancellationToken.None);
        var expected = (await Hotel.Get<KpiService>().ComputeAsync(Hotel.Today, Hotel.Today.AddDays(30), CancellationToken.None)).Total;
        Assert.True(expected.Occupancy > 0);

        var page = RenderPage<ManagerDashboard>();

        page.WaitForAssertion(() =>
        {
            Assert.Equal(expected.Occupancy.ToString("P1", CultureInfo.CurrentCulture), page.Find("[data-testid=kpi-next-occupancy]").TextContent.Trim());
            Assert.Equal("3", page.Find("[data-testid=kpi-next-sold]").TextContent.Trim());
            Assert.Equal(expected.Adr.Format(CultureInfo.CurrentCulture), page.Find("[data-testid=kpi-next-adr]").TextContent.Trim());
            Assert.Equal(expected.RevPar.Format(CultureInfo.CurrentCulture), page.Find("[data-testid=kpi-next-revpar]").TextContent.Trim());
        });
        Assert.Equal("0", page.Find("[data-testid=kpi-past-sold]").TextContent.Trim());
    }

    [Fact]
    public void TheDashboardExplainsHowRoomsAreCounted()
    {
        var page = RenderPage<ManagerDashboard>();

        page.WaitForAssertion(() => Assert.Contains("out-of-order rooms included", page.Find("[data-testid=kpi-counting-rule]").TextContent, StringComparison.Ordinal));
    }
}
