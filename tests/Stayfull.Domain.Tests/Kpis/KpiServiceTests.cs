using Stayfull.Domain.Folios;
using Stayfull.Domain.Kpis;
using Stayfull.Domain.Reservations;
using Stayfull.Domain.Rooms;
using Stayfull.Tests.Support;

namespace Stayfull.Domain.Tests.Kpis;

public sealed class KpiServiceTests
{
    /// <summary>
    /// Six rooms over two nights (12 room nights of supply). Sold: a two-night T1 stay at 100.00,
    /// a checked-out T2 night at 200.00 and a non-refundable T1 night at 90.00. A cancelled and a
    /// no-show stay are booked too and must not count.
    /// </summary>
    [Fact]
    public async Task KpisCountConfirmedInHouseAndCheckedOutStaysOnly()
    {
        await using var hotel = await TestHotel.CreateAsync();
        var first = hotel.Today;
        await hotel.BookAsync(hotel.Stay(nights: 2, type: 0));
        var departed = await hotel.CheckedInAsync("201", nights: 1);
        await hotel.BookAsync(hotel.Stay(fromToday: 1, nights: 1, type: 0) with { RatePlanId = hotel.RatePlans.Single(p => p.Code == "NRF").Id });
        var cancelled = await hotel.BookAsync(hotel.Stay(nights: 2, type: 1));
        await hotel.Get<ReservationService>().CancelAsync(cancelled.Id, null, CancellationToken.None);
        var noShow = await hotel.BookAsync(hotel.Stay(nights: 1, type: 1));
        await hotel.Get<ReservationService>().MarkNoShowAsync(noShow.Id, CancellationToken.None);
        hotel.Time.Advance(TimeSpan.FromDays(1));
        await hotel.PayAsync(departed.Id, 20000);
        await hotel.Get<ReservationService>().CheckOutAsync(departed.Id, false, CancellationToken.None);

        var report = await hotel.Get<KpiService>().ComputeAsync(first, first.AddDays(2), CancellationToken.None);

        Assert.Equal((12, 4, 49000L), (report.Total.RoomNightsAvailable, report.Total.RoomNightsSold, report.Total.RoomRevenue.Minor));
        Assert.Equal(4m / 12m, report.Total.Occupancy);
        Assert.Equal(12250, report.Total.Adr.Minor);
        Assert.Equal(4083, report.Total.RevPar.Minor);
        Assert.Equal([2, 2], report.Days.Select(d => d.RoomNightsSold));
        Assert.Equal([30000L, 19000L], report.Days.Select(d => d.RoomRevenue.Minor));
        Assert.Equal("EUR", report.Total.RoomRevenue.Currency);
    }

    [Fact]
    public async Task OutOfOrderRoomsStayInSupply()
    {
        await using var hotel = await TestHotel.CreateAsync();
        await hotel.BookAsync(hotel.Stay(nights: 1));
        await hotel.SetHousekeepingAsync("102", HousekeepingStatus.OutOfOrder);
        await hotel.SetHousekeepingAsync("203", HousekeepingStatus.OutOfOrder);

        var report = await hotel.Get<KpiService>().ComputeAsync(hotel.Today, hotel.Today.AddDays(1), CancellationToken.None);

        Assert.Equal(6, report.Total.RoomNightsAvailable);
        Assert.Equal(1m / 6m, report.Total.Occupancy);
    }

    [Fact]
    public async Task ExtraChargesAreNotRoomRevenue()
    {
        await using var hotel = await TestHotel.CreateAsync();
        var reservation = await hotel.BookAsync(hotel.Stay(nights: 1));
        await hotel.Get<FolioService>().AddChargeAsync(reservation.Id, "Dinner", 8000, CancellationToken.None);

        var report = await hotel.Get<KpiService>().ComputeAsync(hotel.Today, hotel.Today.AddDays(1), CancellationToken.None);

        Assert.Equal(10000, report.Total.RoomRevenue.Minor);
    }

    [Fact]
    public async Task NightsGivenBackAtAnEarlyCheckOutAreNotSold()
    {
        await using var hotel = await TestHotel.CreateAsync();
        var first = hotel.Today;
        var reservation = await hotel.CheckedInAsync("101", nights: 3);
        hotel.Time.Advance(TimeSpan.FromDays(1));
        await hotel.Get<ReservationService>().CheckOutAsync(reservation.Id, managerOverride: true, CancellationToken.None);

        var report = await hotel.Get<KpiService>().ComputeAsync(first, first.AddDays(3), CancellationToken.None);

        Assert.Equal([1, 0, 0], report.Days.Select(d => d.RoomNightsSold));
    }
}
