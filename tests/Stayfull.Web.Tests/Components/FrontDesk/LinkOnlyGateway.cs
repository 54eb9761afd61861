using Stayfull.Domain.Payments;

namespace Stayfull.Web.Tests.Components.FrontDesk;

/// <summary>
/// The payment provider as the desk's screens meet it: only a payment link is asked for while the page waits;
/// holds, captures and refunds go through the outbox, which these tests do not run.
/// </summary>
internal sealed class LinkOnlyGateway : IPaymentGateway
{
    public Task<GatewayCheckout> CreateCheckoutAsync(Guid hotelId, CheckoutRequest request, string idempotencyKey, CancellationToken cancellationToken) =>
        Task.FromResult(new GatewayCheckout("cs_test_" + request.PaymentId.ToString("N"), new Uri(request.ReturnUrl, "/pay/cs_test_" + request.PaymentId.ToString("N"))));

    public Task<GatewayPayment> CreateAuthorisationAsync(Guid hotelId, AuthorisationRequest request, string idempotencyKey, CancellationToken cancellationToken) => throw NotAsked();

    public Task<GatewayPayment> CaptureAsync(Guid hotelId, string providerPaymentId, long? amountMinor, string idempotencyKey, CancellationToken cancellationToken) => throw NotAsked();

    public Task<GatewayPayment> CancelAsync(Guid hotelId, string providerPaymentId, string idempotencyKey, CancellationToken cancellationToken) => throw NotAsked();

    public Task<GatewayRefund> RefundAsync(Guid hotelId, RefundRequest request, string idempotencyKey, CancellationToken cancellationToken) => throw NotAsked();

    private static InvalidOperationException NotAsked() => new("Screens only ask for payment links; the outbox does the rest.");
}
