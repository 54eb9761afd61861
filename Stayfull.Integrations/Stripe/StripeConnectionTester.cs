using Stayfull.Domain.Integrations;
using Stayfull.Domain.Payments;
using Stripe;

namespace Stayfull.Integrations.Stripe;

/// <summary>Proves a hotel's Stripe key with the cheapest authenticated read, <c>GET /v1/balance</c>.</summary>
public sealed class StripeConnectionTester(ConnectionCredentialsStore credentials, StripeClientFactory clients, StripeCallLog calls) : IConnectionTester
{
    public IntegrationVendor Vendor => IntegrationVendor.Stripe;

    public async Task<ConnectionTestResult> TestAsync(Guid hotelId, CancellationToken cancellationToken)
    {
        var stored = await credentials.GetAsync(hotelId, IntegrationVendor.Stripe, cancellationToken);
        if (string.IsNullOrEmpty(stored?["SecretKey"]))
        {
            return new ConnectionTestResult(true, "Demo mode: no Stripe keys, payments are simulated.");
        }

        try
        {
            var service = new BalanceService(clients.Create(stored["SecretKey"]));
            var balance = await calls.RunAsync(
                hotelId,
                "TestConnection",
                "GET /v1/balance",
                async () => await service.GetAsync(requestOptions: null, cancellationToken),
                b => (StripeErrors.StatusOf(b.StripeResponse), b.Livemode ? "live mode" : "test mode"),
                cancellationToken);
            return new ConnectionTestResult(true, $"Connected to Stripe ({(balance.Livemode ? "live" : "test")} mode).");
        }
        catch (PaymentGatewayException ex)
        {
            return new ConnectionTestResult(false, ex.Message);
        }
    }
}
