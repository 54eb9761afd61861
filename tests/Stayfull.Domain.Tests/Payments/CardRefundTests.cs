using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Stayfull.Domain.Common;
using Stayfull.Domain.Folios;
using Stayfull.Domain.Integrations;
using Stayfull.Domain.Payments;

namespace Stayfull.Domain.Tests.Payments;

public sealed class CardRefundTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task ARefundToTheCardPostsOneLineAndEnqueuesTheProviderRefundKeyedByThatLine()
    {
        await using var hotel = await PaymentsHotel.CreateAsync();
        await hotel.SetPolicyAsync(PaymentPolicyKind.Deposit, depositPercent: 50);
        var reservation = await hotel.BookAsync(hotel.Today.AddDays(3));
        var payment = await hotel.AuthoriseAsync(reservation.Id);
        await hotel.Get<PaymentLedger>().ApplyAsync(new PaymentIntentFact("pi_test_hold", payment.Id, PaymentIntentState.Succeeded, 0, 10000, null), None);

        var line = await hotel.Get<PaymentService>().RefundToCardAsync(reservation.Id, payment.Id, 4000, "Goodwill", None);

        var refund = Assert.Single(await hotel.OutboxAsync(), m => m.Operation == PaymentOperations.Refund);
        Assert.Equal($"refund-{line.Id}", refund.IdempotencyKey);
        Assert.Equal(4000, JsonSerializer.Deserialize<RefundIntent>(refund.Payload, JsonDefaults.Options)!.AmountMinor);

        // Stripe's refund event names our line: it is linked, not posted a second time.
        await hotel.Get<PaymentLedger>().ApplyAsync(new RefundFact("re_test_1", "pi_test_hold", 4000, RefundState.Succeeded, line.Id), None);
        await hotel.Get<PaymentLedger>().ApplyAsync(new RefundFact("re_test_1", "pi_test_hold", 4000, RefundState.Succeeded, line.Id), None);
        var folio = await hotel.Get<FolioService>().GetAsync(reservation.Id, None);
        var refundLine = Assert.Single(folio.Entries, e => e.Kind == FolioEntryKind.Refund);
        Assert.Equal("re_test_1", refundLine.ExternalId);
        Assert.Equal(4000, (await hotel.PaymentAsync(reservation.Id)).RefundedMinor);
    }

    [Fact]
    public async Task ARefundLargerThanWhatWasCapturedIsRefused()
    {
        await using var hotel = await PaymentsHotel.CreateAsync();
        await hotel.SetPolicyAsync(PaymentPolicyKind.Deposit, depositPercent: 50);
        var reservation = await hotel.BookAsync(hotel.Today.AddDays(3));
        var payment = await hotel.AuthoriseAsync(reservation.Id);
        await hotel.Get<PaymentLedger>().ApplyAsync(new PaymentIntentFact("pi_test_hold", payment.Id, PaymentIntentState.Succeeded, 0, 10000, null), None);

        await Assert.ThrowsAsync<RuleViolationException>(() => hotel.Get<PaymentService>().RefundToCardAsync(reservation.Id, payment.Id, 10001, "Too much", None));

        await using var db = hotel.Db();
        Assert.False(await db.OutboxMessages.AnyAsync(m => m.Operation == PaymentOperations.Refund));
    }

    [Fact]
    public async Task APaymentLinkCoversTheOpenBalanceAndIsRecordedOnTheReservation()
    {
        await using var hotel = await PaymentsHotel.CreateAsync();
        var reservation = await hotel.BookAsync(hotel.Today.AddDays(3));

        var url = await hotel.Get<PaymentService>().CreatePaymentLinkAsync(reservation.Id, new Uri("https://hotel.example.test/paid"), None);

        Assert.Equal("https://pay.example.test/cs_fake", url.ToString());
        var payment = await hotel.PaymentAsync(reservation.Id);
        Assert.Equal(PaymentKind.Balance, payment.Kind);
        Assert.Equal(20000, payment.AmountMinor);
        Assert.Equal("cs_fake", payment.CheckoutSessionId);
    }
}
