using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stayfull.Domain.Integrations;
using Stayfull.Domain.Payments;
using Stayfull.Domain.Reservations;
using Stayfull.Tests.Support;

namespace Stayfull.Domain.Tests.Payments;

/// <summary>A test hotel whose payment gateway is a fake that records calls, with helpers for payment policies.</summary>
internal static class PaymentsHotel
{
    public static Task<TestHotel> CreateAsync() =>
        TestHotel.CreateAsync(configure: s => s.AddSingleton<RecordingGateway>().AddSingleton<IPaymentGateway>(sp => sp.GetRequiredService<RecordingGateway>()));

    public static async Task SetPolicyAsync(this TestHotel hotel, PaymentPolicyKind policy, decimal depositPercent = 0, int freeCancellationDays = 0)
    {
        await using var db = hotel.Db();
        var plan = await db.RatePlans.SingleAsync(p => p.Id == hotel.RatePlans[0].Id);
        plan.SetPaymentPolicy(policy, depositPercent, freeCancellationDays);
        await db.SaveChangesAsync();
    }

    /// <summary>Two nights of the first room type (100.00 a night), in room 101.</summary>
    public static Task<Reservation> BookAsync(this TestHotel hotel, DateOnly arrival) =>
        hotel.Get<BookingService>().BookAsync(
            new BookingRequest { RoomTypeId = hotel.RoomTypes[0].Id, Arrival = arrival, Departure = arrival.AddDays(2), GuestName = "Grace Hopper", GuestEmail = "grace@example.test", RoomId = hotel.Rooms[0].Id },
            CancellationToken.None);

    /// <summary>The payment intents recorded (a booking with an email also queues its confirmation, which is not ours to check here).</summary>
    public static async Task<IReadOnlyList<OutboxMessage>> OutboxAsync(this TestHotel hotel)
    {
        await using var db = hotel.Db();
        return await db.OutboxMessages.Where(m => m.Vendor == IntegrationVendor.Stripe).OrderBy(m => m.CreatedAt).ThenBy(m => m.Id).ToListAsync();
    }

    public static async Task<Payment> PaymentAsync(this TestHotel hotel, Guid reservationId)
    {
        await using var db = hotel.Db();
        return await db.Payments.SingleAsync(p => p.ReservationId == reservationId);
    }

    /// <summary>As if Stripe had created the intent and the guest had authorised the hold.</summary>
    public static async Task<Payment> AuthoriseAsync(this TestHotel hotel, Guid reservationId, string providerId = "pi_test_hold")
    {
        var payment = await hotel.PaymentAsync(reservationId);
        var ledger = hotel.Get<PaymentLedger>();
        await ledger.RecordCreatedAsync(payment.Id, providerId, CancellationToken.None);
        await ledger.ApplyAsync(new PaymentIntentFact(providerId, payment.Id, PaymentIntentState.RequiresCapture, payment.AmountMinor, 0, null), CancellationToken.None);
        return await hotel.PaymentAsync(reservationId);
    }
}

/// <summary>Records what the domain asked of the payment provider.</summary>
internal sealed class RecordingGateway : IPaymentGateway
{
    private readonly List<string> _calls = [];

    public IReadOnlyList<string> Calls
    {
        get
        {
            lock (_calls)
            {
                return [.. _calls];
            }
        }
    }

    public Task<GatewayPayment> CreateAuthorisationAsync(Guid hotelId, AuthorisationRequest request, string idempotencyKey, CancellationToken cancellationToken) =>
        Task.FromResult(new GatewayPayment(Record($"create {request.AmountMinor} {idempotencyKey}", "pi_fake_" + request.PaymentId.ToString("N")), "requires_payment_method"));

    public Task<GatewayPayment> CaptureAsync(Guid hotelId, string providerPaymentId, long? amountMinor, string idempotencyKey, CancellationToken cancellationToken) =>
        Task.FromResult(new GatewayPayment(Record($"capture {providerPaymentId} {amountMinor} {idempotencyKey}", providerPaymentId), "succeeded"));

    public Task<GatewayPayment> CancelAsync(Guid hotelId, string providerPaymentId, string idempotencyKey, CancellationToken cancellationToken) =>
        Task.FromResult(new GatewayPayment(Record($"cancel {providerPaymentId} {idempotencyKey}", providerPaymentId), "canceled"));

    public Task<GatewayRefund> RefundAsync(Guid hotelId, RefundRequest request, string idempotencyKey, CancellationToken cancellationToken) =>
        Task.FromResult(new GatewayRefund(Record($"refund {request.ProviderPaymentId} {request.AmountMinor} {idempotencyKey}", "re_fake"), "succeeded"));

    public Task<GatewayCheckout> CreateCheckoutAsync(Guid hotelId, CheckoutRequest request, string idempotencyKey, CancellationToken cancellationToken) =>
        Task.FromResult(new GatewayCheckout(Record($"checkout {request.AmountMinor} {idempotencyKey}", "cs_fake"), new Uri("https://pay.example.test/cs_fake")));

    private string Record(string call, string result)
    {
        lock (_calls)
        {
            _calls.Add(call);
        }

        return result;
    }
}
