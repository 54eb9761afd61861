using Stayfull.Domain.Common;
using Stayfull.Domain.Kpis;

namespace Stayfull.Domain.Tests.Kpis;

public sealed class KpiCalculatorTests
{
    private static readonly DateOnly Day = new(2026, 11, 24);

    [Fact]
    public void OccupancyAdrAndRevParFollowFromSoldNightsAndSupply()
    {
        var sold = new[]
        {
            (Day, 10000L), (Day, 12000L), (Day, 8000L),
            (Day.AddDays(1), 10000L), (Day.AddDays(1), 10000L), (Day.AddDays(1), 10000L), (Day.AddDays(1), 10000L), (Day.AddDays(1), 10000L),
        };

        var report = KpiCalculator.Compute(10, sold, Day, Day.AddDays(2), "EUR");

        Assert.Equal((20, 8, 80000L), (report.Total.RoomNightsAvailable, report.Total.RoomNightsSold, report.Total.RoomRevenue.Minor));
        Assert.Equal(0.4m, report.Total.Occupancy);
        Assert.Equal(new Money(10000, "EUR"), report.Total.Adr);
        Assert.Equal(new Money(4000, "EUR"), report.Total.RevPar);
        Assert.Equal([0.3m, 0.5m], report.Days.Select(d => d.Occupancy));
        Assert.Equal([3000L, 5000L], report.Days.Select(d => d.RevPar.Minor));
        Assert.Equal([(Day, Day.AddDays(1)), (Day.AddDays(1), Day.AddDays(2))], report.Days.Select(d => (d.From, d.To)));
    }

    [Fact]
    public void RevParIsOccupancyTimesAdr()
    {
        var sold = Enumerable.Range(0, 6).Select(i => (Day, 9000L + (i * 1000)));

        var total = KpiCalculator.Compute(8, sold, Day, Day.AddDays(1), "EUR").Total;

        Assert.Equal(11500, total.Adr.Minor);
        Assert.Equal(total.Occupancy * total.Adr.Minor, total.RevPar.Minor);
    }

    [Fact]
    public void NightsOutsideTheRangeAreIgnored()
    {
        var sold = new[] { (Day.AddDays(-1), 10000L), (Day, 10000L), (Day.AddDays(1), 10000L) };

        var report = KpiCalculator.Compute(2, sold, Day, Day.AddDays(1), "EUR");

        Assert.Equal((1, 10000L), (report.Total.RoomNightsSold, report.Total.RoomRevenue.Minor));
    }

    [Fact]
    public void NightWithNothingSoldHasZeroAdrAndRevPar()
    {
        var report = KpiCalculator.Compute(5, [], Day, Day.AddDays(1), "EUR");

        Assert.Equal((0m, 0L, 0L), (report.Total.Occupancy, report.Total.Adr.Minor, report.Total.RevPar.Minor));
    }

    [Fact]
    public void HotelWithoutRoomsHasZeroOccupancy()
    {
        var report = KpiCalculator.Compute(0, [], Day, Day.AddDays(1), "EUR");

        Assert.Equal((0, 0m, 0L), (report.Total.RoomNightsAvailable, report.Total.Occupancy, report.Total.RevPar.Minor));
    }

    [Fact]
    public void OverbookedNightShowsOccupancyAboveOne()
    {
        var report = KpiCalculator.Compute(2, [(Day, 100L), (Day, 100L), (Day, 100L)], Day, Day.AddDays(1), "EUR");

        Assert.Equal(1.5m, report.Total.Occupancy);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void EmptyRangeIsRefused(int days)
    {
        Assert.Throws<ValidationException>(() => KpiCalculator.Compute(5, [], Day, Day.AddDays(days), "EUR"));
    }
}
