namespace Stayfull.Domain.Channels;

public sealed record ChannelCatalog(IReadOnlyList<ChannelRoomType> RoomTypes, IReadOnlyList<ChannelRatePlan> RatePlans, bool IsDemo);

public sealed record ChannelRoomType(string Id, string Title, int? CountOfRooms);

/// <summary>A channel manager rate plan always belongs to one of its room types.</summary>
public sealed record ChannelRatePlan(string Id, string Title, string RoomTypeId, string? Currency);

/// <summary>Rooms left to sell for a channel room type over an inclusive date range (one day when From == To).</summary>
public sealed record AvailabilityValue(string RoomTypeId, DateOnly From, DateOnly To, int Availability);

/// <summary>
/// Rate and restrictions of a channel rate plan over an inclusive date range (one day when From == To).
/// A null field is not sent, so the channel keeps its current value.
/// </summary>
public sealed record RestrictionValue(
    string RatePlanId,
    DateOnly From,
    DateOnly To,
    long? RateMinor,
    int? MinStay = null,
    bool? ClosedToArrival = null,
    bool? ClosedToDeparture = null,
    bool? StopSell = null);

/// <param name="TaskIds">The channel manager's task ids for the call (kept for support and certification).</param>
/// <param name="Warnings">Items the channel manager dropped while applying the rest (it still answers 200).</param>
public sealed record AriPushResult(IReadOnlyList<string> TaskIds, IReadOnlyList<AriWarning> Warnings, bool IsDemo);

/// <param name="Item">Which value was refused, as the channel manager echoed it (room type or rate plan and dates).</param>
/// <param name="Message">Why, field by field, for staff.</param>
public sealed record AriWarning(string Item, string Message);

public enum RevisionStatus
{
    New = 0,
    Modified = 1,
    Cancelled = 2,
}

/// <summary>
/// One revision of an OTA booking as the channel manager reports it. Amounts are decimals in
/// <see cref="Currency"/>. Card data is deliberately absent: it is never read into the domain.
/// </summary>
public sealed record BookingRevision
{
    public required string Id { get; init; }

    public required string BookingId { get; init; }

    public required string PropertyId { get; init; }

    /// <summary>OTA prefix and reservation code, e.g. <c>BDC-9996013801</c>; stable across revisions.</summary>
    public required string UniqueId { get; init; }

    public string? OtaReservationCode { get; init; }

    public required string OtaName { get; init; }

    public required RevisionStatus Status { get; init; }

    public required DateOnly ArrivalDate { get; init; }

    public required DateOnly DepartureDate { get; init; }

    public string? ArrivalHour { get; init; }

    public decimal? Amount { get; init; }

    public required string Currency { get; init; }

    public decimal? OtaCommission { get; init; }

    /// <summary><c>property</c> (the hotel charges the guest) or <c>ota</c> (the OTA collected), when known.</summary>
    public string? PaymentCollect { get; init; }

    public string? PaymentType { get; init; }

    public string? Notes { get; init; }

    public required DateTimeOffset InsertedAt { get; init; }

    public required RevisionCustomer Customer { get; init; }

    public required IReadOnlyList<RevisionRoom> Rooms { get; init; }
}

public sealed record RevisionCustomer(string? Name, string? Surname, string? Email, string? Phone, string? Country, string? Language)
{
    public string FullName => string.Join(' ', new[] { Name, Surname }.Where(p => !string.IsNullOrWhiteSpace(p))).Trim();
}

/// <param name="RoomTypeId">The channel room type; null or unknown to our mapping means the booking needs a person.</param>
/// <param name="RatePlanId">Null when the OTA sold a rate the property has not mapped.</param>
/// <param name="NightlyAmounts">The price of each night as the OTA sold it.</param>
public sealed record RevisionRoom(
    DateOnly CheckIn,
    DateOnly CheckOut,
    string? RoomTypeId,
    string? RatePlanId,
    int Adults,
    int Children,
    decimal? Amount,
    IReadOnlyDictionary<DateOnly, decimal> NightlyAmounts);

public enum ChannelMessageSender
{
    Guest = 0,
    Property = 1,
}

public sealed record ChannelMessage(string Id, string? BookingId, string? ThreadId, string Text, ChannelMessageSender Sender, DateTimeOffset InsertedAt);
