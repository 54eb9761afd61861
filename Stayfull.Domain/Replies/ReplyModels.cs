namespace Stayfull.Domain.Replies;

/// <summary>Where a suggested reply comes from.</summary>
public enum ReplyKind
{
    /// <summary>An answer from the hotel's knowledge base.</summary>
    Faq = 0,

    /// <summary>An answer from the guest's own booking (dates, room, balance, door code status).</summary>
    ReservationFact = 1,

    /// <summary>Written by the language model from the knowledge base and the booking.</summary>
    Model = 2,

    /// <summary>Nothing known answers it: the guest is told a colleague will reply.</summary>
    Declined = 3,
}

/// <summary>What the message is about, as far as who should answer it is concerned.</summary>
public enum ReplyTopic
{
    General = 0,
    Money = 1,
    Complaint = 2,
    Cancellation = 3,
}

/// <summary>The generator's answer for staff to use, edit or ignore.</summary>
/// <param name="Confidence">0..1: how sure the generator is that this answers the question.</param>
/// <param name="MatchedEntryTitle">The knowledge base entry the answer came from, for staff to see why.</param>
/// <param name="NeedsPerson">Why a person must answer (money, complaint, cancellation); never sent automatically when set.</param>
public sealed record ReplySuggestion(
    string Text,
    double Confidence,
    ReplyKind Kind,
    Guid? MatchedEntryId,
    string? MatchedEntryTitle,
    ReplyTopic Topic,
    string? NeedsPerson);

/// <summary>An entry of the knowledge base as the generator sees it (enabled entries only).</summary>
public sealed record KnowledgeFact(Guid Id, string Title, KnowledgeCategory Category, IReadOnlyList<string> Phrasings, string Answer)
{
    public static KnowledgeFact Of(KnowledgeBaseEntry entry) => new(entry.Id, entry.Title, entry.Category, entry.PhrasingList, entry.Answer);
}

/// <summary>The hotel's own facts every reply may use.</summary>
public sealed record HotelFacts(string Name, TimeOnly CheckInTime, TimeOnly CheckOutTime);

/// <summary>Whether the guest's door code exists; the code itself is never part of a suggestion.</summary>
public enum DoorCodeStatus
{
    /// <summary>No smart lock or no code for this stay yet.</summary>
    NotIssued = 0,

    /// <summary>Being set on the lock.</summary>
    Pending = 1,

    /// <summary>Set on the lock and sent to the guest.</summary>
    Ready = 2,

    /// <summary>The lock refused it: staff must look.</summary>
    Failed = 3,

    /// <summary>The stay is over and the code removed.</summary>
    Revoked = 4,
}

/// <summary>The facts of the guest's booking a reply may use.</summary>
/// <param name="BalanceDue">Formatted amount still to pay (negative: in credit), from the folio.</param>
public sealed record ReservationFacts(
    string ConfirmationCode,
    DateOnly Arrival,
    DateOnly Departure,
    string Status,
    string RoomTypeName,
    string? RoomNumber,
    long BalanceDueMinor,
    string BalanceDue,
    DoorCodeStatus DoorCode,
    bool DoorCodeSent)
{
    public int Nights => Departure.DayNumber - Arrival.DayNumber;
}

/// <summary>Everything a reply may be grounded in: the guest's words, who they are, their booking and the hotel's knowledge base.</summary>
/// <param name="Language">Two-letter code of the language the guest wrote in (a guess from the text).</param>
public sealed record ReplyRequest(
    string Question,
    string? GuestName,
    string Language,
    HotelFacts Hotel,
    ReservationFacts? Reservation,
    IReadOnlyList<KnowledgeFact> Knowledge);

/// <summary>The reply generator port: a suggested answer to a guest's message, grounded in the request only.</summary>
public interface IReplySuggester
{
    Task<ReplySuggestion> SuggestAsync(ReplyRequest request, CancellationToken cancellationToken);
}
