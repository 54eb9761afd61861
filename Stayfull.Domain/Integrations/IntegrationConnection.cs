using Stayfull.Domain.Tenancy;

namespace Stayfull.Domain.Integrations;

/// <summary>
/// A hotel's link to one vendor: its credentials (encrypted, never shown back), whether it is on,
/// and how its last calls went. A hotel without live credentials uses the vendor's demo mode.
/// </summary>
public sealed class IntegrationConnection : ITenantOwned
{
    private IntegrationConnection()
    {
    }

    public IntegrationConnection(Guid hotelId, IntegrationVendor vendor)
    {
        Id = Guid.CreateVersion7();
        HotelId = hotelId;
        Vendor = vendor;
    }

    public Guid Id { get; private set; }

    public Guid HotelId { get; private set; }

    public IntegrationVendor Vendor { get; private set; }

    /// <summary>The credentials as encrypted JSON; null in demo mode.</summary>
    public string? ProtectedCredentials { get; private set; }

    /// <summary>At most the last four characters of the main key, so staff can tell keys apart.</summary>
    public string CredentialHint { get; private set; } = "";

    public bool IsActive { get; private set; }

    public DateTimeOffset? ConnectedAt { get; private set; }

    public string? ConnectedBy { get; private set; }

    public DateTimeOffset? LastSuccessAt { get; private set; }

    public DateTimeOffset? LastErrorAt { get; private set; }

    public string? LastError { get; private set; }

    public int ErrorCount { get; private set; }

    public int Version { get; private set; }

    /// <summary>Live credentials are present and switched on; otherwise the demo implementation serves the hotel.</summary>
    public bool IsLive => IsActive && ProtectedCredentials is not null;

    public void Connect(string protectedCredentials, string hint, string by, DateTimeOffset now)
    {
        ProtectedCredentials = protectedCredentials;
        CredentialHint = hint.Length > 4 ? hint[^4..] : hint;
        IsActive = true;
        ConnectedAt = now;
        ConnectedBy = by;
        ErrorCount = 0;
        LastError = null;
        Version++;
    }

    /// <summary>Forgets the credentials; the hotel falls back to demo mode.</summary>
    public void Disconnect()
    {
        ProtectedCredentials = null;
        CredentialHint = "";
        IsActive = false;
        Version++;
    }

    public void RecordSuccess(DateTimeOffset now)
    {
        LastSuccessAt = now;
        ErrorCount = 0;
        Version++;
    }

    public void RecordFailure(string error, DateTimeOffset now)
    {
        LastErrorAt = now;
        LastError = error.Length > 500 ? error[..500] : error;
        ErrorCount++;
        Version++;
    }
}
