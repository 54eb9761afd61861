using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Stayfull.Domain.Integrations;
using Stayfull.Domain.Live;
using Stayfull.Domain.Sessions;

namespace Stayfull.Domain.Messaging;

/// <summary>
/// Performs a queued guest message through the channel's sender and records what the vendor said.
/// A message that already has a vendor id is not sent again (a replay after a crash finds it done).
/// </summary>
public abstract class GuestMessageDispatcher(HotelSessions sessions) : IOutboxDispatcher
{
    public abstract IntegrationVendor Vendor { get; }

    protected HotelSessions Sessions { get; } = sessions;

    public async Task<DispatchResult> DispatchAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var payload = JsonSerializer.Deserialize<MessagePayload>(message.Payload, JsonDefaults.Options)
            ?? throw new InvalidOperationException("The outbox payload has no message id.");
        var (guestMessage, hotelName, refusal) = await Sessions.ReadAsync(async s =>
        {
            var found = await s.Db.GuestMessages.FirstOrDefaultAsync(m => m.Id == payload.MessageId, cancellationToken);
            var why = found is null ? null : await GuestMessaging.WhyNotAsync(s, found.Channel, found.To, cancellationToken);
            return (found, s.Hotel.Name, why);
        }, cancellationToken);

        switch (guestMessage)
        {
            case null:
                return DispatchResult.Permanent("The message no longer exists.");
            case { VendorMessageId: { } done }:
                return DispatchResult.Succeeded(done);
            case { Status: DeliveryStatus.Failed }:
                return DispatchResult.Permanent(guestMessage.Error ?? "The message was refused.");
        }

        if (refusal is not null)
        {
            // The guest bounced or replied STOP after this was queued.
            await RecordAsync(guestMessage.Id, (m, s) => m.Refused(refusal, s.Now), cancellationToken);
            return DispatchResult.Permanent(refusal);
        }

        var result = await SendAsync(guestMessage, hotelName, cancellationToken);
        switch (result)
        {
            case SendResult.Success success:
                await RecordAsync(guestMessage.Id, (m, s) => m.Accepted(success.VendorMessageId, success.IsDemo, s.Now), cancellationToken);
                return DispatchResult.Succeeded(success.VendorMessageId);
            case SendResult.TransientFailure transient:
                return DispatchResult.Transient(transient.Error, transient.RetryAfter);
            case SendResult.Rejection rejection:
                await RecordAsync(guestMessage.Id, (m, s) => m.Refused(rejection.Error, s.Now), cancellationToken);
                if (rejection.RecipientOptedOut)
                {
                    await Sessions.WriteAsync(s => MessageTracking.SetSmsOptOutAsync(s, guestMessage.To, optedOut: true, cancellationToken), cancellationToken);
                }

                return DispatchResult.Permanent(rejection.Error);
            default:
                throw new InvalidOperationException($"Unknown send result {result}.");
        }
    }

    protected abstract Task<SendResult> SendAsync(GuestMessage message, string hotelName, CancellationToken cancellationToken);

    private Task RecordAsync(Guid messageId, Action<GuestMessage, HotelSession> change, CancellationToken cancellationToken) =>
        Sessions.WriteAsync(async s =>
        {
            var message = await s.Db.GuestMessages.Include(m => m.StatusChanges).SingleAsync(m => m.Id == messageId, cancellationToken);
            change(message, s);
            s.Announce(ChangeTopic.Messages, message.GuestId ?? message.Id, GuestMessaging.StatusSummary(message.Channel, message.Status));
        }, cancellationToken);
}

public sealed class EmailDispatcher(HotelSessions sessions, IEmailSender sender) : GuestMessageDispatcher(sessions)
{
    public override IntegrationVendor Vendor => IntegrationVendor.SendGrid;

    protected override async Task<SendResult> SendAsync(GuestMessage message, string hotelName, CancellationToken cancellationToken)
    {
        var guestName = await Sessions.ReadAsync(s => s.Db.Guests.Where(g => g.Id == message.GuestId).Select(g => g.FullName).FirstOrDefaultAsync(cancellationToken), cancellationToken);
        return await sender.SendAsync(new OutgoingEmail(message.HotelId, message.Id, message.To, guestName ?? "", hotelName, message.Subject ?? "", message.Body, message.HtmlBody ?? ""), cancellationToken);
    }
}

public sealed class SmsDispatcher(HotelSessions sessions, ISmsSender sender) : GuestMessageDispatcher(sessions)
{
    public override IntegrationVendor Vendor => IntegrationVendor.Twilio;

    protected override Task<SendResult> SendAsync(GuestMessage message, string hotelName, CancellationToken cancellationToken) =>
        sender.SendAsync(new OutgoingSms(message.HotelId, message.Id, message.To, message.Body), cancellationToken);
}
