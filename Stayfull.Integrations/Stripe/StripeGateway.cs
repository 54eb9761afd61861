using Stayfull.Domain.Integrations;
using Stayfull.Domain.Payments;

namespace Stayfull.Integrations.Stripe;

/// <summary>The payment gateway port: a hotel with Stripe keys talks to Stripe, one without gets the demo.</summary>
public sealed class StripeGateway(ConnectionCredentialsStore credentials, LiveStripeGateway live, DemoStripeGateway demo) : IPaymentGateway
{
    public async Task<GatewayPayment> CreateAuthorisationAsync(Guid hotelId, AuthorisationRequest request, string idempotencyKey, CancellationToken cancellationToken) =>
        await SecretKeyAsync(hotelId, cancellationToken) is { } key
            ? await live.CreateAuthorisationAsync(hotelId, key, request, idempotencyKey, cancellationToken)
            : await demo.CreateAuthorisationAsync(hotelId, request, idempotencyKey, cancellationToken);

    public async Task<GatewayPayment> CaptureAsync(Guid hotelId, string providerPaymentId, long? amountMinor, string idempotencyKey, CancellationToken cancellationToken) =>
        await SecretKeyAsync(hotelId, cancellationToken) is { } key
            ? await live.CaptureAsync(hotelId, key, providerPaymentId, amountMinor, idempotencyKey, cancellationToken)
            : await demo.CaptureAsync(hotelId, providerPaymentId, amountMinor, idempotencyKey, cancellationToken);

    public async Task<GatewayPayment> CancelAsync(Guid hotelId, string providerPaymentId, string idempotencyKey, CancellationToken cancellationToken) =>
        await SecretKeyAsync(hotelId, cancellationToken) is { } key
            ? await live.CancelAsync(hotelId, key, providerPaymentId, idempotencyKey, cancellationToken)
            : await demo.CancelAsync(hotelId, providerPaymentId, idempotencyKey, cancellationToken);

    public async Task<GatewayRefund> RefundAsync(Guid hotelId, RefundRequest request, string idempotencyKey, CancellationToken cancellationToken) =>
        await SecretKeyAsync(hotelId, cancellationToken) is { } key
            ? await live.RefundAsync(hotelId, key, request, idempotencyKey, cancellationToken)
            : await demo.RefundAsync(hotelId, request, idempotencyKey, cancellationToken);

    public async Task<GatewayCheckout> CreateCheckoutAsync(Guid hotelId, CheckoutRequest request, string idempotencyKey, CancellationToken cancellationToken) =>
        await SecretKeyAsync(hotelId, cancellationToken) is { } key
            ? await live.CreateCheckoutAsync(hotelId, key, request, idempotencyKey, cancellationToken)
            : await demo.CreateCheckoutAsync(hotelId, request, idempotencyKey, cancellationToken);

    private async Task<string?> SecretKeyAsync(Guid hotelId, CancellationToken cancellationToken)
    {
        var stored = await credentials.GetAsync(hotelId, IntegrationVendor.Stripe, cancellationToken);
        var key = stored?["SecretKey"];
        return string.IsNullOrEmpty(key) ? null : key;
    }
}
