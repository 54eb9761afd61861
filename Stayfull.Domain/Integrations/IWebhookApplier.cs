namespace Stayfull.Domain.Integrations;

/// <summary>
/// Port: applies one stored webhook of a vendor through the domain. Runs in a scope acting for the
/// event's hotel. Delivery is at-least-once (a crash after the effect but before the event is marked
/// done replays it), so a handler must be idempotent on the vendor's ids.
/// </summary>
public interface IWebhookApplier
{
    IntegrationVendor Vendor { get; }

    Task HandleAsync(InboxEvent inboxEvent, CancellationToken cancellationToken);
}
