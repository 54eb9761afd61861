using Stayfull.Domain.Integrations;

namespace Stayfull.Domain.Payments;

/// <summary>
/// Performs the payment intents recorded in the outbox through the gateway (Stripe or its demo),
/// always with the intent's own idempotency key. The outbox owns retries: a transient gateway
/// failure is handed back with the provider's Retry-After, a refusal parks the intent for staff.
/// </summary>
public sealed class PaymentDispatcher(IPaymentGateway gateway, PaymentLedger ledger) : IOutboxDispatcher
{
    /// <summary>How long to wait for our own record of an intent's id before capturing, releasing or refunding it.</summary>
    private static readonly TimeSpan NotCreatedYet = TimeSpan.FromSeconds(30);

    public IntegrationVendor Vendor => IntegrationVendor.Stripe;

    public async Task<DispatchResult> DispatchAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        try
        {
            return message.Operation switch
            {
                PaymentOperations.CreatePaymentIntent => await CreateAsync(message, cancellationToken),
                PaymentOperations.Capture => await CaptureAsync(message, cancellationToken),
                PaymentOperations.Release => await ReleaseAsync(message, cancellationToken),
                PaymentOperations.Refund => await RefundAsync(message, cancellationToken),
                _ => DispatchResult.Permanent($"Unknown payment operation {message.Operation}."),
            };
        }
        catch (PaymentGatewayException ex) when (ex.IsTransient)
        {
            return DispatchResult.Transient(ex.Message, ex.RetryAfter);
        }
        catch (PaymentGatewayException ex)
        {
            if (message.Operation == PaymentOperations.CreatePaymentIntent)
            {
                await ledger.RecordFailureAsync(message.ReadPayload<CreatePaymentIntentIntent>().PaymentId, ex.Message, cancellationToken);
            }
            else if (message.Operation == PaymentOperations.Refund)
            {
                var refund = message.ReadPayload<RefundIntent>();
                await ledger.RecordRefundRefusedAsync(refund.PaymentId, refund.FolioEntryId, ex.Message, cancellationToken);
            }

            return DispatchResult.Permanent(ex.Message);
        }
    }

    private async Task<DispatchResult> CreateAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var intent = message.ReadPayload<CreatePaymentIntentIntent>();
        var request = new AuthorisationRequest(intent.PaymentId, intent.ReservationId, intent.ConfirmationCode, intent.AmountMinor, intent.Currency, intent.Description, intent.GuestEmail);
        var created = await gateway.CreateAuthorisationAsync(message.HotelId, request, message.IdempotencyKey, cancellationToken);
        await ledger.RecordCreatedAsync(intent.PaymentId, created.ProviderPaymentId, cancellationToken);
        return DispatchResult.Succeeded(created.ProviderPaymentId);
    }

    private async Task<DispatchResult> CaptureAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var intent = message.ReadPayload<PaymentActionIntent>();
        if (await ledger.ProviderIdAsync(intent.PaymentId, cancellationToken) is not { } providerId)
        {
            return DispatchResult.Transient("The payment intent is not created yet.", NotCreatedYet);
        }

        var captured = await gateway.CaptureAsync(message.HotelId, providerId, intent.AmountMinor, message.IdempotencyKey, cancellationToken);
        return DispatchResult.Succeeded($"{captured.ProviderPaymentId} {captured.Status}");
    }

    private async Task<DispatchResult> ReleaseAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var intent = message.ReadPayload<PaymentActionIntent>();
        if (await ledger.ProviderIdAsync(intent.PaymentId, cancellationToken) is not { } providerId)
        {
            return DispatchResult.Transient("The payment intent is not created yet.", NotCreatedYet);
        }

        var released = await gateway.CancelAsync(message.HotelId, providerId, message.IdempotencyKey, cancellationToken);
        return DispatchResult.Succeeded($"{released.ProviderPaymentId} {released.Status}");
    }

    private async Task<DispatchResult> RefundAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var intent = message.ReadPayload<RefundIntent>();
        if (await ledger.ProviderIdAsync(intent.PaymentId, cancellationToken) is not { } providerId)
        {
            return DispatchResult.Permanent("The payment has no provider id to refund.");
        }

        var refund = await gateway.RefundAsync(message.HotelId, new RefundRequest(intent.PaymentId, intent.ReservationId, intent.FolioEntryId, providerId, intent.AmountMinor), message.IdempotencyKey, cancellationToken);
        return DispatchResult.Succeeded($"{refund.RefundId} {refund.Status}");
    }
}
