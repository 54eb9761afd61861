using Stayfull.Domain.Common;

namespace Stayfull.Domain.CheckIn;

/// <summary>Which hotel and reservation a check-in link opens; read from a signed link, never from the guest's input.</summary>
public sealed record CheckInTicket(Guid HotelId, Guid ReservationId);

/// <summary>
/// Proof that the guest answered the identity check for one reservation. Only
/// <see cref="GuestCheckInService.VerifyAsync"/> makes one, so the steps cannot be reached without it.
/// </summary>
public sealed class GuestPass
{
    internal GuestPass(CheckInTicket ticket) => Ticket = ticket;

    public CheckInTicket Ticket { get; }
}

/// <summary>The answer to an identity check: a pass, or why not (and until when the link is locked).</summary>
public sealed record VerificationResult(GuestPass? Pass, string? Error, DateTimeOffset? LockedUntil)
{
    public bool Succeeded => Pass is not null;
}

/// <summary>What a check-in link shows before the identity check: the hotel's name, and whether the link is locked.</summary>
public sealed record CheckInOpening(string HotelName, string TimeZoneId, DateTimeOffset? LockedUntil);

public sealed record StaySummary(
    string HotelName,
    string GuestName,
    string ConfirmationCode,
    DateOnly Arrival,
    DateOnly Departure,
    int Nights,
    string RoomTypeName,
    int Adults,
    Money Balance,
    TimeOnly CheckInTime,
    TimeOnly CheckOutTime,
    string TimeZoneId);

public sealed record StepState(CheckInStep Step, bool Done, string? By, DateTimeOffset? At);

/// <summary>A reservation's online check-in, step by step, as the guest and the desk see it.</summary>
public sealed record PreCheckInStatus(CheckInTicket Ticket, IReadOnlyList<StepState> Steps)
{
    public Guid ReservationId => Ticket.ReservationId;

    public CheckInStep? Next => Steps.FirstOrDefault(s => !s.Done)?.Step;

    public bool IsComplete => Steps.All(s => s.Done);

    public bool IsStarted => Steps.Any(s => s.Done);

    internal static PreCheckInStatus Of(Guid hotelId, Guid reservationId, PreCheckIn? pre) => new(
        new CheckInTicket(hotelId, reservationId),
        [.. Enum.GetValues<CheckInStep>().Select(step => new StepState(step, pre?.IsDone(step) == true, pre?.DoneBy(step), pre is null ? null : AtOf(pre, step)))]);

    private static DateTimeOffset? AtOf(PreCheckIn pre, CheckInStep step) => step switch
    {
        CheckInStep.ConfirmStay => pre.StayConfirmedAt,
        CheckInStep.Details => pre.DetailsSavedAt,
        CheckInStep.Terms => pre.TermsAcceptedAt,
        _ => pre.PaymentCompletedAt,
    };
}

/// <summary>Everything the guest's wizard shows: the stay, the progress, what was filled in before, and the hotel's terms.</summary>
public sealed record GuestCheckInView(StaySummary Stay, PreCheckInStatus Status, GuestDetails Details, CheckInPolicy Policy, bool PaymentPending);

/// <summary>
/// The guest's door key: the room and code once the lock holds it; until then when it will arrive
/// (the start of the key's window, or the hotel's check-in time on the day of arrival).
/// </summary>
public sealed record GuestKeyStatus(bool Ready, string? RoomNumber, string? Code, DateTimeOffset ArrivesAt);
