using Stayfull.Domain.Replies;

namespace Stayfull.Domain.Tests.Replies;

/// <summary>The default knowledge base as the generator sees it, and requests built around a question.</summary>
internal static class ReplyTestData
{
    public static readonly HotelFacts Hotel = new("Hotel Cais", new TimeOnly(15, 0), new TimeOnly(11, 0));

    public static IReadOnlyList<KnowledgeFact> DefaultKnowledge() =>
        [.. DefaultKnowledgeBase.Entries("EUR").Select(v => new KnowledgeFact(Guid.NewGuid(), v.Title, v.Category, KnowledgeBaseEntry.SplitPhrasings(v.Phrasings), v.Answer))];

    public static ReplyRequest Request(string question, IReadOnlyList<KnowledgeFact>? knowledge = null, ReservationFacts? reservation = null, string? guestName = null) =>
        new(question, guestName, LanguageGuess.Of(question), Hotel, reservation, knowledge ?? DefaultKnowledge());

    public static ReservationFacts Stay(string? room = "204", long balanceMinor = 12_550, DoorCodeStatus doorCode = DoorCodeStatus.Ready) =>
        new("ABC123", new DateOnly(2026, 11, 24), new DateOnly(2026, 11, 27), "Confirmed", "Superior Sea View", room, balanceMinor, $"€{balanceMinor / 100m:0.00}", doorCode, doorCode == DoorCodeStatus.Ready);
}
