using Stayfull.Domain.Tenancy;

namespace Stayfull.Domain.Payments;

/// <summary>
/// A card payment for a reservation at the payment provider (a Stripe PaymentIntent, possibly
/// started by a Checkout Session). Every provider fact only ever raises what is known (amounts are
/// maxima, a release or dispute stays true), and <see cref="Status"/> is derived from those facts,
/// so events that arrive twice or out of order leave the same payment behind.
/// </summary>
public sealed class Payment : ITenantOwned
{
    private Payment()
    {
    }

    public Payment(Guid hotelId, Guid reservationId, PaymentKind kind, long amountMinor, string currency, DateTimeOffset now)
    {
        if (amountMinor <= 0)
        {
            throw Common.ValidationException.For("amount", "A card payment must be above zero.");
        }

        Id = Guid.CreateVersion7();
        HotelId = hotelId;
        ReservationId = reservationId;
        Kind = kind;
        AmountMinor = amountMinor;
        Currency = currency;
        CreatedAt = now;
        UpdatedAt = now;
        Status = PaymentStatus.Pending;
    }

    public Guid Id { get; private set; }

    public Guid HotelId { get; private set; }

    public Guid ReservationId { get; private set; }

    public PaymentKind Kind { get; private set; }

    /// <summary>What was asked for: the hold at booking, or the balance in a payment link.</summary>
    public long AmountMinor { get; private set; }

    public string Currency { get; private set; } = "";

    public PaymentStatus Status { get; private set; }

    /// <summary>The provider's id (pi_…); null until the intent is created.</summary>
    public string? ProviderPaymentId { get; private set; }

    /// <summary>The Checkout Session (cs_…) of a payment link.</summary>
    public string? CheckoutSessionId { get; private set; }

    public string? CheckoutUrl { get; private set; }

    public long AuthorisedMinor { get; private set; }

    public long CapturedMinor { get; private set; }

    public long RefundedMinor { get; private set; }

    public bool IsReleased { get; private set; }

    public string? FailureReason { get; private set; }

    public string? DisputeStatus { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public int Version { get; private set; }

    /// <summary>Held on the card and not yet taken or released: what a capture may still take.</summary>
    public bool IsCapturable => Status == PaymentStatus.Authorised && AuthorisedMinor > 0;

    /// <summary>Still open at the provider: a release makes sense.</summary>
    public bool IsReleasable => Status is PaymentStatus.Pending or PaymentStatus.Authorised;

    internal void RecordProviderId(string providerPaymentId, DateTimeOffset now)
    {
        if (ProviderPaymentId == providerPaymentId)
        {
            return;
        }

        ProviderPaymentId = providerPaymentId;
        Touch(now);
    }

    internal void RecordCheckout(string sessionId, string url, DateTimeOffset now)
    {
        CheckoutSessionId = sessionId;
        CheckoutUrl = url;
        Touch(now);
    }

    internal void Authorised(long amountCapturable, DateTimeOffset now)
    {
        AuthorisedMinor = Math.Max(AuthorisedMinor, amountCapturable);
        Touch(now);
    }

    internal void Captured(long amountReceived, DateTimeOffset now)
    {
        CapturedMinor = Math.Max(CapturedMinor, amountReceived);
        AuthorisedMinor = Math.Max(AuthorisedMinor, amountReceived);
        Touch(now);
    }

    internal void Released(DateTimeOffset now)
    {
        IsReleased = true;
        Touch(now);
    }

    internal void Failed(string reason, DateTimeOffset now)
    {
        FailureReason = reason.Length > 500 ? reason[..500] : reason;
        Touch(now);
    }

    /// <summary>The provider's cumulative refunded amount, or our own sum of its refunds, whichever is known to be higher.</summary>
    internal void Refunded(long cumulativeRefunded, DateTimeOffset now)
    {
        RefundedMinor = Math.Max(RefundedMinor, cumulativeRefunded);
        Touch(now);
    }

    /// <returns>Whether this is news (a new dispute or a new dispute status), worth an alert.</returns>
    internal bool Disputed(string status, DateTimeOffset now)
    {
        if (DisputeStatus == status)
        {
            return false;
        }

        DisputeStatus = status;
        Touch(now);
        return true;
    }

    private void Touch(DateTimeOffset now)
    {
        Status = Derive();
        UpdatedAt = now;
        Version++;
    }

    private PaymentStatus Derive()
    {
        if (DisputeStatus is not null)
        {
            return PaymentStatus.Disputed;
        }

        if (CapturedMinor > 0)
        {
            return RefundedMinor >= CapturedMinor ? PaymentStatus.Refunded : PaymentStatus.Captured;
        }

        if (IsReleased)
        {
            return PaymentStatus.Released;
        }

        if (AuthorisedMinor > 0)
        {
            return PaymentStatus.Authorised;
        }

        return FailureReason is null ? PaymentStatus.Pending : PaymentStatus.Failed;
    }
}
