namespace Stayfull.Domain.Payments;

/// <summary>What a rate plan asks the guest's card to secure at booking. Stored as a number: existing plans read as <see cref="None"/>.</summary>
public enum PaymentPolicyKind
{
    None = 0,

    /// <summary>A share of the stay, held at booking and captured at check-in.</summary>
    Deposit = 1,

    /// <summary>The whole stay, held at booking and captured at check-in.</summary>
    PreAuthorise = 2,
}
