using Microsoft.EntityFrameworkCore;
using Stayfull.Domain.Folios;
using Stayfull.Domain.Live;
using Stayfull.Domain.Reservations;
using Stayfull.Domain.Sessions;

namespace Stayfull.Domain.Payments;

/// <summary>
/// Applies the payment provider's facts to payments and folios. Delivery is at-least-once and in
/// any order, so every folio line a fact produces is keyed by the provider's id (pi_…, re_…) under a
/// unique index: the first delivery posts it, every later one finds it and does nothing. Payment
/// amounts only ever rise and its status is derived from them, so the end state does not depend on
/// the order the events came in.
/// </summary>
public sealed class PaymentLedger(HotelSessions sessions)
{
    private const string PostedBy = "Stripe";

    /// <summary>The dispatcher created the provider's intent: remember its id so later facts find the payment.</summary>
    public Task RecordCreatedAsync(Guid paymentId, string providerPaymentId, CancellationToken cancellationToken) =>
        WriteAsync(async s =>
        {
            var payment = await s.Db.Payments.SingleOrDefaultAsync(p => p.Id == paymentId, cancellationToken) ?? throw new Common.NotFoundException("Payment");
            payment.RecordProviderId(providerPaymentId, s.Now);
            s.Announce(ChangeTopic.Payments, payment.ReservationId, $"Card payment {providerPaymentId} created");
        }, cancellationToken);

    public Task RecordFailureAsync(Guid paymentId, string reason, CancellationToken cancellationToken) =>
        WriteAsync(async s =>
        {
            var payment = await s.Db.Payments.SingleOrDefaultAsync(p => p.Id == paymentId, cancellationToken) ?? throw new Common.NotFoundException("Payment");
            payment.Failed(reason, s.Now);
            s.Announce(ChangeTopic.Folio, payment.ReservationId, $"Card payment failed: {payment.FailureReason}");
        }, cancellationToken);

    /// <summary>The provider refused a refund the desk already posted: the amount goes back on the balance, once.</summary>
    public Task RecordRefundRefusedAsync(Guid paymentId, Guid folioEntryId, string reason, CancellationToken cancellationToken) =>
        WriteAsync(async s =>
        {
            var payment = await s.Db.Payments.SingleOrDefaultAsync(p => p.Id == paymentId, cancellationToken) ?? throw new Common.NotFoundException("Payment");
            var line = await s.Db.FolioEntries.SingleOrDefaultAsync(e => e.Id == folioEntryId, cancellationToken);
            var key = PaymentOperations.RefundKey(folioEntryId) + ":refused";
            if (line is null || await ExistsAsync(s, key, cancellationToken))
            {
                return;
            }

            var text = $"Card refund refused: {reason}";
            await PostAsync(s, payment, FolioEntryKind.Charge, text.Length > 200 ? text[..200] : text, line.AmountMinor, key, cancellationToken);
        }, cancellationToken);

    /// <summary>The provider's id of our payment, or null while the intent is not created yet.</summary>
    public Task<string?> ProviderIdAsync(Guid paymentId, CancellationToken cancellationToken) =>
        sessions.ReadAsync(async s => await s.Db.Payments.Where(p => p.Id == paymentId).Select(p => p.ProviderPaymentId).SingleOrDefaultAsync(cancellationToken), cancellationToken);

    public Task ApplyAsync(PaymentIntentFact fact, CancellationToken cancellationToken) =>
        WriteAsync(async s =>
        {
            var payment = await FindAsync(s, fact.ProviderPaymentId, fact.PaymentId, cancellationToken);
            if (payment is null)
            {
                // An intent we did not create (another system on the same account): not ours to book.
                return;
            }

            switch (fact.State)
            {
                case PaymentIntentState.RequiresCapture:
                    payment.Authorised(fact.AmountCapturable, s.Now);
                    s.Announce(ChangeTopic.Folio, payment.ReservationId, $"Card hold of {s.Money(fact.AmountCapturable)} ready");
                    break;
                case PaymentIntentState.Succeeded:
                    await CapturedAsync(s, payment, fact.AmountReceived, cancellationToken);
                    break;
                case PaymentIntentState.Canceled:
                    payment.Released(s.Now);
                    s.Announce(ChangeTopic.Folio, payment.ReservationId, "Card hold released");
                    break;
                case PaymentIntentState.PaymentFailed:
                    payment.Failed(fact.FailureMessage ?? "The card was declined.", s.Now);
                    s.Announce(ChangeTopic.Folio, payment.ReservationId, $"Card payment failed: {payment.FailureReason}");
                    break;
                default:
                    break;
            }
        }, cancellationToken);

    public Task ApplyAsync(ChargeRefundedFact fact, CancellationToken cancellationToken) =>
        WriteAsync(async s =>
        {
            var payment = await FindAsync(s, fact.ProviderPaymentId, null, cancellationToken) ?? throw new PaymentNotYetKnownException(fact.ProviderPaymentId);
            await CapturedAsync(s, payment, fact.AmountCaptured, cancellationToken);
            foreach (var refund in fact.Refunds)
            {
                await RefundedAsync(s, payment, refund, cancellationToken);
            }

            payment.Refunded(fact.AmountRefunded, s.Now);
        }, cancellationToken);

    public Task ApplyAsync(RefundFact fact, CancellationToken cancellationToken) =>
        WriteAsync(async s =>
        {
            var payment = await FindAsync(s, fact.ProviderPaymentId, null, cancellationToken) ?? throw new PaymentNotYetKnownException(fact.ProviderPaymentId);
            await RefundedAsync(s, payment, fact, cancellationToken);
        }, cancellationToken);

    public Task ApplyAsync(DisputeFact fact, CancellationToken cancellationToken) =>
        WriteAsync(async s =>
        {
            var payment = await FindAsync(s, fact.ProviderPaymentId, null, cancellationToken) ?? throw new PaymentNotYetKnownException(fact.ProviderPaymentId);
            if (payment.Disputed(fact.Status, s.Now))
            {
                var reservation = await ReservationService.FindAsync(s, payment.ReservationId, cancellationToken);
                s.Audit(nameof(Payment), payment.ReservationId, "Disputed", new { fact.DisputeId, fact.Status, fact.Reason, fact.AmountMinor });
                s.Announce(ChangeTopic.Folio, payment.ReservationId, $"Dispute ({fact.Status}) on the card payment of {reservation.ConfirmationCode}: {s.Money(fact.AmountMinor)}, reason {fact.Reason}");
            }
        }, cancellationToken);

    public Task ApplyAsync(CheckoutSessionFact fact, CancellationToken cancellationToken) =>
        WriteAsync(async s =>
        {
            var payment = await s.Db.Payments.SingleOrDefaultAsync(p => p.CheckoutSessionId == fact.SessionId, cancellationToken)
                ?? (fact.PaymentId is { } id ? await s.Db.Payments.SingleOrDefaultAsync(p => p.Id == id, cancellationToken) : null);
            if (payment is null)
            {
                return;
            }

            if (fact.ProviderPaymentId is { } providerId)
            {
                payment.RecordProviderId(providerId, s.Now);
            }

            if (fact.Paid)
            {
                await CapturedAsync(s, payment, fact.AmountTotal, cancellationToken);
            }
            else if (fact.Expired && payment.Status == PaymentStatus.Pending)
            {
                payment.Failed("The payment link expired unpaid.", s.Now);
                s.Announce(ChangeTopic.Folio, payment.ReservationId, "Payment link expired");
            }
        }, cancellationToken);

    private static async Task CapturedAsync(HotelSession s, Payment payment, long amountReceived, CancellationToken cancellationToken)
    {
        if (amountReceived <= 0)
        {
            return;
        }

        payment.Captured(amountReceived, s.Now);

        // One folio payment per intent: the key is the provider's id, whichever event told us first.
        var key = payment.ProviderPaymentId ?? payment.CheckoutSessionId ?? payment.Id.ToString();
        if (await ExistsAsync(s, key, cancellationToken))
        {
            return;
        }

        var label = payment.Kind switch
        {
            PaymentKind.Deposit => "Card payment – deposit",
            PaymentKind.PreAuthorisation => "Card payment – pre-authorisation",
            _ => "Card payment – payment link",
        };
        await PostAsync(s, payment, FolioEntryKind.Payment, label, payment.CapturedMinor, key, cancellationToken);
    }

    private static async Task RefundedAsync(HotelSession s, Payment payment, RefundFact refund, CancellationToken cancellationToken)
    {
        if (refund.State == RefundState.Failed)
        {
            // A refund line already shown goes back on the balance once, keyed by the failure itself.
            var failedKey = refund.RefundId + ":failed";
            var shown = await s.Db.FolioEntries.AnyAsync(e => e.ExternalId == refund.RefundId || (refund.FolioEntryId != null && e.Id == refund.FolioEntryId), cancellationToken);
            if (shown && !await ExistsAsync(s, failedKey, cancellationToken))
            {
                await PostAsync(s, payment, FolioEntryKind.Charge, "Card refund failed", refund.AmountMinor, failedKey, cancellationToken);
            }

            return;
        }

        if (!await ExistsAsync(s, refund.RefundId, cancellationToken))
        {
            // A refund we asked for already has its folio line (posted by the desk): link it instead of posting another.
            var ours = refund.FolioEntryId is { } entryId
                ? await s.Db.FolioEntries.SingleOrDefaultAsync(e => e.Id == entryId && e.Kind == FolioEntryKind.Refund && e.ExternalId == null, cancellationToken)
                : null;
            if (ours is not null)
            {
                ours.LinkToProvider(refund.RefundId, payment.Id);
                await TouchReservationAsync(s, payment.ReservationId, cancellationToken);
            }
            else
            {
                await PostAsync(s, payment, FolioEntryKind.Refund, "Card refund", refund.AmountMinor, refund.RefundId, cancellationToken);
            }
        }

        // Only refunds the provider confirmed count; tracked lines carry the links made in this pass.
        var saved = await s.Db.FolioEntries.Where(e => e.PaymentId == payment.Id && e.Kind == FolioEntryKind.Refund).ToListAsync(cancellationToken);
        var added = s.Db.ChangeTracker.Entries<FolioEntry>().Where(e => e.State == EntityState.Added).Select(e => e.Entity);
        var confirmed = saved.Concat(added).Where(e => e.PaymentId == payment.Id && e.Kind == FolioEntryKind.Refund && e.ExternalId != null).Distinct();
        payment.Refunded(confirmed.Sum(e => e.AmountMinor), s.Now);
    }

    private static async Task PostAsync(HotelSession s, Payment payment, FolioEntryKind kind, string description, long amountMinor, string externalId, CancellationToken cancellationToken)
    {
        var entry = new FolioEntry(s.HotelId, payment.ReservationId, kind, s.Today, description, amountMinor, payment.Currency, PostedBy, s.Now);
        entry.LinkToProvider(externalId, payment.Id);
        s.Db.FolioEntries.Add(entry);
        await TouchReservationAsync(s, payment.ReservationId, cancellationToken);
        s.Audit("Folio", payment.ReservationId, kind.ToString(), new { entry.Description, entry.AmountMinor, entry.Currency, ExternalId = externalId });
        s.Announce(ChangeTopic.Folio, payment.ReservationId, $"{description}: {s.Money(amountMinor)}");
    }

    /// <summary>Serialises concurrent postings to one folio, as the desk's own postings do.</summary>
    private static async Task TouchReservationAsync(HotelSession s, Guid reservationId, CancellationToken cancellationToken)
    {
        var reservation = await ReservationService.FindAsync(s, reservationId, cancellationToken);
        s.Db.Entry(reservation).Property(r => r.Version).CurrentValue++;
    }

    private static Task<bool> ExistsAsync(HotelSession s, string externalId, CancellationToken cancellationToken) =>
        s.Db.FolioEntries.AnyAsync(e => e.ExternalId == externalId, cancellationToken);

    private static async Task<Payment?> FindAsync(HotelSession s, string providerPaymentId, Guid? paymentId, CancellationToken cancellationToken)
    {
        var payment = await s.Db.Payments.SingleOrDefaultAsync(p => p.ProviderPaymentId == providerPaymentId, cancellationToken);
        if (payment is null && paymentId is { } id)
        {
            // The event outran our own record of the id: the metadata still names the payment.
            payment = await s.Db.Payments.SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
            payment?.RecordProviderId(providerPaymentId, s.Now);
        }

        return payment;
    }

    /// <summary>
    /// Two deliveries of one fact racing each other: the loser either loses the reservation's version
    /// (retried by the session, then sees the line) or hits the unique key; one more pass settles it.
    /// </summary>
    private async Task WriteAsync(Func<HotelSession, Task> work, CancellationToken cancellationToken)
    {
        try
        {
            await sessions.WriteAsync(work, cancellationToken);
        }
        catch (DbUpdateException ex) when (ex is not DbUpdateConcurrencyException)
        {
            await sessions.WriteAsync(work, cancellationToken);
        }
    }
}
