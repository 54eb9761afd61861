using Microsoft.EntityFrameworkCore;
using Stayfull.Domain.Integrations;
using Stayfull.Domain.Payments;
using WireMock.Server;

namespace Stayfull.Integrations.Tests.Stripe;

/// <summary>What the adapter puts on the wire, checked against a local fake Stripe.</summary>
public sealed class StripeGatewayWireTests : IDisposable
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly WireMockServer _stripe = WireMockServer.Start();

    public void Dispose() => _stripe.Stop();

    [Fact]
    public async Task ABookingWithADepositCreatesAManualCapturePaymentIntentWithOurIdempotencyKey()
    {
        _stripe.Answer("POST", "/v1/payment_intents", 200, StripeWire.Intent("pi_wire_1", "requires_payment_method", 10000));
        await using var hotel = await StripeTestHotel.CreateAsync(new Uri(_stripe.Url!));
        await hotel.ConnectAsync();
        await hotel.SetDepositPolicyAsync(50);
        var reservation = await hotel.BookAsync();

        await hotel.Get<OutboxProcessor>().ProcessDueAsync(10, None);

        var request = _stripe.Single();
        Assert.Equal("POST", request.RequestMessage.Method);
        Assert.Equal("/v1/payment_intents", request.RequestMessage.Path);
        Assert.Equal($"Bearer {StripeTestHotel.FakeSecretKey}", request.Header("Authorization"));
        Assert.Equal($"res-{reservation.Id}-deposit", request.Header("Idempotency-Key"));
        Assert.Equal("2026-10-28.endive", request.Header("Stripe-Version"));
        Assert.StartsWith("application/x-www-form-urlencoded", request.Header("Content-Type"), StringComparison.Ordinal);
        var form = request.Form();
        Assert.Equal("10000", form["amount"]);
        Assert.Equal("eur", form["currency"]);
        Assert.Equal("manual", form["capture_method"]);
        Assert.Equal(reservation.Id.ToString(), form["metadata[reservation_id]"]);
        Assert.Equal("true", form["automatic_payment_methods[enabled]"]);

        var payment = await hotel.PaymentAsync(reservation.Id);
        Assert.Equal("pi_wire_1", payment.ProviderPaymentId);
        await using var db = hotel.Db();
        var message = await db.OutboxMessages.SingleAsync();
        Assert.Equal(WorkStatus.Done, message.Status);
        Assert.Equal("pi_wire_1", message.Result);
    }

    [Fact]
    public async Task CaptureSendsTheAmountToCaptureWithOurKey()
    {
        _stripe.Answer("POST", "/v1/payment_intents/pi_wire_2/capture", 200, StripeWire.Intent("pi_wire_2", "succeeded", 10000, received: 6000));
        await using var hotel = await StripeTestHotel.CreateAsync(new Uri(_stripe.Url!));
        await hotel.ConnectAsync();

        var result = await hotel.Get<IPaymentGateway>().CaptureAsync(hotel.HotelId, "pi_wire_2", 6000, "res-r1-capture", None);

        Assert.Equal(new GatewayPayment("pi_wire_2", "succeeded"), result);
        var request = _stripe.Single();
        Assert.Equal("6000", request.Form()["amount_to_capture"]);
        Assert.Equal("res-r1-capture", request.Header("Idempotency-Key"));
    }

    [Fact]
    public async Task ReleaseCancelsTheIntentWithOurKey()
    {
        _stripe.Answer("POST", "/v1/payment_intents/pi_wire_3/cancel", 200, StripeWire.Intent("pi_wire_3", "canceled", 10000));
        await using var hotel = await StripeTestHotel.CreateAsync(new Uri(_stripe.Url!));
        await hotel.ConnectAsync();

        var result = await hotel.Get<IPaymentGateway>().CancelAsync(hotel.HotelId, "pi_wire_3", "res-r1-release", None);

        Assert.Equal("canceled", result.Status);
        var request = _stripe.Single();
        Assert.Equal("requested_by_customer", request.Form()["cancellation_reason"]);
        Assert.Equal("res-r1-release", request.Header("Idempotency-Key"));
    }

    [Fact]
    public async Task APartialRefundSendsTheAmountThePaymentIntentAndOurLine()
    {
        _stripe.Answer("POST", "/v1/refunds", 200, """{"id":"re_wire_1","object":"refund","amount":2500,"currency":"eur","payment_intent":"pi_wire_4","status":"succeeded","metadata":{}}""");
        await using var hotel = await StripeTestHotel.CreateAsync(new Uri(_stripe.Url!));
        await hotel.ConnectAsync();
        var line = Guid.NewGuid();

        var result = await hotel.Get<IPaymentGateway>().RefundAsync(hotel.HotelId, new RefundRequest(Guid.NewGuid(), Guid.NewGuid(), line, "pi_wire_4", 2500), $"refund-{line}", None);

        Assert.Equal(new GatewayRefund("re_wire_1", "succeeded"), result);
        var request = _stripe.Single();
        var form = request.Form();
        Assert.Equal("2500", form["amount"]);
        Assert.Equal("pi_wire_4", form["payment_intent"]);
        Assert.Equal("requested_by_customer", form["reason"]);
        Assert.Equal(line.ToString(), form["metadata[folio_entry_id]"]);
        Assert.Equal($"refund-{line}", request.Header("Idempotency-Key"));
    }

    [Fact]
    public async Task APaymentLinkIsAHostedCheckoutSessionForTheBalance()
    {
        _stripe.Answer("POST", "/v1/checkout/sessions", 200, """{"id":"cs_wire_1","object":"checkout.session","status":"open","mode":"payment","url":"https://checkout.stripe.com/c/pay/cs_wire_1","metadata":{}}""");
        await using var hotel = await StripeTestHotel.CreateAsync(new Uri(_stripe.Url!));
        await hotel.ConnectAsync();
        var payment = Guid.NewGuid();
        var request = new CheckoutRequest(payment, Guid.NewGuid(), "ABC123", 4200, "EUR", "Balance of ABC123", "guest@example.test", new Uri("https://hotel.example.test/thanks"));

        var checkout = await hotel.Get<IPaymentGateway>().CreateCheckoutAsync(hotel.HotelId, request, $"checkout-{payment}", None);

        Assert.Equal("cs_wire_1", checkout.SessionId);
        Assert.Equal("https://checkout.stripe.com/c/pay/cs_wire_1", checkout.Url.ToString());
        var sent = _stripe.Single();
        var form = sent.Form();
        Assert.Equal("/v1/checkout/sessions", sent.RequestMessage.Path);
        Assert.Equal("payment", form["mode"]);
        Assert.Equal("4200", form["line_items[0][price_data][unit_amount]"]);
        Assert.Equal("eur", form["line_items[0][price_data][currency]"]);
        Assert.Equal("1", form["line_items[0][quantity]"]);
        Assert.Equal("https://hotel.example.test/thanks", form["success_url"]);
        Assert.Equal(payment.ToString(), form["metadata[payment_id]"]);
        Assert.Equal(payment.ToString(), form["payment_intent_data[metadata][payment_id]"]);
        Assert.Equal($"checkout-{payment}", sent.Header("Idempotency-Key"));
    }

    [Fact]
    public async Task TheConnectionTestReadsTheBalance()
    {
        _stripe.Answer("GET", "/v1/balance", 200, """{"object":"balance","livemode":false,"available":[],"pending":[]}""");
        await using var hotel = await StripeTestHotel.CreateAsync(new Uri(_stripe.Url!));
        await hotel.ConnectAsync();

        var result = await hotel.Get<IntegrationSettingsService>().TestAsync(IntegrationVendor.Stripe, None);

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal("/v1/balance", _stripe.Single().RequestMessage.Path);
    }

    [Fact]
    public async Task EveryCallIsLoggedWithoutTheKey()
    {
        _stripe.Answer("POST", "/v1/payment_intents/pi_wire_5/cancel", 200, StripeWire.Intent("pi_wire_5", "canceled", 10000));
        await using var hotel = await StripeTestHotel.CreateAsync(new Uri(_stripe.Url!));
        await hotel.ConnectAsync();

        await hotel.Get<IPaymentGateway>().CancelAsync(hotel.HotelId, "pi_wire_5", "res-r5-release", None);

        await using var db = hotel.Db();
        var line = await db.IntegrationLog.SingleAsync(e => e.Operation == PaymentOperations.Release);
        Assert.True(line.Succeeded);
        Assert.False(line.IsDemo);
        Assert.Equal(200, line.HttpStatus);
        Assert.Contains("pi_wire_5", line.Summary, StringComparison.Ordinal);
        Assert.DoesNotContain(StripeTestHotel.FakeSecretKey, line.Summary, StringComparison.Ordinal);
        Assert.DoesNotContain(await db.IntegrationLog.Select(e => e.Summary).ToListAsync(), s => s.Contains(StripeTestHotel.FakeSecretKey, StringComparison.Ordinal));
    }
}
