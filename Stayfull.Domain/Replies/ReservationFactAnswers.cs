using System.Globalization;
using System.Text.RegularExpressions;

namespace Stayfull.Domain.Replies;

/// <summary>A question about the guest's own booking that its facts can answer.</summary>
public enum FactQuestion
{
    None = 0,
    CheckInTime = 1,
    CheckOutTime = 2,
    RoomNumber = 3,
    StayDates = 4,
    Balance = 5,
    DoorCode = 6,
}

/// <summary>
/// Answers questions about the guest's own stay from its facts: when to arrive and leave, which room, the
/// dates, what is still to pay, and whether the door code is ready. A door code is never written into a
/// reply: the guest is told where it was sent and that it shows on the online check-in page.
/// </summary>
public static partial class ReservationFactAnswers
{
    public const double Confidence = 0.95;

    public static FactQuestion Recognise(string message)
    {
        var text = " " + QuestionText.Normalize(message).Replace("check in", "checkin", StringComparison.Ordinal).Replace("check out", "checkout", StringComparison.Ordinal)
            .Replace("check-in", "checkin", StringComparison.Ordinal).Replace("check-out", "checkout", StringComparison.Ordinal) + " ";
        return text switch
        {
            _ when DoorCode().IsMatch(text) => FactQuestion.DoorCode,
            _ when Balance().IsMatch(text) => FactQuestion.Balance,
            _ when RoomNumber().IsMatch(text) => FactQuestion.RoomNumber,
            _ when CheckInTime().IsMatch(text) && !Early().IsMatch(text) => FactQuestion.CheckInTime,
            _ when CheckOutTime().IsMatch(text) && !Late().IsMatch(text) => FactQuestion.CheckOutTime,
            _ when StayDates().IsMatch(text) => FactQuestion.StayDates,
            _ => FactQuestion.None,
        };
    }

    /// <summary>The answer from the stay's facts; null when there is no booking to answer from.</summary>
    public static ReplySuggestion? Answer(FactQuestion question, ReplyRequest request, ReplyTopic topic, string? needsPerson)
    {
        if (question == FactQuestion.None || request.Reservation is not { } r)
        {
            return null;
        }

        var hotel = request.Hotel;
        var greeting = Greeting(request.GuestName);
        var text = question switch
        {
            FactQuestion.CheckInTime => $"{greeting}Check-in on {Day(r.Arrival)} is from {Time(hotel.CheckInTime)}. We look forward to welcoming you!",
            FactQuestion.CheckOutTime => $"{greeting}Check-out on {Day(r.Departure)} is by {Time(hotel.CheckOutTime)}.",
            FactQuestion.RoomNumber => r.RoomNumber is { } number
                ? $"{greeting}You are in room {number} ({r.RoomTypeName})."
                : $"{greeting}You are booked in a {r.RoomTypeName}; the room number is given at check-in, once your room is ready.",
            FactQuestion.StayDates => $"{greeting}Your booking {r.ConfirmationCode} is from {Day(r.Arrival)} to {Day(r.Departure)} ({r.Nights} night{(r.Nights == 1 ? "" : "s")}), in a {r.RoomTypeName}.",
            FactQuestion.Balance => r.BalanceDueMinor > 0
                ? $"{greeting}The balance still to pay on booking {r.ConfirmationCode} is {r.BalanceDue}."
                : $"{greeting}There is nothing left to pay on booking {r.ConfirmationCode}.",
            FactQuestion.DoorCode => $"{greeting}{DoorCodeText(r)}",
            _ => null,
        };

        if (text is null)
        {
            return null;
        }

        // A door code that failed to set means someone must look at the lock before the guest arrives.
        if (question == FactQuestion.DoorCode && r.DoorCode == DoorCodeStatus.Failed)
        {
            needsPerson ??= "The door code could not be set on the lock: a person should check it.";
        }

        return new ReplySuggestion(text, Confidence, ReplyKind.ReservationFact, null, null, topic, needsPerson);
    }

    private static string DoorCodeText(ReservationFacts r) => r.DoorCode switch
    {
        DoorCodeStatus.Ready => (r.DoorCodeSent ? "Your door code is ready and was sent to you in a separate message. " : "Your door code is ready. ")
            + "For your security we never write it in a chat reply: you can always see it on your online check-in page.",
        DoorCodeStatus.Pending => "Your door code is being set on the lock right now; it will be sent to you as soon as it is ready and will show on your online check-in page.",
        DoorCodeStatus.Failed => "We are setting up your door code and a colleague will get back to you shortly with how to get into your room.",
        DoorCodeStatus.Revoked => "Your stay has ended, so the door code no longer opens the room. Please come to reception if you need anything.",
        _ => "Your door code is sent to you on the day of arrival, once your room is ready; it will also show on your online check-in page.",
    };

    private static string Greeting(string? guestName) =>
        string.IsNullOrWhiteSpace(guestName) ? "" : $"Hello {guestName.Trim().Split(' ')[0]}! ";

    private static string Day(DateOnly date) => date.ToString("dddd d MMMM", CultureInfo.InvariantCulture);

    private static string Time(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);

    [GeneratedRegex(@" (door|room|access|entry|lock|keypad|key|pin|entrance|smart lock)( ?code| ?pin| number for the door)|keycode|passcode|digital key|mobile key|how (do|can) (i|we) (get|go) (into|in to|inside) (my|our|the) room|how (do|can) (i|we) open (the|my|our) (door|room)|unlock (the|my|our) (door|room)| code (for|to) (the|my|our) (door|room|lock)", RegexOptions.CultureInvariant)]
    private static partial Regex DoorCode();

    [GeneratedRegex(@" (how much (do|will|should|shall) (i|we) (still )?(owe|pay)|what (do|will) (i|we) owe|balance|outstanding|left to pay|still (have to |need to )?pay|amount (due|owed|outstanding)|how much is (left|due|outstanding|remaining)|what is (left|due) to pay|owe you) ", RegexOptions.CultureInvariant)]
    private static partial Regex Balance();

    [GeneratedRegex(@" (which|what) room (am|are|will|number|is)|room number|my room (number|no)|(which|what) is (my|our) room|number of (my|our) room|where is (my|our) room|(what|which) room (do|did) (i|we) (get|have)", RegexOptions.CultureInvariant)]
    private static partial Regex RoomNumber();

    [GeneratedRegex(@" (what|which) time (can|could|do|may|should|is|shall) (i|we)? ?checkin|(when|what time) (can|could|may|do) (i|we) checkin|checkin (time|hour|from)|(when|what time) is checkin|time (for|of|to) checkin|(when|what time) (can|could|may) (i|we) (get|have) (the|my|our) room|(when|what time) (can|could|may) (i|we) arrive", RegexOptions.CultureInvariant)]
    private static partial Regex CheckInTime();

    [GeneratedRegex(@" (what|which) time (can|could|do|must|should|is|shall) (i|we)? ?checkout|(when|what time) (do|must|should|can|have to) (i|we) (checkout|leave|vacate)|checkout (time|hour|by)|(when|what time) is checkout|time (for|of|to) checkout|by when (do|must|should) (i|we) (leave|checkout)", RegexOptions.CultureInvariant)]
    private static partial Regex CheckOutTime();

    [GeneratedRegex(@" (early|earlier|before) ", RegexOptions.CultureInvariant)]
    private static partial Regex Early();

    [GeneratedRegex(@" (late|later|after|extend) ", RegexOptions.CultureInvariant)]
    private static partial Regex Late();

    [GeneratedRegex(@" (when is (my|our) (booking|reservation|stay)|what (are|were) (my|our|the) (booking |reservation )?dates|(my|our) (booking|reservation|stay) dates|dates of (my|our) (booking|reservation|stay)|how many nights (did|have|am|are) (i|we)|(when|what day) (do|did|am|are) (i|we) (arrive|arriving|leave|leaving|booked)|(my|our) (arrival|departure) (date|day)|until when (am|are|is) (i|we|my|our)|confirm (my|our) (booking|reservation|dates)|what day (is|do) (my|our) (booking|reservation|stay|checkin|checkout))", RegexOptions.CultureInvariant)]
    private static partial Regex StayDates();
}
