using Stayfull.Domain.Common;
using Stayfull.Domain.Rooms;
using Stayfull.Domain.Tenancy;

namespace Stayfull.Domain.Reservations;

/// <summary>
/// A booked stay. Its transitions guard themselves: confirmed → checked in → checked out,
/// or confirmed → cancelled / no-show. Nothing else moves it.
/// </summary>
public sealed class Reservation : ITenantOwned
{
    private Reservation()
    {
    }

    internal Reservation(
        Guid hotelId,
        string confirmationCode,
        Guid guestId,
        Guid roomTypeId,
        Guid ratePlanId,
        StayDates stay,
        int adults,
        ReservationSource source,
        string createdBy,
        DateTimeOffset now)
    {
        Id = Guid.CreateVersion7();
        HotelId = hotelId;
        ConfirmationCode = confirmationCode;
        GuestId = guestId;
        RoomTypeId = roomTypeId;
        RatePlanId = ratePlanId;
        Arrival = stay.Arrival;
        Departure = stay.Departure;
        Adults = adults;
        Source = source;
        Status = ReservationStatus.Confirmed;
        CreatedBy = createdBy;
        UpdatedBy = createdBy;
        CreatedAt = now;
        UpdatedAt = now;
    }

    public Guid Id { get; private set; }

    public Guid HotelId { get; private set; }

    /// <summary>Short code the guest quotes on the phone or at the desk.</summary>
    public string ConfirmationCode { get; private set; } = "";

    public Guid GuestId { get; private set; }

    public Guid RoomTypeId { get; private set; }

    public Guid RatePlanId { get; private set; }

    public Guid? RoomId { get; private set; }

    public DateOnly Arrival { get; private set; }

    public DateOnly Departure { get; private set; }

    public int Adults { get; private set; }

    public ReservationSource Source { get; private set; }

    public ReservationStatus Status { get; private set; }

    /// <summary>Why staff booked against a restriction, when they did.</summary>
    public string? OverrideReason { get; private set; }

    public string CreatedBy { get; private set; } = "";

    public string UpdatedBy { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public DateTimeOffset? CheckedInAt { get; private set; }

    public DateTimeOffset? CheckedOutAt { get; private set; }

    public int Version { get; private set; }

    public StayDates Stay => new(Arrival, Departure);

    public int Nights => Departure.DayNumber - Arrival.DayNumber;

    internal void RecordOverride(string reason) => OverrideReason = reason;

    public void AssignRoom(Room room, string by, DateTimeOffset now)
    {
        if (Status is not (ReservationStatus.Confirmed or ReservationStatus.CheckedIn))
        {
            throw new RuleViolationException($"A {Status} reservation cannot get a room.");
        }

        if (room.HotelId != HotelId)
        {
            throw new NotFoundException("Room");
        }

        if (room.Housekeeping == HousekeepingStatus.OutOfOrder)
        {
            throw new RuleViolationException($"Room {room.Number} is out of order.");
        }

        RoomId = room.Id;
        RoomTypeId = room.RoomTypeId;
        Changed(by, now);
    }

    public void CheckIn(Room? room, DateOnly today, string by, DateTimeOffset now)
    {
        if (Status != ReservationStatus.Confirmed)
        {
            throw new RuleViolationException($"Only a confirmed reservation can check in; this one is {Describe(Status)}.");
        }

        if (RoomId is null || room is null || room.Id != RoomId)
        {
            throw new RuleViolationException("Assign a room before checking in.");
        }

        if (!room.IsReadyForGuest)
        {
            throw new RuleViolationException($"Room {room.Number} is {Describe(room.Housekeeping)}; it must be clean or inspected.");
        }

        if (today < Arrival || today >= Departure)
        {
            throw new RuleViolationException($"Check-in is possible from {Arrival:d} until the night before departure.");
        }

        Status = ReservationStatus.CheckedIn;
        CheckedInAt = now;
        Changed(by, now);
    }

    public void CheckOut(long balanceMinor, bool managerOverride, string by, DateTimeOffset now)
    {
        if (Status != ReservationStatus.CheckedIn)
        {
            throw new RuleViolationException($"Only an in-house guest can check out; this reservation is {Describe(Status)}.");
        }

        if (balanceMinor != 0 && !managerOverride)
        {
            throw new RuleViolationException("The folio has an open balance; settle it or ask a manager to override.");
        }

        Status = ReservationStatus.CheckedOut;
        CheckedOutAt = now;
        Changed(by, now);
    }

    public void Cancel(string by, DateTimeOffset now)
    {
        if (Status != ReservationStatus.Confirmed)
        {
            throw new RuleViolationException($"Only a confirmed reservation can be cancelled; this one is {Describe(Status)}.");
        }

        Status = ReservationStatus.Cancelled;
        RoomId = null;
        Changed(by, now);
    }

    public void MarkNoShow(DateOnly today, string by, DateTimeOffset now)
    {
        if (Status != ReservationStatus.Confirmed)
        {
            throw new RuleViolationException($"Only a confirmed reservation can be a no-show; this one is {Describe(Status)}.");
        }

        if (today < Arrival)
        {
            throw new RuleViolationException("A guest can only be a no-show on or after the arrival date.");
        }

        Status = ReservationStatus.NoShow;
        RoomId = null;
        Changed(by, now);
    }

    /// <summary>Shortens the stay to end today, for a guest who leaves early.</summary>
    internal void EndEarly(DateOnly today)
    {
        if (today > Arrival && today < Departure)
        {
            Departure = today;
        }
    }

    /// <summary>New dates for a stay not over yet; the caller moves the night counters, the folio and the key.</summary>
    internal void ChangeStay(StayDates stay, string by, DateTimeOffset now)
    {
        if (Status is not (ReservationStatus.Confirmed or ReservationStatus.CheckedIn))
        {
            throw new RuleViolationException($"Only a confirmed or in-house reservation can change dates; this one is {Describe(Status)}.");
        }

        Arrival = stay.Arrival;
        Departure = stay.Departure;
        Changed(by, now);
    }

    private void Changed(string by, DateTimeOffset now)
    {
        UpdatedBy = by;
        UpdatedAt = now;
        Version++;
    }

    private static string Describe(ReservationStatus status) => status switch
    {
        ReservationStatus.CheckedIn => "checked in",
        ReservationStatus.CheckedOut => "checked out",
        ReservationStatus.NoShow => "a no-show",
        _ => status.ToString().ToLowerInvariant(),
    };

    private static string Describe(HousekeepingStatus status) => status switch
    {
        HousekeepingStatus.OutOfOrder => "out of order",
        _ => status.ToString().ToLowerInvariant(),
    };
}
