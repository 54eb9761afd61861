using Stayfull.Domain.Tenancy;

namespace Stayfull.Domain.Inbox;

/// <summary>A ready answer staff pick in the reply box, per hotel.</summary>
public sealed class CannedReply : ITenantOwned
{
    public const int MaxTitleLength = 80;
    public const int MaxTextLength = 1000;

    private CannedReply()
    {
    }

    internal CannedReply(Guid hotelId, string title, string text, int position)
    {
        Id = Guid.CreateVersion7();
        HotelId = hotelId;
        Title = title;
        Text = text;
        Position = position;
    }

    public Guid Id { get; private set; }

    public Guid HotelId { get; private set; }

    public string Title { get; private set; } = "";

    public string Text { get; private set; } = "";

    public int Position { get; private set; }

    internal void Edit(string title, string text)
    {
        Title = title;
        Text = text;
    }
}

/// <summary>The answers a hotel starts with; it edits or deletes them on the inbox page.</summary>
public static class DefaultCannedReplies
{
    public static IReadOnlyList<(string Title, string Text)> All { get; } =
    [
        ("Thanks, on it", "Thank you for your message. We are looking into it and will get back to you shortly."),
        ("Check-in times", "Check-in starts at 3 pm and check-out is until 11 am. If you need an earlier or later time, let us know and we will do our best."),
        ("Parking", "We have parking on site; please ask at reception when you arrive."),
        ("Early arrival", "You are welcome to leave your luggage with us before check-in; we will let you know as soon as your room is ready."),
        ("See you soon", "We look forward to welcoming you. Safe travels!"),
    ];
}
