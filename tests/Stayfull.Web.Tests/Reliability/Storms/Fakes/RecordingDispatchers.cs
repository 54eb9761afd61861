using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Stayfull.Domain.Integrations;
using Stayfull.Domain.Payments;

namespace Stayfull.Web.Tests.Reliability.Storms.Fakes;

/// <summary>Every outbound intent the app performed, counted by its idempotency key.</summary>
public sealed class DispatchLedger
{
    private readonly ConcurrentDictionary<string, int> _calls = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, int> Calls => _calls;

    public void Record(string idempotencyKey) => _calls.AddOrUpdate(idempotencyKey, 1, (_, n) => n + 1);

    /// <summary>The vendors' side of the storm: each vendor answers at once, and counts what it was asked.</summary>
    public static void Register(IServiceCollection services, DispatchLedger ledger)
    {
        services.AddSingleton(ledger);
        services.AddScoped<IOutboxDispatcher, StormStripeDispatcher>();
        foreach (var vendor in new[] { IntegrationVendor.Twilio, IntegrationVendor.SendGrid, IntegrationVendor.Seam, IntegrationVendor.Channex })
        {
            services.AddScoped<IOutboxDispatcher>(_ => new StormDispatcher(vendor, ledger));
        }
    }
}

/// <summary>A vendor that accepts whatever it is asked.</summary>
public sealed class StormDispatcher(IntegrationVendor vendor, DispatchLedger ledger) : IOutboxDispatcher
{
    public IntegrationVendor Vendor => vendor;

    public Task<DispatchResult> DispatchAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        ledger.Record(message.IdempotencyKey);
        return Task.FromResult(DispatchResult.Succeeded($"{vendor}-{message.IdempotencyKey}"));
    }
}

/// <summary>
/// Stripe creating a payment intent: its id is derived from the guest's email, so the same history of
/// events names the same intent in every app that replays it.
/// </summary>
public sealed class StormStripeDispatcher(DispatchLedger ledger, PaymentLedger payments) : IOutboxDispatcher
{
    public IntegrationVendor Vendor => IntegrationVendor.Stripe;

    public static string IntentIdFor(string guestEmail) => "pi_" + guestEmail.Split('@')[0].Replace("-", "", StringComparison.Ordinal);

    public async Task<DispatchResult> DispatchAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        ledger.Record(message.IdempotencyKey);
        if (message.Operation != PaymentOperations.CreatePaymentIntent)
        {
            return DispatchResult.Succeeded("ok");
        }

        var intent = message.ReadPayload<CreatePaymentIntentIntent>();
        var id = IntentIdFor(intent.GuestEmail ?? throw new InvalidOperationException("Storm guests all have an email."));
        await payments.RecordCreatedAsync(intent.PaymentId, id, cancellationToken);
        return DispatchResult.Succeeded(id);
    }
}
