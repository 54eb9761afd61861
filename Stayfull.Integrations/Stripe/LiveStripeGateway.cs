using System.Globalization;
using Stayfull.Domain.Payments;
using Stripe;
using Stripe.Checkout;

namespace Stayfull.Integrations.Stripe;

/// <summary>
/// The payment gateway over Stripe's API with one hotel's secret key. Every POST carries our own
/// idempotency key (Stripe.net would otherwise invent a random one per call, and a retry after a
/// timeout could then charge twice).
/// </summary>
public sealed class LiveStripeGateway(StripeClientFactory clients, StripeCallLog calls)
{
    public async Task<GatewayPayment> CreateAuthorisationAsync(Guid hotelId, string secretKey, AuthorisationRequest request, string idempotencyKey, CancellationToken cancellationToken)
    {
        var options = new PaymentIntentCreateOptions
        {
            Amount = request.AmountMinor,
            Currency = request.Currency.ToLowerInvariant(),
            CaptureMethod = "manual",
            AutomaticPaymentMethods = new PaymentIntentAutomaticPaymentMethodsOptions { Enabled = true },
            Description = request.Description,
            ReceiptEmail = request.GuestEmail,
            Metadata = Metadata(request.PaymentId, request.ReservationId, request.ConfirmationCode),
        };
        var service = new PaymentIntentService(clients.Create(secretKey));
        var created = await calls.RunAsync(
            hotelId,
            PaymentOperations.CreatePaymentIntent,
            $"create {request.AmountMinor} {options.Currency} manual capture, key {idempotencyKey}",
            async () => await service.CreateAsync(options, Keyed(idempotencyKey), cancellationToken),
            pi => (StripeErrors.StatusOf(pi.StripeResponse), $"{pi.Id} {pi.Status}"),
            cancellationToken);
        return new GatewayPayment(created.Id, created.Status);
    }

    public async Task<GatewayPayment> CaptureAsync(Guid hotelId, string secretKey, string providerPaymentId, long? amountMinor, string idempotencyKey, CancellationToken cancellationToken)
    {
        var options = new PaymentIntentCaptureOptions { AmountToCapture = amountMinor };
        var service = new PaymentIntentService(clients.Create(secretKey));
        var pi = await calls.RunAsync(
            hotelId,
            PaymentOperations.Capture,
            $"capture {providerPaymentId} {(amountMinor is { } a ? a.ToString(CultureInfo.InvariantCulture) : "all")}, key {idempotencyKey}",
            async () => await service.CaptureAsync(providerPaymentId, options, Keyed(idempotencyKey), cancellationToken),
            pi => (StripeErrors.StatusOf(pi.StripeResponse), $"{pi.Id} {pi.Status} received {pi.AmountReceived}"),
            cancellationToken);
        return new GatewayPayment(pi.Id, pi.Status);
    }

    public async Task<GatewayPayment> CancelAsync(Guid hotelId, string secretKey, string providerPaymentId, string idempotencyKey, CancellationToken cancellationToken)
    {
        var options = new PaymentIntentCancelOptions { CancellationReason = "requested_by_customer" };
        var service = new PaymentIntentService(clients.Create(secretKey));
        var pi = await calls.RunAsync(
            hotelId,
            PaymentOperations.Release,
            $"cancel {providerPaymentId}, key {idempotencyKey}",
            async () => await service.CancelAsync(providerPaymentId, options, Keyed(idempotencyKey), cancellationToken),
            pi => (StripeErrors.StatusOf(pi.StripeResponse), $"{pi.Id} {pi.Status}"),
            cancellationToken);
        return new GatewayPayment(pi.Id, pi.Status);
    }

    public async Task<GatewayRefund> RefundAsync(Guid hotelId, string secretKey, Domain.Payments.RefundRequest request, string idempotencyKey, CancellationToken cancellationToken)
    {
        var options = new RefundCreateOptions
        {
            PaymentIntent = request.ProviderPaymentId,
            Amount = request.AmountMinor,
            Reason = "requested_by_customer",
            Metadata = new Dictionary<string, string>
            {
                ["folio_entry_id"] = request.FolioEntryId.ToString(),
                ["payment_id"] = request.PaymentId.ToString(),
                ["reservation_id"] = request.ReservationId.ToString(),
            },
        };
        var service = new RefundService(clients.Create(secretKey));
        var refund = await calls.RunAsync(
            hotelId,
            PaymentOperations.Refund,
            $"refund {request.ProviderPaymentId} {(request.AmountMinor is { } a ? a.ToString(CultureInfo.InvariantCulture) : "all")}, key {idempotencyKey}",
            async () => await service.CreateAsync(options, Keyed(idempotencyKey), cancellationToken),
            r => (StripeErrors.StatusOf(r.StripeResponse), $"{r.Id} {r.Status}"),
            cancellationToken);
        return new GatewayRefund(refund.Id, refund.Status);
    }

    public async Task<GatewayCheckout> CreateCheckoutAsync(Guid hotelId, string secretKey, CheckoutRequest request, string idempotencyKey, CancellationToken cancellationToken)
    {
        var metadata = Metadata(request.PaymentId, request.ReservationId, request.ConfirmationCode);
        var options = new SessionCreateOptions
        {
            Mode = "payment",
            ClientReferenceId = request.ReservationId.ToString(),
            CustomerEmail = request.GuestEmail,
            SuccessUrl = request.ReturnUrl.ToString(),
            CancelUrl = request.ReturnUrl.ToString(),
            Metadata = metadata,

            // The intent behind the page carries our ids too, so its own events find the payment.
            PaymentIntentData = new SessionPaymentIntentDataOptions { Metadata = new Dictionary<string, string>(metadata) },
            LineItems =
            [
                new SessionLineItemOptions
                {
                    Quantity = 1,
                    PriceData = new SessionLineItemPriceDataOptions
                    {
                        Currency = request.Currency.ToLowerInvariant(),
                        UnitAmount = request.AmountMinor,
                        ProductData = new SessionLineItemPriceDataProductDataOptions { Name = request.Description },
                    },
                },
            ],
        };
        var service = new SessionService(clients.Create(secretKey));
        var session = await calls.RunAsync(
            hotelId,
            "CreateCheckoutSession",
            $"checkout {request.AmountMinor} {request.Currency}, key {idempotencyKey}",
            async () => await service.CreateAsync(options, Keyed(idempotencyKey), cancellationToken),
            s => (StripeErrors.StatusOf(s.StripeResponse), $"{s.Id} {s.Status}"),
            cancellationToken);
        return new GatewayCheckout(session.Id, new Uri(session.Url));
    }

    private static RequestOptions Keyed(string idempotencyKey) => new() { IdempotencyKey = idempotencyKey };

    private static Dictionary<string, string> Metadata(Guid paymentId, Guid reservationId, string confirmationCode) => new()
    {
        ["payment_id"] = paymentId.ToString(),
        ["reservation_id"] = reservationId.ToString(),
        ["confirmation_code"] = confirmationCode,
    };
}
