using Stayfull.Domain.Sessions;

namespace Stayfull.Domain.Messaging;

/// <summary>Queues a reply to a guest's message on the channel the guest used (SMS, email or OTA chat), in the caller's session.</summary>
public interface IGuestReplySender
{
    /// <param name="automatic">Sent without a person (a confident answer from the knowledge base); shown as such in the thread.</param>
    Task<GuestMessage> QueueReplyAsync(HotelSession s, GuestMessage inbound, string text, bool automatic, CancellationToken cancellationToken);
}
