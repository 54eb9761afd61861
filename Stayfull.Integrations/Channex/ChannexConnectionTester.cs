using System.Globalization;
using Stayfull.Domain.Channels;
using Stayfull.Domain.Integrations;

namespace Stayfull.Integrations.Channex;

/// <summary>Proves the API key and property id by reading the property's room types (one page of one).</summary>
public sealed class ChannexConnectionTester(ChannexChannelManager channex) : IConnectionTester
{
    public IntegrationVendor Vendor => IntegrationVendor.Channex;

    public async Task<ConnectionTestResult> TestAsync(Guid hotelId, CancellationToken cancellationToken)
    {
        try
        {
            if (await channex.KeysAsync(hotelId, cancellationToken) is not { } keys)
            {
                return new ConnectionTestResult(true, "Demo mode: a simulated Channex property mirroring your room types and rate plans, with OTA bookings and guest messages now and then.");
            }

            var root = await channex.CallAsync(hotelId, keys, HttpMethod.Get, $"room_types?filter[property_id]={Uri.EscapeDataString(keys.PropertyId)}&pagination[page]=1&pagination[limit]=1", null, "GET room_types",
                r => "connection test", cancellationToken);
            var total = ChannexJson.Int(ChannexJson.Child(root, "meta"), "total") ?? ChannexJson.Array(root, "data").Count();
            return new ConnectionTestResult(true, $"Connected to Channex: the property has {total.ToString(CultureInfo.InvariantCulture)} room type{(total == 1 ? "" : "s")}.");
        }
        catch (ChannelManagerException ex)
        {
            return new ConnectionTestResult(false, $"Channex refused the key or could not be reached: {ex.Message}");
        }
    }
}
