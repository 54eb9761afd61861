using Stayfull.Domain.Tenancy;

namespace Stayfull.Domain.Replies;

/// <summary>
/// The record that a guest's message was answered without a person: which answer, how sure, and the reply
/// queued. One per inbound message (a unique key), so a message stored or handled twice is answered once.
/// </summary>
public sealed class AutomaticReply : ITenantOwned
{
    private AutomaticReply()
    {
    }

    public AutomaticReply(Guid hotelId, Guid inboundMessageId, Guid replyMessageId, ReplyKind kind, Guid? knowledgeBaseEntryId, double confidence, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7();
        HotelId = hotelId;
        InboundMessageId = inboundMessageId;
        ReplyMessageId = replyMessageId;
        Kind = kind;
        KnowledgeBaseEntryId = knowledgeBaseEntryId;
        Confidence = confidence;
        SentAt = now;
    }

    public Guid Id { get; private set; }

    public Guid HotelId { get; private set; }

    public Guid InboundMessageId { get; private set; }

    public Guid ReplyMessageId { get; private set; }

    public ReplyKind Kind { get; private set; }

    public Guid? KnowledgeBaseEntryId { get; private set; }

    public double Confidence { get; private set; }

    public DateTimeOffset SentAt { get; private set; }
}
