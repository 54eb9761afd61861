using Stayfull.Domain.Integrations;
using Stayfull.Domain.Pricing;

namespace Stayfull.Integrations.RateShop;

/// <summary>Proves the base URL and key with one small request: one day's rates for a made-up hotel id, one item.</summary>
public sealed class RateShopConnectionTester(ProviderRateShopper shopper, TimeProvider time) : IConnectionTester
{
    public IntegrationVendor Vendor => IntegrationVendor.RateShop;

    public async Task<ConnectionTestResult> TestAsync(Guid hotelId, CancellationToken cancellationToken)
    {
        if (await shopper.KeysAsync(hotelId, cancellationToken) is not { } keys)
        {
            return new ConnectionTestResult(true, "Demo mode: a simulated market of eight competitors with seasons, weekends and local events.");
        }

        var day = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        try
        {
            await shopper.GetAsync(hotelId, keys, $"hotel_ids=connection-test&from={day}&to={day}&limit=1", "connection test", cancellationToken);
            return new ConnectionTestResult(true, "Connected to the rate provider.");
        }
        catch (RateShopException ex)
        {
            return new ConnectionTestResult(false, ex.Message);
        }
    }
}
