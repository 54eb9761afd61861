using System.Text.Json;
using Stayfull.Domain.Common;
using Stayfull.Domain.Folios;
using Stayfull.Domain.Rates;
using Stayfull.Domain.Reservations;
using Stayfull.Domain.Rooms;
using Stayfull.Domain.Tenancy;
using Stayfull.Tests.Support;

namespace Stayfull.Domain.Tests.Audit;

public sealed class AuditLogTests
{
    [Fact]
    public async Task BookingIsAuditedWithWhoAndWhat()
    {
        await using var hotel = await TestHotel.CreateAsync();
        hotel.ActAs(StaffRole.FrontDesk);

        var reservation = await hotel.BookAsync(hotel.Stay(nights: 2));

        var entry = Assert.Single(await hotel.AuditOfAsync(reservation.Id));
        Assert.Equal(("Reservation", "Created", "FrontDesk tester", hotel.Time.GetUtcNow()), (entry.EntityType, entry.Action, entry.UserName, entry.At));
        using var details = JsonDocument.Parse(entry.Details);
        Assert.Equal(reservation.ConfirmationCode, details.RootElement.GetProperty("ConfirmationCode").GetString());
        Assert.Equal("T1", details.RootElement.GetProperty("Code").GetString());
    }

    [Fact]
    public async Task CheckInIsAudited()
    {
        await using var hotel = await TestHotel.CreateAsync();
        var reservation = await hotel.BookAsync(hotel.Stay() with { RoomId = hotel.Room("102").Id });
        hotel.ActAs(StaffRole.FrontDesk);

        await hotel.Get<ReservationService>().CheckInAsync(reservation.Id, CancellationToken.None);

        var entry = Assert.Single(await hotel.AuditOfAsync(reservation.Id), a => a.Action == "CheckedIn");
        Assert.Equal("FrontDesk tester", entry.UserName);
        Assert.Contains("102", entry.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FolioPostingsAreAuditedAgainstTheReservation()
    {
        await using var hotel = await TestHotel.CreateAsync();
        var reservation = await hotel.BookAsync(hotel.Stay());
        hotel.ActAs(StaffRole.FrontDesk);

        await hotel.Get<FolioService>().AddChargeAsync(reservation.Id, "Minibar", 750, CancellationToken.None);
        await hotel.Get<FolioService>().RecordPaymentAsync(reservation.Id, "Card", 20750, CancellationToken.None);

        var folio = (await hotel.AuditOfAsync(reservation.Id)).Where(a => a.EntityType == "Folio").OrderBy(a => a.Action).ToList();
        Assert.Equal(["Charge", "Payment"], folio.Select(a => a.Action));
        Assert.All(folio, a => Assert.Equal("FrontDesk tester", a.UserName));
        using var charge = JsonDocument.Parse(folio[0].Details);
        Assert.Equal(750, charge.RootElement.GetProperty("AmountMinor").GetInt64());
    }

    [Fact]
    public async Task RateChangeIsAuditedPerRoomType()
    {
        await using var hotel = await TestHotel.CreateAsync();
        hotel.ActAs(StaffRole.Manager);

        var changed = await hotel.Get<RateService>().UpdateAsync(
            new RateUpdate { RoomTypeIds = [hotel.RoomTypes[0].Id, hotel.RoomTypes[1].Id], From = hotel.Today, To = hotel.Today.AddDays(6), Weekdays = [DayOfWeek.Saturday], RateMinor = 15000 },
            CancellationToken.None);

        Assert.Equal(2, changed);
        foreach (var type in hotel.RoomTypes)
        {
            var entry = Assert.Single(await hotel.AuditOfAsync(type.Id));
            Assert.Equal(("Rates", "RatesChanged", "Manager tester"), (entry.EntityType, entry.Action, entry.UserName));
            Assert.Contains("15000", entry.Details, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task FrontDeskCannotChangeRates()
    {
        await using var hotel = await TestHotel.CreateAsync();
        hotel.ActAs(StaffRole.FrontDesk);

        await Assert.ThrowsAsync<ForbiddenException>(() => hotel.Get<RateService>().UpdateAsync(
            new RateUpdate { RoomTypeIds = [hotel.RoomTypes[0].Id], From = hotel.Today, To = hotel.Today, RateMinor = 1 }, CancellationToken.None));
        Assert.Empty(await hotel.AuditOfAsync(hotel.RoomTypes[0].Id));
    }

    [Fact]
    public async Task CheckOutAndCancelRecordTheirDetails()
    {
        await using var hotel = await TestHotel.CreateAsync();
        var departing = await hotel.CheckedInAsync("101", nights: 1);
        var cancelled = await hotel.BookAsync(hotel.Stay(fromToday: 3));
        hotel.Time.Advance(TimeSpan.FromDays(1));
        hotel.ActAs(StaffRole.Manager);

        await hotel.Get<ReservationService>().CheckOutAsync(departing.Id, managerOverride: true, CancellationToken.None);
        await hotel.Get<ReservationService>().CancelAsync(cancelled.Id, "Flight cancelled", CancellationToken.None);

        using var checkOut = JsonDocument.Parse(Assert.Single(await hotel.AuditOfAsync(departing.Id), a => a.Action == "CheckedOut").Details);
        Assert.True(checkOut.RootElement.GetProperty("ManagerOverride").GetBoolean());
        Assert.Equal(10000, checkOut.RootElement.GetProperty("BalanceMinor").GetInt64());
        var cancel = Assert.Single(await hotel.AuditOfAsync(cancelled.Id), a => a.Action == "Cancelled");
        Assert.Equal("Manager tester", cancel.UserName);
        Assert.Contains("Flight cancelled", cancel.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RefusedActionLeavesNoEntry()
    {
        await using var hotel = await TestHotel.CreateAsync();
        var reservation = await hotel.BookAsync(hotel.Stay() with { RoomId = hotel.Room("101").Id });
        await hotel.SetHousekeepingAsync("101", HousekeepingStatus.Dirty);

        await Assert.ThrowsAsync<RuleViolationException>(() => hotel.Get<ReservationService>().CheckInAsync(reservation.Id, CancellationToken.None));

        Assert.DoesNotContain(await hotel.AuditOfAsync(reservation.Id), a => a.Action == "CheckedIn");
    }

    [Fact]
    public async Task ReservationHistoryShowsItsAuditTrailNewestFirst()
    {
        await using var hotel = await TestHotel.CreateAsync();
        var reservation = await hotel.BookAsync(hotel.Stay());
        hotel.Time.Advance(TimeSpan.FromMinutes(5));
        await hotel.Get<ReservationService>().AssignRoomAsync(reservation.Id, hotel.Room("101").Id, CancellationToken.None);

        var details = await hotel.Get<ReservationService>().GetAsync(reservation.Id, CancellationToken.None);

        Assert.Equal(["RoomAssigned", "Created"], details.History.Select(h => h.Action));
        Assert.Equal("101", details.Summary.RoomNumber);
        Assert.Equal(20000, details.Summary.Balance.Minor);
    }
}
