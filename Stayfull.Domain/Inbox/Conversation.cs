using Stayfull.Domain.Messaging;
using Stayfull.Domain.Tenancy;

namespace Stayfull.Domain.Inbox;

public enum ConversationStatus
{
    Open = 0,
    Closed = 1,
}

/// <summary>
/// One thread per guest stay, across SMS, email and OTA chat. A sender no guest matches gets a
/// conversation of their own, keyed by the address they wrote from.
/// </summary>
public sealed class Conversation : ITenantOwned
{
    public const int MaxAddressLength = 256;

    private Conversation()
    {
    }

    internal Conversation(Guid hotelId, Guid? guestId, Guid? reservationId, string? channelBookingId, string? unknownSender, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7();
        HotelId = hotelId;
        GuestId = guestId;
        ReservationId = reservationId;
        ChannelBookingId = channelBookingId;
        UnknownSender = guestId is null ? unknownSender : null;
        CreatedAt = now;
        LastMessageAt = now;
    }

    public Guid Id { get; private set; }

    public Guid HotelId { get; private set; }

    public Guid? GuestId { get; private set; }

    public Guid? ReservationId { get; private set; }

    /// <summary>The channel manager's booking id, so a reply can go back into the OTA chat.</summary>
    public string? ChannelBookingId { get; private set; }

    /// <summary>The phone number or address of a sender no guest has.</summary>
    public string? UnknownSender { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset LastMessageAt { get; private set; }

    /// <summary>The channel of the guest's latest message: where a reply goes.</summary>
    public MessageChannel? LastInboundChannel { get; private set; }

    public int UnreadCount { get; private set; }

    /// <summary>The last message is the guest's: nobody has answered yet.</summary>
    public bool IsUnanswered { get; private set; }

    public string? AssignedToUserId { get; private set; }

    public string? AssignedToName { get; private set; }

    public ConversationStatus Status { get; private set; }

    public int Version { get; private set; }

    /// <summary>Adds a message to the thread; a guest's message counts as unread and reopens a closed thread.</summary>
    internal void Add(GuestMessage message, string? channelBookingId)
    {
        message.JoinConversation(Id);
        if (message.CreatedAt >= LastMessageAt)
        {
            LastMessageAt = message.CreatedAt;
            IsUnanswered = message.Direction == MessageDirection.Inbound;
        }

        if (message.Direction == MessageDirection.Inbound)
        {
            UnreadCount++;
            LastInboundChannel = message.Channel;
            Status = ConversationStatus.Open;
        }

        ReservationId ??= message.ReservationId;
        GuestId ??= message.GuestId;
        ChannelBookingId = channelBookingId ?? ChannelBookingId;
        Version++;
    }

    public bool MarkRead()
    {
        if (UnreadCount == 0)
        {
            return false;
        }

        UnreadCount = 0;
        Version++;
        return true;
    }

    public void AssignTo(string? userId, string? name)
    {
        AssignedToUserId = userId;
        AssignedToName = userId is null ? null : name;
        Version++;
    }

    public void Close()
    {
        Status = ConversationStatus.Closed;
        Version++;
    }
}
