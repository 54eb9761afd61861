using Microsoft.EntityFrameworkCore;
using Stayfull.Domain.Data;

namespace Stayfull.Domain.Integrations;

/// <summary>For adapters: a hotel's live credentials for a vendor, or null when the hotel is in demo mode.</summary>
public sealed class ConnectionCredentialsStore(StayfullDb database, ICredentialProtector protector)
{
    public async Task<VendorCredentials?> GetAsync(Guid hotelId, IntegrationVendor vendor, CancellationToken cancellationToken)
    {
        await using var db = database.ForHotel(hotelId);
        var connection = await db.IntegrationConnections.AsNoTracking().FirstOrDefaultAsync(c => c.Vendor == vendor, cancellationToken);
        return connection is { IsLive: true, ProtectedCredentials: { } sealedText }
            ? VendorCredentials.Deserialize(protector.Unprotect(sealedText))
            : null;
    }
}
