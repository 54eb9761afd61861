using Stayfull.Domain.Sessions;

namespace Stayfull.Domain.Messaging;

/// <summary>
/// Runs inside the session that stores a guest's inbound message (SMS, email or OTA chat), so what it
/// adds (an automatic reply, a flag) commits with the message or not at all. Must be quick: no network calls.
/// </summary>
public interface IInboundGuestMessageListener
{
    Task OnReceivedAsync(HotelSession s, GuestMessage message, CancellationToken cancellationToken);
}
