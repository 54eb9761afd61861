namespace Stayfull.Domain.Payments;

/// <summary>What the provider says about a PaymentIntent at one moment (an event's snapshot).</summary>
/// <param name="PaymentId">Our id, from the intent's metadata, when the intent carries it.</param>
public sealed record PaymentIntentFact(string ProviderPaymentId, Guid? PaymentId, PaymentIntentState State, long AmountCapturable, long AmountReceived, string? FailureMessage);

public enum PaymentIntentState
{
    /// <summary>Created, processing, or waiting for the guest: nothing to record beyond the id.</summary>
    Open = 0,
    RequiresCapture = 1,
    Succeeded = 2,
    Canceled = 3,
    PaymentFailed = 4,
}

/// <summary>A charge's totals after a refund (charge.refunded): cumulative, so it may arrive in any order.</summary>
public sealed record ChargeRefundedFact(string ProviderPaymentId, long AmountCaptured, long AmountRefunded, IReadOnlyList<RefundFact> Refunds);

/// <param name="FolioEntryId">Our refund line, from the refund's metadata, when we asked for the refund.</param>
public sealed record RefundFact(string RefundId, string ProviderPaymentId, long AmountMinor, RefundState State, Guid? FolioEntryId);

public enum RefundState
{
    Pending = 0,
    Succeeded = 1,
    Failed = 2,
}

public sealed record DisputeFact(string DisputeId, string ProviderPaymentId, string Status, long AmountMinor, string Reason);

/// <param name="Paid">The session completed with the money taken (payment_status paid).</param>
/// <param name="Expired">The guest never paid and the link expired.</param>
public sealed record CheckoutSessionFact(string SessionId, Guid? PaymentId, string? ProviderPaymentId, bool Paid, bool Expired, long AmountTotal);

/// <summary>A fact about a payment we do not know yet, most likely because our own record of it is still being saved: try again later.</summary>
public sealed class PaymentNotYetKnownException(string providerPaymentId)
    : Exception($"No payment {providerPaymentId} is known to this hotel yet.");
