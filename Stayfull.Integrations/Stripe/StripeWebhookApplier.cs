using Stayfull.Domain.Integrations;
using Stayfull.Domain.Payments;
using Stripe;
using Stripe.Checkout;

namespace Stayfull.Integrations.Stripe;

/// <summary>
/// Turns a stored Stripe event into the payment facts the domain applies. The event's object is a
/// snapshot, so facts are read from it (status, cumulative amounts), never inferred from the order of
/// events; the ledger keys each folio line by Stripe's own id.
/// </summary>
public sealed class StripeWebhookApplier(PaymentLedger ledger) : IWebhookApplier
{
    public IntegrationVendor Vendor => IntegrationVendor.Stripe;

    public Task HandleAsync(InboxEvent inboxEvent, CancellationToken cancellationToken)
    {
        // Already verified on receipt; the version mismatch was recorded there (see the verifier).
        var stripeEvent = EventUtility.ParseEvent(inboxEvent.Payload, throwOnApiVersionMismatch: false);
        return stripeEvent.Data.Object switch
        {
            PaymentIntent intent => ledger.ApplyAsync(ToFact(intent, stripeEvent.Type), cancellationToken),
            Charge charge when stripeEvent.Type == EventTypes.ChargeRefunded && charge.PaymentIntentId is { } pi =>
                ledger.ApplyAsync(new ChargeRefundedFact(pi, charge.AmountCaptured, charge.AmountRefunded, [.. (charge.Refunds?.Data ?? []).Select(ToFact).OfType<RefundFact>()]), cancellationToken),
            global::Stripe.Refund refund when ToFact(refund) is { } fact => ledger.ApplyAsync(fact, cancellationToken),
            Dispute dispute when dispute.PaymentIntentId is { } pi =>
                ledger.ApplyAsync(new DisputeFact(dispute.Id, pi, dispute.Status, dispute.Amount, dispute.Reason ?? "unknown"), cancellationToken),
            Session session => ledger.ApplyAsync(ToFact(session, stripeEvent.Type), cancellationToken),

            // Other events (charge.succeeded, customer.*, …) carry nothing the folio needs.
            _ => Task.CompletedTask,
        };
    }

    private static PaymentIntentFact ToFact(PaymentIntent intent, string eventType)
    {
        var state = eventType == EventTypes.PaymentIntentPaymentFailed
            ? PaymentIntentState.PaymentFailed
            : intent.Status switch
            {
                "requires_capture" => PaymentIntentState.RequiresCapture,
                "succeeded" => PaymentIntentState.Succeeded,
                "canceled" => PaymentIntentState.Canceled,
                _ => PaymentIntentState.Open,
            };
        return new PaymentIntentFact(intent.Id, OurId(intent.Metadata, "payment_id"), state, intent.AmountCapturable, intent.AmountReceived, intent.LastPaymentError?.Message);
    }

    private static RefundFact? ToFact(global::Stripe.Refund refund)
    {
        if (refund.PaymentIntentId is not { } pi)
        {
            return null;
        }

        var state = refund.Status switch
        {
            "succeeded" => RefundState.Succeeded,
            "failed" or "canceled" => RefundState.Failed,
            _ => RefundState.Pending,
        };
        return new RefundFact(refund.Id, pi, refund.Amount, state, OurId(refund.Metadata, "folio_entry_id"));
    }

    private static CheckoutSessionFact ToFact(Session session, string eventType) => new(
        session.Id,
        OurId(session.Metadata, "payment_id"),
        session.PaymentIntentId,
        Paid: session.PaymentStatus == "paid",
        Expired: eventType == EventTypes.CheckoutSessionExpired || session.Status == "expired",
        session.AmountTotal ?? 0);

    private static Guid? OurId(Dictionary<string, string>? metadata, string key) =>
        metadata is not null && metadata.TryGetValue(key, out var text) && Guid.TryParse(text, out var id) ? id : null;
}
