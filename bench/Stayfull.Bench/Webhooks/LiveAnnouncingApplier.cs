using Stayfull.Domain.Integrations;
using Stayfull.Domain.Live;

namespace Stayfull.Bench.Webhooks;

/// <summary>Applies a payment webhook the cheapest way that still ends in a live update, carrying the event id.</summary>
public sealed class LiveAnnouncingApplier(ILiveUpdatePublisher live) : IWebhookApplier
{
    public IntegrationVendor Vendor => IntegrationVendor.Stripe;

    public async Task HandleAsync(InboxEvent inboxEvent, CancellationToken cancellationToken) =>
        await live.PublishAsync(HotelChange.PaymentReceived(inboxEvent.HotelId, inboxEvent.Id, inboxEvent.ExternalId), cancellationToken);
}
