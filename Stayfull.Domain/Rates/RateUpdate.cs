namespace Stayfull.Domain.Rates;

/// <summary>
/// A bulk edit of the rates calendar: for the room types and dates (optionally only some weekdays),
/// set what is given and leave the rest as it is.
/// </summary>
public sealed record RateUpdate
{
    public required IReadOnlyList<Guid> RoomTypeIds { get; init; }

    public required DateOnly From { get; init; }

    /// <summary>Last date included.</summary>
    public required DateOnly To { get; init; }

    /// <summary>Empty means every day of the week.</summary>
    public IReadOnlyList<DayOfWeek> Weekdays { get; init; } = [];

    public long? RateMinor { get; init; }

    public int? MinStay { get; init; }

    public bool? ClosedToArrival { get; init; }

    public bool? ClosedToDeparture { get; init; }

    public bool? StopSell { get; init; }
}
