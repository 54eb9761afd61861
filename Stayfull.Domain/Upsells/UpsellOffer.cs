using Stayfull.Domain.Common;

namespace Stayfull.Domain.Upsells;

/// <summary>
/// One upsell as a stay sees it: the hour and price, and either that it can be bought, that it was
/// bought, or why not (<see cref="Blocked"/>, said to the guest).
/// </summary>
public sealed record UpsellOffer(UpsellKind Kind, TimeOnly Time, Money Price, bool Accepted, string? Blocked)
{
    public bool CanAccept => !Accepted && Blocked is null;
}
