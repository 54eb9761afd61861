using Stayfull.Domain.Integrations;
using Stayfull.Domain.SmartRooms;

namespace Stayfull.Integrations.Seam;

/// <summary>Proves the API key (and workspace) with <c>POST /devices/list</c> asking for one device.</summary>
public sealed class SeamConnectionTester(SeamSmartRoomHub hub) : IConnectionTester
{
    public IntegrationVendor Vendor => IntegrationVendor.Seam;

    public async Task<ConnectionTestResult> TestAsync(Guid hotelId, CancellationToken cancellationToken)
    {
        if (await hub.KeysAsync(hotelId, cancellationToken) is not { } keys)
        {
            return new ConnectionTestResult(true, "Demo mode: a simulated Seam workspace with a lock and a thermostat per room.");
        }

        try
        {
            await hub.CallAsync(hotelId, keys, "devices/list", new() { ["limit"] = 1 }, _ => "connection test", cancellationToken);
            return new ConnectionTestResult(true, "Connected to Seam.");
        }
        catch (SmartRoomHubException ex)
        {
            return new ConnectionTestResult(false, $"Seam refused the key or could not be reached: {ex.Message}");
        }
    }
}
