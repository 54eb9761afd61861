namespace Stayfull.Domain.Payments;

/// <summary>
/// Port: the card payment provider (Stripe, or its demo). Every call carries our own idempotency key,
/// derived from our ids, so a retried call never charges, captures or refunds twice. Failures are
/// thrown as <see cref="PaymentGatewayException"/>, which says whether trying again can help.
/// </summary>
public interface IPaymentGateway
{
    /// <summary>Creates a PaymentIntent with manual capture: the card is held, not charged.</summary>
    Task<GatewayPayment> CreateAuthorisationAsync(Guid hotelId, AuthorisationRequest request, string idempotencyKey, CancellationToken cancellationToken);

    /// <summary>Takes up to what is held; the rest of the hold is released by the provider.</summary>
    Task<GatewayPayment> CaptureAsync(Guid hotelId, string providerPaymentId, long? amountMinor, string idempotencyKey, CancellationToken cancellationToken);

    /// <summary>Releases a hold (or abandons an intent the guest never completed).</summary>
    Task<GatewayPayment> CancelAsync(Guid hotelId, string providerPaymentId, string idempotencyKey, CancellationToken cancellationToken);

    /// <summary>Refunds all (<paramref name="request"/> without amount) or part of a captured payment.</summary>
    Task<GatewayRefund> RefundAsync(Guid hotelId, RefundRequest request, string idempotencyKey, CancellationToken cancellationToken);

    /// <summary>A hosted payment page (Checkout Session) for the guest to pay a balance: card data never touches us.</summary>
    Task<GatewayCheckout> CreateCheckoutAsync(Guid hotelId, CheckoutRequest request, string idempotencyKey, CancellationToken cancellationToken);
}

public sealed record AuthorisationRequest(Guid PaymentId, Guid ReservationId, string ConfirmationCode, long AmountMinor, string Currency, string Description, string? GuestEmail);

public sealed record RefundRequest(Guid PaymentId, Guid ReservationId, Guid FolioEntryId, string ProviderPaymentId, long? AmountMinor);

public sealed record CheckoutRequest(Guid PaymentId, Guid ReservationId, string ConfirmationCode, long AmountMinor, string Currency, string Description, string? GuestEmail, Uri ReturnUrl);

/// <param name="Status">The provider's own status word (requires_capture, succeeded…), for the log and the desk.</param>
public sealed record GatewayPayment(string ProviderPaymentId, string Status);

public sealed record GatewayRefund(string RefundId, string Status);

public sealed record GatewayCheckout(string SessionId, Uri Url);

/// <summary>The provider refused or could not be reached.</summary>
public sealed class PaymentGatewayException : Exception
{
    public PaymentGatewayException()
    {
    }

    public PaymentGatewayException(string message)
        : base(message)
    {
    }

    public PaymentGatewayException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public PaymentGatewayException(string message, bool isTransient, TimeSpan? retryAfter, int? httpStatus, Exception? innerException = null)
        : base(message, innerException)
    {
        IsTransient = isTransient;
        RetryAfter = retryAfter;
        HttpStatus = httpStatus;
    }

    /// <summary>429, 5xx, timeouts, network: the same call (same key) may succeed later.</summary>
    public bool IsTransient { get; }

    /// <summary>The provider's Retry-After, when it sent one.</summary>
    public TimeSpan? RetryAfter { get; }

    public int? HttpStatus { get; }
}
