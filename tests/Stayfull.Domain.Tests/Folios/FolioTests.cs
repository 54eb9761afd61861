using Stayfull.Domain.Common;
using Stayfull.Domain.Folios;
using Stayfull.Domain.Reservations;
using Stayfull.Domain.Tenancy;
using Stayfull.Tests.Support;

namespace Stayfull.Domain.Tests.Folios;

public sealed class FolioTests
{
    [Fact]
    public async Task RoomNightsArePostedAtEachNightsRateWhenBooked()
    {
        await using var hotel = await TestHotel.CreateAsync();
        await hotel.SetNightsAsync(hotel.Today.AddDays(1), hotel.Today.AddDays(1), TestHotelArrangements.Change with { RateMinor = 12345 });

        var reservation = await hotel.BookAsync(hotel.Stay(nights: 3));

        var nights = await hotel.FolioEntriesAsync(reservation.Id);
        Assert.All(nights, n => Assert.Equal((FolioEntryKind.RoomNight, "EUR"), (n.Kind, n.Currency)));
        Assert.Equal([hotel.Today, hotel.Today.AddDays(1), hotel.Today.AddDays(2)], nights.Select(n => n.ServiceDate));
        Assert.Equal([10000L, 12345L, 10000L], nights.Select(n => n.AmountMinor));
        var folio = await hotel.Get<FolioService>().GetAsync(reservation.Id, CancellationToken.None);
        Assert.Equal(new Money(32345, "EUR"), folio.RoomCharges);
        Assert.Equal(new Money(32345, "EUR"), folio.Balance);
    }

    [Fact]
    public async Task NonRefundablePlanIsTenPercentBelowTheDailyRateRoundedHalfAwayFromZero()
    {
        await using var hotel = await TestHotel.CreateAsync();
        var nonRefundable = hotel.RatePlans.Single(p => p.Code == "NRF");
        Assert.Equal(-10m, nonRefundable.AdjustmentPercent);
        await hotel.SetNightsAsync(hotel.Today.AddDays(1), hotel.Today.AddDays(1), TestHotelArrangements.Change with { RateMinor = 12345 });
        await hotel.SetNightsAsync(hotel.Today.AddDays(2), hotel.Today.AddDays(2), TestHotelArrangements.Change with { RateMinor = 10005 });

        var reservation = await hotel.BookAsync(hotel.Stay(nights: 3) with { RatePlanId = nonRefundable.Id });

        Assert.Equal([9000L, 11111L, 9005L], (await hotel.FolioEntriesAsync(reservation.Id)).Select(n => n.AmountMinor));
    }

    [Fact]
    public async Task RateChangedAfterBookingDoesNotTouchTheStay()
    {
        await using var hotel = await TestHotel.CreateAsync();
        var reservation = await hotel.BookAsync(hotel.Stay(nights: 2));

        await hotel.SetNightsAsync(hotel.Today, hotel.Today.AddDays(1), TestHotelArrangements.Change with { RateMinor = 25000 });

        Assert.Equal(20000, (await hotel.Get<FolioService>().GetAsync(reservation.Id, CancellationToken.None)).RoomCharges.Minor);
    }

    [Fact]
    public async Task BalanceIsChargesMinusPaymentsPlusRefunds()
    {
        await using var hotel = await TestHotel.CreateAsync();
        var reservation = await hotel.BookAsync(hotel.Stay(nights: 2));
        var folios = hotel.Get<FolioService>();

        await folios.AddChargeAsync(reservation.Id, "Breakfast", 1550, CancellationToken.None);
        await folios.AddChargeAsync(reservation.Id, "Parking", 2000, CancellationToken.None);
        await folios.RecordPaymentAsync(reservation.Id, "Card", 25000, CancellationToken.None);
        await folios.RefundAsync(reservation.Id, "Parking not used", 2000, CancellationToken.None);

        var folio = await folios.GetAsync(reservation.Id, CancellationToken.None);
        Assert.Equal(20000, folio.RoomCharges.Minor);
        Assert.Equal(3550, folio.ExtraCharges.Minor);
        Assert.Equal(25000, folio.Payments.Minor);
        Assert.Equal(2000, folio.Refunds.Minor);
        Assert.Equal(20000 + 3550 - 25000 + 2000, folio.Balance.Minor);
        Assert.Equal(23000, folio.Refundable.Minor);
    }

    [Fact]
    public async Task OverpaymentShowsAsANegativeBalance()
    {
        await using var hotel = await TestHotel.CreateAsync();
        var reservation = await hotel.BookAsync(hotel.Stay(nights: 1));

        await hotel.Get<FolioService>().RecordPaymentAsync(reservation.Id, "Card", 12000, CancellationToken.None);

        Assert.Equal(-2000, (await hotel.Get<FolioService>().GetAsync(reservation.Id, CancellationToken.None)).Balance.Minor);
    }

    [Fact]
    public async Task RefundCannotExceedWhatWasPaidAndNotYetRefunded()
    {
        await using var hotel = await TestHotel.CreateAsync();
        var reservation = await hotel.BookAsync(hotel.Stay(nights: 1));
        var folios = hotel.Get<FolioService>();
        await folios.RecordPaymentAsync(reservation.Id, "Card", 5000, CancellationToken.None);
        await folios.RefundAsync(reservation.Id, "Goodwill", 3000, CancellationToken.None);

        var refusal = await Assert.ThrowsAsync<RuleViolationException>(() => folios.RefundAsync(reservation.Id, "Again", 2001, CancellationToken.None));

        Assert.Contains("can be refunded", refusal.Message, StringComparison.Ordinal);
        await folios.RefundAsync(reservation.Id, "The rest", 2000, CancellationToken.None);
        Assert.Equal(0, (await folios.GetAsync(reservation.Id, CancellationToken.None)).Refundable.Minor);
    }

    [Fact]
    public async Task NothingCanBeRefundedBeforeAPayment()
    {
        await using var hotel = await TestHotel.CreateAsync();
        var reservation = await hotel.BookAsync(hotel.Stay(nights: 1));

        await Assert.ThrowsAsync<RuleViolationException>(() => hotel.Get<FolioService>().RefundAsync(reservation.Id, "Goodwill", 1, CancellationToken.None));
    }

    [Fact]
    public async Task FrontDeskCannotRefund()
    {
        await using var hotel = await TestHotel.CreateAsync();
        var reservation = await hotel.BookAsync(hotel.Stay(nights: 1));
        await hotel.PayAsync(reservation.Id, 10000);
        hotel.ActAs(StaffRole.FrontDesk);

        await Assert.ThrowsAsync<ForbiddenException>(() => hotel.Get<FolioService>().RefundAsync(reservation.Id, "Goodwill", 100, CancellationToken.None));
    }

    [Fact]
    public async Task HousekeepingCannotPostCharges()
    {
        await using var hotel = await TestHotel.CreateAsync();
        var reservation = await hotel.BookAsync(hotel.Stay(nights: 1));
        hotel.ActAs(StaffRole.Housekeeping);

        await Assert.ThrowsAsync<ForbiddenException>(() => hotel.Get<FolioService>().AddChargeAsync(reservation.Id, "Minibar", 500, CancellationToken.None));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-100)]
    public async Task AmountMustBeAboveZero(long amount)
    {
        await using var hotel = await TestHotel.CreateAsync();
        var reservation = await hotel.BookAsync(hotel.Stay(nights: 1));

        var refusal = await Assert.ThrowsAsync<ValidationException>(() => hotel.Get<FolioService>().RecordPaymentAsync(reservation.Id, "Card", amount, CancellationToken.None));

        Assert.Contains("amount", refusal.Errors.Keys);
    }

    [Fact]
    public async Task ChargeNeedsADescription()
    {
        await using var hotel = await TestHotel.CreateAsync();
        var reservation = await hotel.BookAsync(hotel.Stay(nights: 1));

        await Assert.ThrowsAsync<ValidationException>(() => hotel.Get<FolioService>().AddChargeAsync(reservation.Id, " ", 500, CancellationToken.None));
    }

    [Fact]
    public async Task ChargesAreRefusedAfterCheckOutButPaymentsAreTaken()
    {
        await using var hotel = await TestHotel.CreateAsync();
        var reservation = await hotel.CheckedInAsync("101", nights: 1);
        hotel.Time.Advance(TimeSpan.FromDays(1));
        await hotel.Get<ReservationService>().CheckOutAsync(reservation.Id, managerOverride: true, CancellationToken.None);
        var folios = hotel.Get<FolioService>();

        await Assert.ThrowsAsync<RuleViolationException>(() => folios.AddChargeAsync(reservation.Id, "Minibar", 500, CancellationToken.None));
        await folios.RecordPaymentAsync(reservation.Id, "Bank transfer", 10000, CancellationToken.None);

        Assert.True((await folios.GetAsync(reservation.Id, CancellationToken.None)).Balance.IsZero);
    }

    [Fact]
    public async Task PostingIsDatedTheHotelsTodayAndRecordsWhoPosted()
    {
        await using var hotel = await TestHotel.CreateAsync();
        var reservation = await hotel.BookAsync(hotel.Stay(nights: 2));
        hotel.Time.Advance(TimeSpan.FromDays(1));
        hotel.ActAs(StaffRole.FrontDesk);

        var entry = await hotel.Get<FolioService>().AddChargeAsync(reservation.Id, "  Spa  ", 4500, CancellationToken.None);

        Assert.Equal((hotel.Today, "Spa", "FrontDesk tester", hotel.Time.GetUtcNow()), (entry.ServiceDate, entry.Description, entry.PostedBy, entry.PostedAt));
    }

    [Fact]
    public async Task PostingToAnUnknownReservationIsNotFound()
    {
        await using var hotel = await TestHotel.CreateAsync();

        await Assert.ThrowsAsync<NotFoundException>(() => hotel.Get<FolioService>().AddChargeAsync(Guid.NewGuid(), "Minibar", 500, CancellationToken.None));
    }

    [Fact]
    public void FolioArithmeticWorksOnTheEntriesAlone()
    {
        var hotelId = Guid.NewGuid();
        var reservationId = Guid.NewGuid();
        FolioEntry Entry(FolioEntryKind kind, long amount) => new(hotelId, reservationId, kind, new DateOnly(2026, 11, 24), kind.ToString(), amount, "EUR", "tester", DateTimeOffset.UnixEpoch);

        var folio = new Folio([Entry(FolioEntryKind.RoomNight, 9000), Entry(FolioEntryKind.RoomNight, 9000), Entry(FolioEntryKind.Charge, 300), Entry(FolioEntryKind.Payment, 20000), Entry(FolioEntryKind.Refund, 1700)], "EUR");

        Assert.Equal((18000L, 300L, 20000L, 1700L, 0L, 18300L), (folio.RoomCharges.Minor, folio.ExtraCharges.Minor, folio.Payments.Minor, folio.Refunds.Minor, folio.Balance.Minor, folio.Refundable.Minor));
        Assert.Equal(-20000, Entry(FolioEntryKind.Payment, 20000).SignedAmountMinor);
        Assert.Equal(1700, Entry(FolioEntryKind.Refund, 1700).SignedAmountMinor);
    }
}
