using Microsoft.EntityFrameworkCore;
using Stayfull.Domain.Folios;
using Stayfull.Domain.Integrations;
using Stayfull.Domain.Live;
using Stayfull.Domain.Payments;
using Stayfull.Integrations.Stripe;
using Stayfull.Tests.Support;

namespace Stayfull.Integrations.Tests.Stripe;

/// <summary>Stripe's events change the folio exactly once, however often and in whatever order they arrive.</summary>
public sealed class StripeWebhookApplierTests
{
    private const string Pi = "pi_apply_1";
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task TheSameEventAppliedTwiceInARowPostsOnePayment()
    {
        var (hotel, reservationId, _) = await HeldDepositAsync();
        await using (hotel)
        {
            var succeeded = Stored("evt_a1", "payment_intent.succeeded", StripeEvents.Intent(Pi, "succeeded", 10000, 0, 10000));

            await ApplyAsync(hotel, succeeded);
            await ApplyAsync(hotel, succeeded);

            var payment = Assert.Single(await hotel.FolioAsync(reservationId), e => e.Kind == FolioEntryKind.Payment);
            Assert.Equal(10000, payment.AmountMinor);
            Assert.Equal(Pi, payment.ExternalId);
            Assert.Equal(PaymentStatus.Captured, (await hotel.PaymentAsync(reservationId)).Status);
        }
    }

    [Fact]
    public async Task ConcurrentDeliveriesOfOneFactPostOnePayment()
    {
        var (hotel, reservationId, _) = await HeldDepositAsync();
        await using (hotel)
        {
            var succeeded = Stored("evt_c1", "payment_intent.succeeded", StripeEvents.Intent(Pi, "succeeded", 10000, 0, 10000));
            var sameFactOtherEvent = Stored("evt_c2", "charge.refunded", StripeEvents.Charge("ch_c", Pi, 10000, 0));

            await Task.WhenAll(Enumerable.Range(0, 4).Select(i => Task.Run(() => ApplyAsync(hotel, i % 2 == 0 ? succeeded : sameFactOtherEvent))));

            Assert.Single(await hotel.FolioAsync(reservationId), e => e.Kind == FolioEntryKind.Payment);
        }
    }

    [Fact]
    public async Task ARedeliveredWebhookIsStoredOnceAndAppliedOnce()
    {
        var (hotel, reservationId, _) = await HeldDepositAsync();
        await using (hotel)
        {
            var body = StripeEvents.Event("evt_inbox_1", "payment_intent.succeeded", StripeEvents.Intent(Pi, "succeeded", 10000, 0, 10000));
            var inbox = hotel.Get<WebhookInbox>();

            var outcomes = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => inbox.StoreAsync(hotel.HotelId, IntegrationVendor.Stripe, "evt_inbox_1", "payment_intent.succeeded", body, None)));
            await hotel.Get<InboxProcessor>().ProcessDueAsync(10, None);

            Assert.Single(outcomes, o => o == InboxOutcome.Stored);
            Assert.Single(await hotel.FolioAsync(reservationId), e => e.Kind == FolioEntryKind.Payment);
            Assert.Contains(hotel.Published.Changes, c => c.Topic == ChangeTopic.Folio && c.EntityId == reservationId);
        }
    }

    public static TheoryData<string> Orders => new() { "SRC", "SCR", "RSC", "RCS", "CSR", "CRS" };

    [Theory]
    [MemberData(nameof(Orders))]
    public async Task CaptureAndRefundEventsInAnyOrderEndInTheSameFolio(string order)
    {
        var (hotel, reservationId, paymentId) = await HeldDepositAsync();
        await using (hotel)
        {
            var events = new Dictionary<char, InboxEvent>
            {
                ['S'] = Stored("evt_o_s", "payment_intent.succeeded", StripeEvents.Intent(Pi, "succeeded", 10000, 0, 10000, paymentId)),
                ['R'] = Stored("evt_o_r", "refund.created", StripeEvents.Refund("re_o_1", Pi, 4000)),
                ['C'] = Stored("evt_o_c", "charge.refunded", StripeEvents.Charge("ch_o", Pi, 10000, 4000)),
            };

            foreach (var step in order)
            {
                await ApplyAsync(hotel, events[step]);
            }

            var folio = await hotel.FolioAsync(reservationId);
            var payment = Assert.Single(folio, e => e.Kind == FolioEntryKind.Payment);
            var refund = Assert.Single(folio, e => e.Kind == FolioEntryKind.Refund);
            Assert.Equal((10000, Pi), (payment.AmountMinor, payment.ExternalId));
            Assert.Equal((4000, "re_o_1"), (refund.AmountMinor, refund.ExternalId));
            var stored = await hotel.PaymentAsync(reservationId);
            Assert.Equal((PaymentStatus.Captured, 10000L, 4000L), (stored.Status, stored.CapturedMinor, stored.RefundedMinor));
        }
    }

    [Fact]
    public async Task TheHoldIsAuthorisedThenReleasedEvenWhenTheCancellationArrivesFirst()
    {
        var (hotel, reservationId, paymentId) = await HeldDepositAsync(authorise: false);
        await using (hotel)
        {
            await ApplyAsync(hotel, Stored("evt_r_c", "payment_intent.canceled", StripeEvents.Intent(Pi, "canceled", 10000, 0, 0, paymentId)));
            await ApplyAsync(hotel, Stored("evt_r_a", "payment_intent.amount_capturable_updated", StripeEvents.Intent(Pi, "requires_capture", 10000, 10000, 0, paymentId)));

            Assert.Equal(PaymentStatus.Released, (await hotel.PaymentAsync(reservationId)).Status);
            Assert.DoesNotContain(await hotel.FolioAsync(reservationId), e => e.Kind == FolioEntryKind.Payment);
        }
    }

    [Fact]
    public async Task ADisputeMarksThePaymentAndAlertsTheDeskOnce()
    {
        var (hotel, reservationId, _) = await HeldDepositAsync();
        await using (hotel)
        {
            await ApplyAsync(hotel, Stored("evt_d_s", "payment_intent.succeeded", StripeEvents.Intent(Pi, "succeeded", 10000, 0, 10000)));
            var dispute = Stored("evt_d_1", "charge.dispute.created", StripeEvents.Dispute("dp_1", Pi, 10000, "needs_response"));

            await ApplyAsync(hotel, dispute);
            await ApplyAsync(hotel, dispute);

            Assert.Equal(PaymentStatus.Disputed, (await hotel.PaymentAsync(reservationId)).Status);
            Assert.Single(hotel.Published.Changes, c => c.Summary.StartsWith("Dispute", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task ACompletedCheckoutAndItsPaymentIntentPostOnePayment()
    {
        await using var hotel = await StripeTestHotel.CreateAsync();
        var reservation = await hotel.BookAsync();
        Payment link;
        await using (var db = hotel.Db())
        {
            link = new Payment(hotel.HotelId, reservation.Id, PaymentKind.Balance, 20000, "EUR", hotel.Time.GetUtcNow());
            db.Payments.Add(link);
            await db.SaveChangesAsync();
        }

        await ApplyAsync(hotel, Stored("evt_k_pi", "payment_intent.succeeded", StripeEvents.Intent("pi_link", "succeeded", 20000, 0, 20000, link.Id)));
        await ApplyAsync(hotel, Stored("evt_k_cs", "checkout.session.completed", StripeEvents.CheckoutSession("cs_link", "pi_link", 20000, link.Id)));

        var folio = await hotel.FolioAsync(reservation.Id);
        Assert.Equal(20000, Assert.Single(folio, e => e.Kind == FolioEntryKind.Payment).AmountMinor);
        Assert.Equal(0, folio.Sum(e => e.SignedAmountMinor));
    }

    [Fact]
    public async Task ARefundForAnIntentNotYetRecordedIsRetriedNotDropped()
    {
        await using var hotel = await StripeTestHotel.CreateAsync();

        await Assert.ThrowsAsync<PaymentNotYetKnownException>(() => ApplyAsync(hotel, Stored("evt_u", "refund.created", StripeEvents.Refund("re_u", "pi_unknown", 100))));
    }

    /// <summary>A booked deposit whose intent Stripe created as <see cref="Pi"/> (and, unless told otherwise, authorised).</summary>
    private static async Task<(TestHotel Hotel, Guid ReservationId, Guid PaymentId)> HeldDepositAsync(bool authorise = true)
    {
        var hotel = await StripeTestHotel.CreateAsync();
        await hotel.SetDepositPolicyAsync(50);
        var reservation = await hotel.BookAsync();
        var payment = await hotel.PaymentAsync(reservation.Id);
        await hotel.Get<PaymentLedger>().RecordCreatedAsync(payment.Id, Pi, None);
        if (authorise)
        {
            await ApplyAsync(hotel, Stored("evt_hold", "payment_intent.amount_capturable_updated", StripeEvents.Intent(Pi, "requires_capture", 10000, 10000, 0, payment.Id)));
        }

        return (hotel, reservation.Id, payment.Id);
    }

    private static InboxEvent Stored(string id, string type, object dataObject) =>
        new(Guid.Empty, IntegrationVendor.Stripe, id, type, StripeEvents.Event(id, type, dataObject), DateTimeOffset.UnixEpoch);

    private static Task ApplyAsync(TestHotel hotel, InboxEvent inboxEvent) =>
        hotel.Get<IEnumerable<IWebhookApplier>>().OfType<StripeWebhookApplier>().Single().HandleAsync(inboxEvent, None);
}
