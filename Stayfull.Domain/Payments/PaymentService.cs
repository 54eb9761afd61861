using Microsoft.EntityFrameworkCore;
using Stayfull.Domain.Common;
using Stayfull.Domain.Folios;
using Stayfull.Domain.Integrations;
using Stayfull.Domain.Live;
using Stayfull.Domain.Reservations;
using Stayfull.Domain.Sessions;
using Stayfull.Domain.Tenancy;

namespace Stayfull.Domain.Payments;

/// <summary>The desk's card actions: see a reservation's card payments, refund to the card, send a payment link.</summary>
public sealed class PaymentService(HotelSessions sessions, IPaymentGateway gateway)
{
    public Task<IReadOnlyList<Payment>> ForReservationAsync(Guid reservationId, CancellationToken cancellationToken) =>
        sessions.ReadAsync<IReadOnlyList<Payment>>(async s =>
        {
            await ReservationService.FindAsync(s, reservationId, cancellationToken);
            return await s.Db.Payments.Where(p => p.ReservationId == reservationId).OrderBy(p => p.CreatedAt).ToListAsync(cancellationToken);
        }, cancellationToken);

    /// <summary>
    /// The reservation's card payments as the desk sees them, each with what may still be refunded to the
    /// card, and whether the hotel's payments are simulated (no Stripe keys: demo mode).
    /// </summary>
    public Task<ReservationPayments> OverviewAsync(Guid reservationId, CancellationToken cancellationToken) =>
        sessions.ReadAsync(async s =>
        {
            await ReservationService.FindAsync(s, reservationId, cancellationToken);
            var payments = await s.Db.Payments.AsNoTracking().Where(p => p.ReservationId == reservationId).OrderBy(p => p.CreatedAt).ToListAsync(cancellationToken);
            var ids = payments.Select(p => p.Id).ToList();
            var refundLines = await s.Db.FolioEntries
                .Where(e => e.PaymentId != null && ids.Contains(e.PaymentId.Value) && e.Kind == FolioEntryKind.Refund)
                .Select(e => new { e.PaymentId, e.AmountMinor })
                .ToListAsync(cancellationToken);
            var connections = await s.Db.IntegrationConnections.AsNoTracking().Where(c => c.Vendor == IntegrationVendor.Stripe).ToListAsync(cancellationToken);
            var lines = payments.Select(p => new PaymentLine(p, RefundableOf(p, refundLines.Where(r => r.PaymentId == p.Id).Sum(r => r.AmountMinor)))).ToList();
            return new ReservationPayments(lines, IsDemo: !connections.Any(c => c.IsLive));
        }, cancellationToken);

    /// <summary>
    /// Refunds part or all of a captured card payment. The folio line is posted now (the desk sees it at
    /// once) and the provider's refund, keyed by that line's id, follows through the outbox; its
    /// webhook links to this line instead of posting another.
    /// </summary>
    public Task<FolioEntry> RefundToCardAsync(Guid reservationId, Guid paymentId, long amountMinor, string description, CancellationToken cancellationToken) =>
        sessions.WriteAsync(async s =>
        {
            s.Staff.Require(StaffRole.Manager, "refund payments");
            var reservation = await ReservationService.FindAsync(s, reservationId, cancellationToken);
            var payment = await s.Db.Payments.SingleOrDefaultAsync(p => p.Id == paymentId && p.ReservationId == reservationId, cancellationToken) ?? throw new NotFoundException("Payment");
            if (payment.CapturedMinor <= 0 || payment.ProviderPaymentId is null)
            {
                throw new RuleViolationException("Only a captured card payment can be refunded to the card.");
            }

            var alreadyRefunded = await s.Db.FolioEntries.Where(e => e.PaymentId == payment.Id && e.Kind == FolioEntryKind.Refund).SumAsync(e => e.AmountMinor, cancellationToken);
            var refundable = RefundableOf(payment, alreadyRefunded);
            if (amountMinor <= 0)
            {
                throw ValidationException.For("amount", "The amount must be above zero.");
            }

            if (amountMinor > refundable)
            {
                throw new RuleViolationException($"At most {s.Money(refundable)} of this card payment can be refunded.");
            }

            var entry = new FolioEntry(s.HotelId, reservationId, FolioEntryKind.Refund, s.Today, description, amountMinor, payment.Currency, s.Staff.UserName, s.Now);
            entry.LinkToProvider(null, payment.Id);
            s.Db.FolioEntries.Add(entry);

            // Touching both rows serialises two clerks refunding the same payment at once.
            s.Db.Entry(reservation).Property(r => r.Version).CurrentValue++;
            s.Db.Entry(payment).Property(p => p.Version).CurrentValue++;
            await Outbox.EnqueueAsync(s, IntegrationVendor.Stripe, PaymentOperations.Refund, new RefundIntent(payment.Id, reservationId, entry.Id, amountMinor), PaymentOperations.RefundKey(entry.Id), cancellationToken);
            s.Audit("Folio", reservationId, "CardRefund", new { entry.Description, entry.AmountMinor, PaymentId = payment.Id });
            s.Announce(ChangeTopic.Folio, reservationId, $"Refund of {s.Money(amountMinor)} to the card on {reservation.ConfirmationCode}");
            return entry;
        }, cancellationToken);

    /// <summary>
    /// A hosted payment page for the folio's open balance. The desk waits for the link, so the provider
    /// is called now rather than through the outbox; the key is the payment's id, so asking again after a
    /// failure never creates a second page for the same payment.
    /// </summary>
    public async Task<Uri> CreatePaymentLinkAsync(Guid reservationId, Uri returnUrl, CancellationToken cancellationToken)
    {
        var (payment, request) = await sessions.WriteAsync(async s =>
        {
            s.Staff.Require(StaffRole.FrontDesk, "send payment links");
            var reservation = await ReservationService.FindAsync(s, reservationId, cancellationToken);
            var balance = await s.Db.FolioEntries.Where(e => e.ReservationId == reservationId).ToListAsync(cancellationToken);
            var open = new Folio(balance, s.Hotel.Currency).Balance.Minor;
            if (open <= 0)
            {
                throw new RuleViolationException("Nothing is owed on this folio.");
            }

            var guest = await s.Db.Guests.SingleAsync(g => g.Id == reservation.GuestId, cancellationToken);
            var created = new Payment(s.HotelId, reservationId, PaymentKind.Balance, open, s.Hotel.Currency, s.Now);
            s.Db.Payments.Add(created);
            s.Audit(nameof(Payment), reservationId, "PaymentLinkRequested", new { AmountMinor = open });
            return (created, new CheckoutRequest(created.Id, reservationId, reservation.ConfirmationCode, open, s.Hotel.Currency, $"Balance of {reservation.ConfirmationCode}", guest.Email, returnUrl));
        }, cancellationToken);

        GatewayCheckout checkout;
        try
        {
            checkout = await gateway.CreateCheckoutAsync(payment.HotelId, request, PaymentOperations.CheckoutKey(payment.Id), cancellationToken);
        }
        catch (PaymentGatewayException ex)
        {
            await sessions.WriteAsync(async s => (await s.Db.Payments.SingleAsync(p => p.Id == payment.Id, cancellationToken)).Failed(ex.Message, s.Now), cancellationToken);
            throw new RuleViolationException($"The payment link could not be created: {ex.Message}");
        }

        await sessions.WriteAsync(async s =>
        {
            var saved = await s.Db.Payments.SingleAsync(p => p.Id == payment.Id, cancellationToken);
            saved.RecordCheckout(checkout.SessionId, checkout.Url.ToString(), s.Now);
            s.Announce(ChangeTopic.Folio, reservationId, $"Payment link for {s.Money(saved.AmountMinor)} created");
        }, cancellationToken);
        return checkout.Url;
    }

    /// <summary>What was taken less what was refunded, by our own lines or the provider's total, whichever is higher.</summary>
    private static long RefundableOf(Payment payment, long refundLinesMinor) =>
        Math.Max(0, payment.CapturedMinor - Math.Max(refundLinesMinor, payment.RefundedMinor));
}

/// <summary>A reservation's card payments; <paramref name="IsDemo"/> when the hotel has no Stripe keys and payments are simulated.</summary>
public sealed record ReservationPayments(IReadOnlyList<PaymentLine> Payments, bool IsDemo);

/// <param name="RefundableMinor">What may still be refunded to the card.</param>
public sealed record PaymentLine(Payment Payment, long RefundableMinor);
