using Stayfull.Domain.Integrations;
using Stayfull.Domain.Messaging;

namespace Stayfull.Integrations.Twilio;

/// <summary>SMS for a hotel without Twilio: recorded as delivered (labelled demo) and logged; nothing is sent.</summary>
public sealed class DemoSmsSender(IntegrationLogWriter log) : ISmsSender
{
    public async Task<SendResult> SendAsync(OutgoingSms sms, CancellationToken cancellationToken)
    {
        var demoId = "demo-" + Guid.CreateVersion7().ToString("N");
        await log.RecordAsync(sms.HotelId, IntegrationVendor.Twilio, IntegrationDirection.Outbound, "SendSms", succeeded: true, 201, TimeSpan.Zero, $"Demo: message {sms.MessageId} recorded as delivered, not sent.", isDemo: true, cancellationToken);
        return SendResult.Accepted(demoId, isDemo: true);
    }
}
