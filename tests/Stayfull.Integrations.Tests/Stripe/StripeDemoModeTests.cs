using Microsoft.EntityFrameworkCore;
using Stayfull.Domain.Folios;
using Stayfull.Domain.Integrations;
using Stayfull.Domain.Payments;
using Stayfull.Domain.Reservations;
using Stayfull.Tests.Support;

namespace Stayfull.Integrations.Tests.Stripe;

/// <summary>A hotel without Stripe keys runs the same pipeline on simulated intents and events.</summary>
public sealed class StripeDemoModeTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task ADemoDepositIsHeldAtBookingAndReachesTheFolioWhenCapturedAtCheckIn()
    {
        await using var hotel = await StripeTestHotel.CreateAsync();
        await hotel.SetDepositPolicyAsync(50);
        var reservation = await hotel.BookAsync();

        await DrainAsync(hotel);
        var held = await hotel.PaymentAsync(reservation.Id);
        Assert.StartsWith("pi_demo_", held.ProviderPaymentId, StringComparison.Ordinal);
        Assert.Equal(PaymentStatus.Authorised, held.Status);
        Assert.DoesNotContain(await hotel.FolioAsync(reservation.Id), e => e.Kind == FolioEntryKind.Payment);

        await hotel.Get<ReservationService>().CheckInAsync(reservation.Id, None);
        await DrainAsync(hotel);

        var captured = await hotel.PaymentAsync(reservation.Id);
        Assert.Equal(PaymentStatus.Captured, captured.Status);
        var payment = Assert.Single(await hotel.FolioAsync(reservation.Id), e => e.Kind == FolioEntryKind.Payment);
        Assert.Equal((10000L, held.ProviderPaymentId), (payment.AmountMinor, payment.ExternalId));

        await using var db = hotel.Db();
        var log = await db.IntegrationLog.Where(e => e.Vendor == IntegrationVendor.Stripe).ToListAsync();
        Assert.NotEmpty(log);
        Assert.All(log, e => Assert.True(e.IsDemo));
        Assert.Contains(log, e => e.Operation == PaymentOperations.CreatePaymentIntent);
        Assert.Contains(log, e => e.Operation == PaymentOperations.Capture);
    }

    [Fact]
    public async Task ADemoRefundToTheCardIsLinkedToTheDesksLine()
    {
        await using var hotel = await StripeTestHotel.CreateAsync();
        await hotel.SetDepositPolicyAsync(50);
        var reservation = await hotel.BookAsync();
        await DrainAsync(hotel);
        await hotel.Get<ReservationService>().CheckInAsync(reservation.Id, None);
        await DrainAsync(hotel);
        var payment = await hotel.PaymentAsync(reservation.Id);

        var line = await hotel.Get<PaymentService>().RefundToCardAsync(reservation.Id, payment.Id, 2500, "Late check-in goodwill", None);
        await DrainAsync(hotel);

        var refund = Assert.Single(await hotel.FolioAsync(reservation.Id), e => e.Kind == FolioEntryKind.Refund);
        Assert.Equal(line.Id, refund.Id);
        Assert.StartsWith("re_demo_", refund.ExternalId, StringComparison.Ordinal);
        Assert.Equal(2500, (await hotel.PaymentAsync(reservation.Id)).RefundedMinor);
    }

    [Fact]
    public async Task ADemoReleaseOnFreeCancellationEndsReleased()
    {
        await using var hotel = await StripeTestHotel.CreateAsync();
        await hotel.SetDepositPolicyAsync(50);
        var reservation = await hotel.BookAsync();
        await DrainAsync(hotel);

        await hotel.Get<ReservationService>().CancelAsync(reservation.Id, null, None);
        await DrainAsync(hotel);

        Assert.Equal(PaymentStatus.Released, (await hotel.PaymentAsync(reservation.Id)).Status);
    }

    private static async Task DrainAsync(TestHotel hotel)
    {
        // Outbox first (it may emit simulated events), then the inbox, until both are quiet.
        for (var round = 0; round < 5; round++)
        {
            var done = await hotel.Get<OutboxProcessor>().ProcessDueAsync(10, None) + await hotel.Get<InboxProcessor>().ProcessDueAsync(10, None);
            if (done == 0)
            {
                return;
            }
        }
    }
}
