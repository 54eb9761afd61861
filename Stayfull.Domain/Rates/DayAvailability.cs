namespace Stayfull.Domain.Rates;

/// <summary>One room type on one night, as the desk and the channels see it.</summary>
public sealed record DayAvailability(
    DateOnly Date,
    int Rooms,
    int OutOfOrder,
    int Booked,
    long RateMinor,
    int MinStay,
    bool ClosedToArrival,
    bool ClosedToDeparture,
    bool StopSell)
{
    /// <summary>Rooms minus out-of-order minus booked; never below zero (an overbooking shows as 0, not -1).</summary>
    public int Available => Math.Max(0, Rooms - OutOfOrder - Booked);

    /// <summary>True when more is sold than the hotel can house.</summary>
    public bool IsOverbooked => Booked > Rooms - OutOfOrder;
}

public sealed record RoomTypeAvailability(Guid RoomTypeId, string Code, string Name, IReadOnlyList<DayAvailability> Days);
