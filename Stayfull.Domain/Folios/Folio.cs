using Stayfull.Domain.Common;

namespace Stayfull.Domain.Folios;

/// <summary>The arithmetic of a folio: totals and the balance the guest still owes.</summary>
public sealed record Folio(IReadOnlyList<FolioEntry> Entries, string Currency)
{
    public Money RoomCharges => Sum(FolioEntryKind.RoomNight);

    public Money ExtraCharges => Sum(FolioEntryKind.Charge);

    public Money Payments => Sum(FolioEntryKind.Payment);

    public Money Refunds => Sum(FolioEntryKind.Refund);

    /// <summary>Charges minus payments plus refunds. Positive: the guest owes; negative: we owe the guest.</summary>
    public Money Balance => new(Entries.Sum(e => e.SignedAmountMinor), Currency);

    /// <summary>What can still be refunded: payments not yet refunded.</summary>
    public Money Refundable => Payments - Refunds;

    private Money Sum(FolioEntryKind kind) => new(Entries.Where(e => e.Kind == kind).Sum(e => e.AmountMinor), Currency);
}
