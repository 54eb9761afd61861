using Stayfull.Domain.Integrations;
using Stayfull.Domain.Messaging;

namespace Stayfull.Integrations.SendGrid;

/// <summary>
/// Email for a hotel without SendGrid: nothing leaves the building. The message is recorded as
/// delivered (labelled demo) and the integration log shows the "send", so the product works offline.
/// </summary>
public sealed class DemoEmailSender(IntegrationLogWriter log) : IEmailSender
{
    public async Task<SendResult> SendAsync(OutgoingEmail email, CancellationToken cancellationToken)
    {
        var demoId = "demo-" + Guid.CreateVersion7().ToString("N");
        await log.RecordAsync(email.HotelId, IntegrationVendor.SendGrid, IntegrationDirection.Outbound, "SendEmail", succeeded: true, 202, TimeSpan.Zero, $"Demo: message {email.MessageId} recorded as delivered, not sent.", isDemo: true, cancellationToken);
        return SendResult.Accepted(demoId, isDemo: true);
    }
}
