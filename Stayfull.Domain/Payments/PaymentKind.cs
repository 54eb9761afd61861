namespace Stayfull.Domain.Payments;

public enum PaymentKind
{
    /// <summary>A share of the stay held at booking (manual capture).</summary>
    Deposit = 0,

    /// <summary>The whole stay held at booking (manual capture).</summary>
    PreAuthorisation = 1,

    /// <summary>What is left on the folio, paid by the guest through a payment link.</summary>
    Balance = 2,
}

/// <summary>Where a card payment stands, derived from the provider's facts so their order does not matter.</summary>
public enum PaymentStatus
{
    Pending = 0,
    Authorised = 1,
    Captured = 2,
    Released = 3,
    Refunded = 4,
    Failed = 5,
    Disputed = 6,
}
