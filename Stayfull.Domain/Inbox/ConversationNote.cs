using Stayfull.Domain.Tenancy;

namespace Stayfull.Domain.Inbox;

/// <summary>A remark for colleagues inside a conversation. It is not a message: nothing ever sends it.</summary>
public sealed class ConversationNote : ITenantOwned
{
    public const int MaxLength = 2000;

    private ConversationNote()
    {
    }

    internal ConversationNote(Guid hotelId, Guid conversationId, string text, string author, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7();
        HotelId = hotelId;
        ConversationId = conversationId;
        Text = text;
        Author = author;
        CreatedAt = now;
    }

    public Guid Id { get; private set; }

    public Guid HotelId { get; private set; }

    public Guid ConversationId { get; private set; }

    public string Text { get; private set; } = "";

    public string Author { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }
}
