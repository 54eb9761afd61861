using Microsoft.Extensions.DependencyInjection;
using Stayfull.Domain.Channels;
using Stayfull.Domain.Integrations;
using Stayfull.Domain.Messaging;
using Stayfull.Domain.Sessions;

namespace Stayfull.Domain.Inbox;

/// <summary>
/// Sends a queued OTA chat reply into the booking's chat through the channel manager. Transient refusals
/// (429, 5xx, timeouts) are retried by the outbox; the rest fail the message with the reason.
/// </summary>
public sealed class OtaMessageDispatcher(HotelSessions sessions, IServiceProvider services) : GuestMessageDispatcher(sessions)
{
    public override IntegrationVendor Vendor => IntegrationVendor.Channex;

    protected override async Task<SendResult> SendAsync(GuestMessage message, string hotelName, CancellationToken cancellationToken)
    {
        // Resolved when needed so every other vendor's dispatch works on a deployment without a channel manager.
        if (services.GetService<IChannelManager>() is not { } channelManager)
        {
            return SendResult.Rejected("No channel manager is connected, so OTA chat replies cannot be sent.");
        }

        try
        {
            var sent = await channelManager.SendBookingMessageAsync(message.HotelId, message.To, message.Body, cancellationToken);
            return SendResult.Accepted(sent.Id);
        }
        catch (ChannelManagerException ex) when (ex.IsTransient)
        {
            return SendResult.Transient(ex.Message, ex.RetryAfter);
        }
        catch (ChannelManagerException ex)
        {
            return SendResult.Rejected(ex.Message);
        }
    }
}
