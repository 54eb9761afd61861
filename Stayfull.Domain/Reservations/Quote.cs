using Stayfull.Domain.Common;

namespace Stayfull.Domain.Reservations;

/// <summary>The price of a stay and whether it can be sold as asked.</summary>
public sealed record Quote(
    IReadOnlyList<QuoteNight> Nights,
    Money Total,
    int AvailableRooms,
    IReadOnlyList<string> RestrictionViolations)
{
    public bool IsAvailable => AvailableRooms > 0;
}

public sealed record QuoteNight(DateOnly Date, Money Price, int Available);
