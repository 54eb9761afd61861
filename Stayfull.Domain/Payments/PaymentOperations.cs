namespace Stayfull.Domain.Payments;

/// <summary>The outbox operations of payments and the idempotency keys derived from our ids.</summary>
public static class PaymentOperations
{
    public const string CreatePaymentIntent = "CreatePaymentIntent";
    public const string Capture = "CapturePayment";
    public const string Release = "ReleasePayment";
    public const string Refund = "RefundPayment";

    public static string DepositKey(Guid reservationId) => $"res-{reservationId}-deposit";

    public static string CaptureKey(Guid reservationId) => $"res-{reservationId}-capture";

    public static string ReleaseKey(Guid reservationId) => $"res-{reservationId}-release";

    public static string CancellationFeeKey(Guid reservationId) => $"res-{reservationId}-cancellation-fee";

    public static string NoShowFeeKey(Guid reservationId) => $"res-{reservationId}-no-show-fee";

    public static string RefundKey(Guid folioEntryId) => $"refund-{folioEntryId}";

    public static string CheckoutKey(Guid paymentId) => $"checkout-{paymentId}";
}

/// <summary>Outbox payload: create the hold for a payment recorded at booking.</summary>
public sealed record CreatePaymentIntentIntent(Guid PaymentId, Guid ReservationId, string ConfirmationCode, long AmountMinor, string Currency, string Description, string? GuestEmail);

/// <summary>Outbox payload: capture (all when <paramref name="AmountMinor"/> is null) or release a payment.</summary>
public sealed record PaymentActionIntent(Guid PaymentId, long? AmountMinor);

/// <summary>Outbox payload: refund part of a payment, recorded first as the folio line <paramref name="FolioEntryId"/>.</summary>
public sealed record RefundIntent(Guid PaymentId, Guid ReservationId, Guid FolioEntryId, long AmountMinor);
