namespace Stayfull.Domain.Reservations;

/// <summary>What a booking needs, from the desk, the guest page or a channel.</summary>
public sealed record BookingRequest
{
    public required Guid RoomTypeId { get; init; }

    /// <summary>Null sells the hotel's default plan.</summary>
    public Guid? RatePlanId { get; init; }

    public required DateOnly Arrival { get; init; }

    public required DateOnly Departure { get; init; }

    public int Adults { get; init; } = 1;

    public required string GuestName { get; init; }

    public string? GuestEmail { get; init; }

    public string? GuestPhone { get; init; }

    public ReservationSource Source { get; init; } = ReservationSource.FrontDesk;

    /// <summary>Assign this room at once (the desk often does for walk-ins).</summary>
    public Guid? RoomId { get; init; }

    /// <summary>Staff only: why the booking may break a restriction. Recorded on the reservation and in the audit log.</summary>
    public string? OverrideReason { get; init; }
}
