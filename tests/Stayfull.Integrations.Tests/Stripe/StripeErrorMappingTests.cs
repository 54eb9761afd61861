using Microsoft.EntityFrameworkCore;
using Stayfull.Domain.Integrations;
using Stayfull.Domain.Payments;
using Stayfull.Tests.Support;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Stayfull.Integrations.Tests.Stripe;

/// <summary>Stripe's failures decide the outbox's next step: retry later (with Retry-After) or park for staff.</summary>
public sealed class StripeErrorMappingTests : IDisposable
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly WireMockServer _stripe = WireMockServer.Start();

    public void Dispose() => _stripe.Stop();

    [Fact]
    public async Task ADeclinedCardIsPermanentAndMarksThePaymentFailed()
    {
        _stripe.Answer("POST", "/v1/payment_intents", 402, StripeWire.Error("card_error", "card_declined", "Your card was declined."));
        var (hotel, message, reservationId) = await DispatchDepositAsync();
        await using (hotel)
        {
            Assert.Equal(WorkStatus.Failed, message.Status);
            Assert.Contains("card_declined", message.LastError, StringComparison.Ordinal);
            var payment = await hotel.PaymentAsync(reservationId);
            Assert.Equal(PaymentStatus.Failed, payment.Status);
        }
    }

    [Fact]
    public async Task AnInvalidRequestIsPermanent()
    {
        _stripe.Answer("POST", "/v1/payment_intents", 400, StripeWire.Error("invalid_request_error", "parameter_invalid_integer", "Invalid integer: abc"));
        var (hotel, message, _) = await DispatchDepositAsync();
        await using (hotel)
        {
            Assert.Equal(WorkStatus.Failed, message.Status);
            Assert.Equal(1, message.Attempts);
        }
    }

    [Fact]
    public async Task ARateLimitIsTransientAndHonoursRetryAfter()
    {
        _stripe.Answer("POST", "/v1/payment_intents", 429, StripeWire.Error("rate_limit_error", "rate_limit", "Too many requests"), ("Retry-After", "40"));
        var (hotel, message, _) = await DispatchDepositAsync();
        await using (hotel)
        {
            Assert.Equal(WorkStatus.Pending, message.Status);
            Assert.Equal(1, message.Attempts);
            Assert.True(message.NextAttemptAt >= hotel.Time.GetUtcNow() + TimeSpan.FromSeconds(40), $"next attempt at {message.NextAttemptAt}");
        }
    }

    [Fact]
    public async Task AServerErrorIsTransientAndStripeNetDoesNotRetryBehindTheOutbox()
    {
        _stripe.Answer("POST", "/v1/payment_intents", 500, StripeWire.Error("api_error", "internal", "Something went wrong"));
        var (hotel, message, _) = await DispatchDepositAsync();
        await using (hotel)
        {
            Assert.Equal(WorkStatus.Pending, message.Status);
            Assert.Contains("api_error", message.LastError, StringComparison.Ordinal);
            Assert.Single(_stripe.LogEntries);
        }
    }

    [Fact]
    public async Task ATimeoutIsTransient()
    {
        _stripe.Given(Request.Create().WithPath("/v1/payment_intents").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(200).WithBody(StripeWire.Intent("pi_late", "requires_payment_method", 10000)).WithDelay(TimeSpan.FromSeconds(3)));
        var (hotel, message, reservationId) = await DispatchDepositAsync(TimeSpan.FromMilliseconds(300));
        await using (hotel)
        {
            Assert.Equal(WorkStatus.Pending, message.Status);
            Assert.Contains("could not be reached", message.LastError, StringComparison.Ordinal);
            Assert.Null((await hotel.PaymentAsync(reservationId)).ProviderPaymentId);
        }
    }

    [Fact]
    public async Task GatewayExceptionsSayWhetherToRetry()
    {
        _stripe.Answer("POST", "/v1/payment_intents/pi_x/capture", 402, StripeWire.Error("card_error", "card_declined", "Declined"));
        _stripe.Answer("POST", "/v1/payment_intents/pi_y/capture", 503, StripeWire.Error("api_error", "unavailable", "Try later"), ("Retry-After", "3"));
        await using var hotel = await StripeTestHotel.CreateAsync(new Uri(_stripe.Url!));
        await hotel.ConnectAsync();
        var gateway = hotel.Get<IPaymentGateway>();

        var declined = await Assert.ThrowsAsync<PaymentGatewayException>(() => gateway.CaptureAsync(hotel.HotelId, "pi_x", null, "k1", None));
        var unavailable = await Assert.ThrowsAsync<PaymentGatewayException>(() => gateway.CaptureAsync(hotel.HotelId, "pi_y", null, "k2", None));

        Assert.False(declined.IsTransient);
        Assert.Equal(402, declined.HttpStatus);
        Assert.True(unavailable.IsTransient);
        Assert.Equal(TimeSpan.FromSeconds(3), unavailable.RetryAfter);
        await using var db = hotel.Db();
        Assert.Equal(2, await db.IntegrationLog.CountAsync(e => !e.Succeeded && e.Operation == PaymentOperations.Capture));
    }

    private async Task<(TestHotel Hotel, OutboxMessage Message, Guid ReservationId)> DispatchDepositAsync(TimeSpan? timeout = null)
    {
        var hotel = await StripeTestHotel.CreateAsync(new Uri(_stripe.Url!), timeout);
        await hotel.ConnectAsync();
        await hotel.SetDepositPolicyAsync(50);
        var reservation = await hotel.BookAsync();
        await hotel.Get<OutboxProcessor>().ProcessDueAsync(10, None);
        await using var db = hotel.Db();
        return (hotel, await db.OutboxMessages.SingleAsync(), reservation.Id);
    }
}
