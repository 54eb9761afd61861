using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Stayfull.Domain.Folios;
using Stayfull.Domain.Integrations;
using Stayfull.Domain.Payments;
using Stayfull.Domain.Reservations;

namespace Stayfull.Domain.Tests.Payments;

public sealed class PaymentFlowTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task BookingUnderADepositPolicyEnqueuesExactlyOneIntentWithTheDepositKey()
    {
        await using var hotel = await PaymentsHotel.CreateAsync();
        await hotel.SetPolicyAsync(PaymentPolicyKind.Deposit, depositPercent: 30);

        var reservation = await hotel.BookAsync(hotel.Today.AddDays(10));

        var message = Assert.Single(await hotel.OutboxAsync());
        Assert.Equal(IntegrationVendor.Stripe, message.Vendor);
        Assert.Equal(PaymentOperations.CreatePaymentIntent, message.Operation);
        Assert.Equal($"res-{reservation.Id}-deposit", message.IdempotencyKey);
        var intent = JsonSerializer.Deserialize<CreatePaymentIntentIntent>(message.Payload, JsonDefaults.Options)!;
        Assert.Equal(6000, intent.AmountMinor); // 30 % of two nights at 100.00
        Assert.Equal("EUR", intent.Currency);
        var payment = await hotel.PaymentAsync(reservation.Id);
        Assert.Equal(intent.PaymentId, payment.Id);
        Assert.Equal(PaymentKind.Deposit, payment.Kind);
        Assert.Equal(PaymentStatus.Pending, payment.Status);
    }

    [Fact]
    public async Task BookingUnderAPreAuthorisationPolicyHoldsTheWholeStay()
    {
        await using var hotel = await PaymentsHotel.CreateAsync();
        await hotel.SetPolicyAsync(PaymentPolicyKind.PreAuthorise);

        var reservation = await hotel.BookAsync(hotel.Today.AddDays(10));

        var payment = await hotel.PaymentAsync(reservation.Id);
        Assert.Equal(PaymentKind.PreAuthorisation, payment.Kind);
        Assert.Equal(20000, payment.AmountMinor);
    }

    [Fact]
    public async Task BookingWithoutAPaymentPolicyRecordsNoPaymentAndNoIntent()
    {
        await using var hotel = await PaymentsHotel.CreateAsync();

        var reservation = await hotel.BookAsync(hotel.Today.AddDays(10));

        Assert.Empty(await hotel.OutboxAsync());
        await using var db = hotel.Db();
        Assert.False(await db.Payments.AnyAsync(p => p.ReservationId == reservation.Id));
    }

    [Fact]
    public async Task CancellingInsideTheFreeWindowReleasesTheHoldAndChargesNothing()
    {
        await using var hotel = await PaymentsHotel.CreateAsync();
        await hotel.SetPolicyAsync(PaymentPolicyKind.Deposit, depositPercent: 50, freeCancellationDays: 7);
        var reservation = await hotel.BookAsync(hotel.Today.AddDays(7));
        await hotel.AuthoriseAsync(reservation.Id);

        await hotel.Get<ReservationService>().CancelAsync(reservation.Id, "plans changed", None);

        var release = Assert.Single(await hotel.OutboxAsync(), m => m.Operation == PaymentOperations.Release);
        Assert.Equal($"res-{reservation.Id}-release", release.IdempotencyKey);
        Assert.DoesNotContain(await hotel.OutboxAsync(), m => m.Operation == PaymentOperations.Capture);
        var folio = await hotel.Get<FolioService>().GetAsync(reservation.Id, None);
        Assert.Equal(0, folio.Balance.Minor);
    }

    [Fact]
    public async Task CancellingAfterTheFreeWindowChargesTheFirstNightFromTheHold()
    {
        await using var hotel = await PaymentsHotel.CreateAsync();
        await hotel.SetPolicyAsync(PaymentPolicyKind.PreAuthorise, freeCancellationDays: 7);
        var reservation = await hotel.BookAsync(hotel.Today.AddDays(6));
        await hotel.AuthoriseAsync(reservation.Id);

        await hotel.Get<ReservationService>().CancelAsync(reservation.Id, "late", None);

        var capture = Assert.Single(await hotel.OutboxAsync(), m => m.Operation == PaymentOperations.Capture);
        Assert.Equal($"res-{reservation.Id}-cancellation-fee", capture.IdempotencyKey);
        Assert.Equal(10000, JsonSerializer.Deserialize<PaymentActionIntent>(capture.Payload, JsonDefaults.Options)!.AmountMinor);
        Assert.DoesNotContain(await hotel.OutboxAsync(), m => m.Operation == PaymentOperations.Release);
        var folio = await hotel.Get<FolioService>().GetAsync(reservation.Id, None);
        var fee = Assert.Single(folio.Entries);
        Assert.Equal(FolioEntryKind.Charge, fee.Kind);
        Assert.Equal(10000, fee.AmountMinor);
    }

    [Fact]
    public async Task ALateCancellationFeeIsCappedAtWhatTheDepositHolds()
    {
        await using var hotel = await PaymentsHotel.CreateAsync();
        await hotel.SetPolicyAsync(PaymentPolicyKind.Deposit, depositPercent: 25, freeCancellationDays: 30);
        var reservation = await hotel.BookAsync(hotel.Today.AddDays(3));
        await hotel.AuthoriseAsync(reservation.Id);

        await hotel.Get<ReservationService>().CancelAsync(reservation.Id, null, None);

        var capture = Assert.Single(await hotel.OutboxAsync(), m => m.Operation == PaymentOperations.Capture);
        Assert.Equal(5000, JsonSerializer.Deserialize<PaymentActionIntent>(capture.Payload, JsonDefaults.Options)!.AmountMinor);
    }

    [Fact]
    public async Task ALateCancellationWithoutAnAuthorisedHoldLeavesTheFeeOnTheFolioAndDropsTheHold()
    {
        await using var hotel = await PaymentsHotel.CreateAsync();
        await hotel.SetPolicyAsync(PaymentPolicyKind.Deposit, depositPercent: 50, freeCancellationDays: 7);
        var reservation = await hotel.BookAsync(hotel.Today.AddDays(2));

        await hotel.Get<ReservationService>().CancelAsync(reservation.Id, null, None);

        Assert.DoesNotContain(await hotel.OutboxAsync(), m => m.Operation == PaymentOperations.Capture);
        Assert.Single(await hotel.OutboxAsync(), m => m.Operation == PaymentOperations.Release);
        var folio = await hotel.Get<FolioService>().GetAsync(reservation.Id, None);
        Assert.Equal(10000, folio.Balance.Minor);
    }

    [Fact]
    public async Task ANoShowIsChargedTheFirstNightFromTheHold()
    {
        await using var hotel = await PaymentsHotel.CreateAsync();
        await hotel.SetPolicyAsync(PaymentPolicyKind.PreAuthorise, freeCancellationDays: 1);
        var reservation = await hotel.BookAsync(hotel.Today);
        await hotel.AuthoriseAsync(reservation.Id);

        await hotel.Get<ReservationService>().MarkNoShowAsync(reservation.Id, None);

        var capture = Assert.Single(await hotel.OutboxAsync(), m => m.Operation == PaymentOperations.Capture);
        Assert.Equal($"res-{reservation.Id}-no-show-fee", capture.IdempotencyKey);
        Assert.Equal(10000, JsonSerializer.Deserialize<PaymentActionIntent>(capture.Payload, JsonDefaults.Options)!.AmountMinor);
    }

    [Fact]
    public async Task CheckingInCapturesTheAuthorisedHoldOnce()
    {
        await using var hotel = await PaymentsHotel.CreateAsync();
        await hotel.SetPolicyAsync(PaymentPolicyKind.Deposit, depositPercent: 50);
        var reservation = await hotel.BookAsync(hotel.Today);
        await hotel.AuthoriseAsync(reservation.Id);

        await hotel.Get<ReservationService>().CheckInAsync(reservation.Id, None);

        var capture = Assert.Single(await hotel.OutboxAsync(), m => m.Operation == PaymentOperations.Capture);
        Assert.Equal($"res-{reservation.Id}-capture", capture.IdempotencyKey);
        Assert.Null(JsonSerializer.Deserialize<PaymentActionIntent>(capture.Payload, JsonDefaults.Options)!.AmountMinor);
    }

    [Fact]
    public async Task CheckingInWithAHoldTheGuestNeverAuthorisedCapturesNothing()
    {
        await using var hotel = await PaymentsHotel.CreateAsync();
        await hotel.SetPolicyAsync(PaymentPolicyKind.Deposit, depositPercent: 50);
        var reservation = await hotel.BookAsync(hotel.Today);

        await hotel.Get<ReservationService>().CheckInAsync(reservation.Id, None);

        Assert.DoesNotContain(await hotel.OutboxAsync(), m => m.Operation == PaymentOperations.Capture);
    }

    [Fact]
    public async Task AHoldAuthorisedAfterCheckInIsCapturedAtCheckOutForWhatIsOwedUnderTheCaptureKey()
    {
        await using var hotel = await PaymentsHotel.CreateAsync();
        await hotel.SetPolicyAsync(PaymentPolicyKind.Deposit, depositPercent: 30);
        var reservation = await hotel.BookAsync(hotel.Today);
        var desk = hotel.Get<ReservationService>();
        await desk.CheckInAsync(reservation.Id, None);
        await hotel.AuthoriseAsync(reservation.Id); // the guest completed the card step only once in house
        hotel.Time.Advance(TimeSpan.FromDays(2));

        // Two nights at 100.00 = 200.00; the guest pays 140.00 at the desk and the 60.00 hold covers the rest.
        await hotel.Get<FolioService>().RecordPaymentAsync(reservation.Id, "Cash", 14000, None);
        await desk.CheckOutAsync(reservation.Id, managerOverride: false, None);

        var capture = Assert.Single(await hotel.OutboxAsync(), m => m.Operation == PaymentOperations.Capture);
        Assert.Equal($"res-{reservation.Id}-capture", capture.IdempotencyKey);
        Assert.Equal(6000, JsonSerializer.Deserialize<PaymentActionIntent>(capture.Payload, JsonDefaults.Options)!.AmountMinor);
        Assert.Equal(ReservationStatus.CheckedOut, (await desk.GetAsync(reservation.Id, None)).Summary.Status);
    }

    [Fact]
    public async Task ACaptureAskedForAtCheckInIsNotAskedForAgainAtCheckOut()
    {
        await using var hotel = await PaymentsHotel.CreateAsync();
        await hotel.SetPolicyAsync(PaymentPolicyKind.Deposit, depositPercent: 30);
        var reservation = await hotel.BookAsync(hotel.Today);
        await hotel.AuthoriseAsync(reservation.Id);
        var desk = hotel.Get<ReservationService>();
        await desk.CheckInAsync(reservation.Id, None);
        hotel.Time.Advance(TimeSpan.FromDays(2));

        // The capture's confirmation has not arrived: the hold still counts towards the bill.
        await hotel.Get<FolioService>().RecordPaymentAsync(reservation.Id, "Cash", 14000, None);
        await desk.CheckOutAsync(reservation.Id, managerOverride: false, None);

        var capture = Assert.Single(await hotel.OutboxAsync(), m => m.Operation == PaymentOperations.Capture);
        Assert.Null(JsonSerializer.Deserialize<PaymentActionIntent>(capture.Payload, JsonDefaults.Options)!.AmountMinor);
        Assert.DoesNotContain(await hotel.OutboxAsync(), m => m.Operation == PaymentOperations.Release);
    }

    [Fact]
    public async Task AHoldStillOnTheCardWhenNothingIsOwedAtCheckOutIsReleased()
    {
        await using var hotel = await PaymentsHotel.CreateAsync();
        await hotel.SetPolicyAsync(PaymentPolicyKind.Deposit, depositPercent: 30);
        var reservation = await hotel.BookAsync(hotel.Today);
        var desk = hotel.Get<ReservationService>();
        await desk.CheckInAsync(reservation.Id, None);
        await hotel.AuthoriseAsync(reservation.Id);
        hotel.Time.Advance(TimeSpan.FromDays(2));

        await hotel.Get<FolioService>().RecordPaymentAsync(reservation.Id, "Card at the desk", 20000, None);
        await desk.CheckOutAsync(reservation.Id, managerOverride: false, None);

        Assert.DoesNotContain(await hotel.OutboxAsync(), m => m.Operation == PaymentOperations.Capture);
        Assert.Single(await hotel.OutboxAsync(), m => m.Operation == PaymentOperations.Release);
    }
}
