using Stayfull.Domain.Common;

namespace Stayfull.Domain.Reservations;

/// <summary>A reservation as lists and the room grid show it.</summary>
public sealed record ReservationSummary(
    Guid Id,
    string ConfirmationCode,
    string GuestName,
    Guid RoomTypeId,
    string RoomTypeCode,
    Guid? RoomId,
    string? RoomNumber,
    DateOnly Arrival,
    DateOnly Departure,
    int Adults,
    ReservationStatus Status,
    ReservationSource Source,
    Money Balance);

/// <summary>Everything the reservation page shows.</summary>
public sealed record ReservationDetails(
    ReservationSummary Summary,
    Guid GuestId,
    string? GuestEmail,
    string? GuestPhone,
    string RoomTypeName,
    string RatePlanName,
    string? OverrideReason,
    string CreatedBy,
    string UpdatedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    Folios.Folio Folio,
    IReadOnlyList<Audit.AuditEntry> History,
    int Version);

/// <summary>Today at the desk: who arrives, who leaves, who is in house.</summary>
public sealed record FrontDeskDay(
    DateOnly Date,
    IReadOnlyList<ReservationSummary> Arrivals,
    IReadOnlyList<ReservationSummary> Departures,
    IReadOnlyList<ReservationSummary> InHouse);
