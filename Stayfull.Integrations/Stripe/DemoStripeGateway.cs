using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Stayfull.Domain.Data;
using Stayfull.Domain.Integrations;
using Stayfull.Domain.Payments;

namespace Stayfull.Integrations.Stripe;

/// <summary>
/// Stripe for a hotel without keys: simulates PaymentIntents (ids <c>pi_demo_…</c>) and, instead of
/// calling anyone, stores the events Stripe would send into the webhook inbox, so the folio updates
/// through the same applier as in live mode. Ids come from the idempotency key, so a repeated call
/// gives the same intent and the same (deduplicated) events, as Stripe would.
/// </summary>
public sealed class DemoStripeGateway(WebhookInbox inbox, StayfullDb database, IntegrationLogWriter log, TimeProvider time)
{
    public async Task<GatewayPayment> CreateAuthorisationAsync(Guid hotelId, AuthorisationRequest request, string idempotencyKey, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var id = "pi_demo_" + Token(idempotencyKey);
        var intent = Intent(id, "requires_capture", request.AmountMinor, request.Currency, capturable: request.AmountMinor, received: 0, request.PaymentId, request.ReservationId);
        await EmitAsync(hotelId, idempotencyKey, "payment_intent.amount_capturable_updated", intent, cancellationToken);
        await LogAsync(hotelId, PaymentOperations.CreatePaymentIntent, $"create {request.AmountMinor} {request.Currency} manual capture, key {idempotencyKey} → {id} requires_capture", started, cancellationToken);
        return new GatewayPayment(id, "requires_capture");
    }

    public async Task<GatewayPayment> CaptureAsync(Guid hotelId, string providerPaymentId, long? amountMinor, string idempotencyKey, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var payment = await PaymentAsync(hotelId, providerPaymentId, cancellationToken);
        var take = Math.Min(amountMinor ?? payment.AuthorisedMinor, payment.AuthorisedMinor);
        if (take <= 0)
        {
            throw new PaymentGatewayException($"Demo: {providerPaymentId} holds nothing to capture.", isTransient: false, retryAfter: null, httpStatus: 400);
        }

        var intent = Intent(providerPaymentId, "succeeded", payment.AmountMinor, payment.Currency, capturable: 0, received: take, payment.Id, payment.ReservationId);
        await EmitAsync(hotelId, idempotencyKey, "payment_intent.succeeded", intent, cancellationToken);
        await LogAsync(hotelId, PaymentOperations.Capture, $"capture {providerPaymentId} {take}, key {idempotencyKey} → succeeded", started, cancellationToken);
        return new GatewayPayment(providerPaymentId, "succeeded");
    }

    public async Task<GatewayPayment> CancelAsync(Guid hotelId, string providerPaymentId, string idempotencyKey, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var payment = await PaymentAsync(hotelId, providerPaymentId, cancellationToken);
        var intent = Intent(providerPaymentId, "canceled", payment.AmountMinor, payment.Currency, capturable: 0, received: 0, payment.Id, payment.ReservationId);
        await EmitAsync(hotelId, idempotencyKey, "payment_intent.canceled", intent, cancellationToken);
        await LogAsync(hotelId, PaymentOperations.Release, $"cancel {providerPaymentId}, key {idempotencyKey} → canceled", started, cancellationToken);
        return new GatewayPayment(providerPaymentId, "canceled");
    }

    public async Task<GatewayRefund> RefundAsync(Guid hotelId, RefundRequest request, string idempotencyKey, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var payment = await PaymentAsync(hotelId, request.ProviderPaymentId, cancellationToken);
        var id = "re_demo_" + Token(idempotencyKey);
        var refund = new Dictionary<string, object?>
        {
            ["id"] = id,
            ["object"] = "refund",
            ["amount"] = request.AmountMinor ?? payment.CapturedMinor,
            ["currency"] = payment.Currency.ToLowerInvariant(),
            ["payment_intent"] = request.ProviderPaymentId,
            ["status"] = "succeeded",
            ["reason"] = "requested_by_customer",
            ["metadata"] = new Dictionary<string, string> { ["folio_entry_id"] = request.FolioEntryId.ToString(), ["payment_id"] = request.PaymentId.ToString() },
        };
        await EmitAsync(hotelId, idempotencyKey, "refund.created", refund, cancellationToken);
        await LogAsync(hotelId, PaymentOperations.Refund, $"refund {request.ProviderPaymentId} {refund["amount"]}, key {idempotencyKey} → {id} succeeded", started, cancellationToken);
        return new GatewayRefund(id, "succeeded");
    }

    /// <summary>A demo payment page address on the hotel's own site; nothing is paid until a person completes it.</summary>
    public async Task<GatewayCheckout> CreateCheckoutAsync(Guid hotelId, CheckoutRequest request, string idempotencyKey, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var id = "cs_demo_" + Token(idempotencyKey);
        var url = new Uri(request.ReturnUrl, $"/demo/checkout/{id}");
        await LogAsync(hotelId, "CreateCheckoutSession", $"checkout {request.AmountMinor} {request.Currency}, key {idempotencyKey} → {id} open", started, cancellationToken);
        return new GatewayCheckout(id, url);
    }

    /// <summary>
    /// The demo payment page's view of one of its sessions: only the hotel's name and the amount, never
    /// the guest or the reservation. Null for an id this demo never issued (including any live <c>cs_</c> id).
    /// </summary>
    public async Task<DemoCheckout?> FindCheckoutAsync(string sessionId, CancellationToken cancellationToken)
    {
        if (await CheckoutPaymentAsync(sessionId, cancellationToken) is not { } payment)
        {
            return null;
        }

        await using var db = database.ForHotel(payment.HotelId);
        var hotelName = await db.Hotels.Where(h => h.Id == payment.HotelId).Select(h => h.Name).SingleAsync(cancellationToken);
        return new DemoCheckout(sessionId, hotelName, payment.AmountMinor, payment.Currency, payment.CapturedMinor > 0);
    }

    /// <summary>
    /// The guest "pays" on the demo page: stores what Stripe would send when a Checkout Session is paid
    /// (<c>checkout.session.completed</c>, then <c>payment_intent.succeeded</c>) for the session's hotel, so the
    /// folio updates through the normal applier. Ids derive from the session, so paying twice changes nothing.
    /// </summary>
    /// <returns>False for an unknown session.</returns>
    public async Task<bool> CompleteCheckoutAsync(string sessionId, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        if (await CheckoutPaymentAsync(sessionId, cancellationToken) is not { } payment)
        {
            return false;
        }

        var key = "checkout-paid-" + sessionId;
        var intentId = "pi_demo_" + Token(key);
        var metadata = new Dictionary<string, string> { ["payment_id"] = payment.Id.ToString(), ["reservation_id"] = payment.ReservationId.ToString() };
        var session = new Dictionary<string, object?>
        {
            ["id"] = sessionId,
            ["object"] = "checkout.session",
            ["mode"] = "payment",
            ["status"] = "complete",
            ["payment_status"] = "paid",
            ["amount_total"] = payment.AmountMinor,
            ["currency"] = payment.Currency.ToLowerInvariant(),
            ["payment_intent"] = intentId,
            ["client_reference_id"] = payment.ReservationId.ToString(),
            ["livemode"] = false,
            ["metadata"] = metadata,
        };
        await EmitAsync(payment.HotelId, key, "checkout.session.completed", session, cancellationToken);
        var intent = Intent(intentId, "succeeded", payment.AmountMinor, payment.Currency, capturable: 0, received: payment.AmountMinor, payment.Id, payment.ReservationId);
        intent["capture_method"] = "automatic";
        await EmitAsync(payment.HotelId, key, "payment_intent.succeeded", intent, cancellationToken);
        await LogAsync(payment.HotelId, "CompleteCheckoutSession", $"demo page paid {sessionId} {payment.AmountMinor} {payment.Currency} → {intentId} succeeded", started, cancellationToken);
        return true;
    }

    private static Dictionary<string, object?> Intent(string id, string status, long amount, string currency, long capturable, long received, Guid paymentId, Guid reservationId) => new()
    {
        ["id"] = id,
        ["object"] = "payment_intent",
        ["amount"] = amount,
        ["amount_capturable"] = capturable,
        ["amount_received"] = received,
        ["capture_method"] = "manual",
        ["currency"] = currency.ToLowerInvariant(),
        ["status"] = status,
        ["livemode"] = false,
        ["metadata"] = new Dictionary<string, string> { ["payment_id"] = paymentId.ToString(), ["reservation_id"] = reservationId.ToString() },
    };

    private async Task EmitAsync(Guid hotelId, string idempotencyKey, string type, Dictionary<string, object?> dataObject, CancellationToken cancellationToken)
    {
        var eventId = $"evt_demo_{Token(idempotencyKey + "|" + type)}";
        var stripeEvent = new Dictionary<string, object?>
        {
            ["id"] = eventId,
            ["object"] = "event",
            ["api_version"] = global::Stripe.StripeConfiguration.ApiVersion,
            ["created"] = time.GetUtcNow().ToUnixTimeSeconds(),
            ["livemode"] = false,
            ["type"] = type,
            ["data"] = new Dictionary<string, object?> { ["object"] = dataObject },
        };
        await inbox.StoreAsync(hotelId, IntegrationVendor.Stripe, eventId, type, JsonSerializer.Serialize(stripeEvent), cancellationToken);
    }

    private async Task<Payment> PaymentAsync(Guid hotelId, string providerPaymentId, CancellationToken cancellationToken)
    {
        await using var db = database.ForHotel(hotelId);
        return await db.Payments.AsNoTracking().SingleOrDefaultAsync(p => p.ProviderPaymentId == providerPaymentId, cancellationToken)
            ?? throw new PaymentGatewayException($"Demo: no such payment intent {providerPaymentId}.", isTransient: false, retryAfter: null, httpStatus: 404);
    }

    /// <summary>The payment behind a demo Checkout Session, in whichever hotel issued it.</summary>
    private async Task<Payment?> CheckoutPaymentAsync(string sessionId, CancellationToken cancellationToken)
    {
        if (!sessionId.StartsWith("cs_demo_", StringComparison.Ordinal) || sessionId.Length > 100)
        {
            return null;
        }

        await using var db = database.ForPlatform();
        return await db.Payments.IgnoreQueryFilters().AsNoTracking().SingleOrDefaultAsync(p => p.CheckoutSessionId == sessionId, cancellationToken);
    }

    private Task LogAsync(Guid hotelId, string operation, string summary, long started, CancellationToken cancellationToken) =>
        log.RecordAsync(hotelId, IntegrationVendor.Stripe, IntegrationDirection.Outbound, operation, succeeded: true, 200, Stopwatch.GetElapsedTime(started), "demo: " + summary, isDemo: true, cancellationToken);

    private static string Token(string key) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..24];
}

/// <summary>What the demo payment page may show: the hotel's name and the amount, nothing about the guest.</summary>
public sealed record DemoCheckout(string SessionId, string HotelName, long AmountMinor, string Currency, bool IsPaid);
