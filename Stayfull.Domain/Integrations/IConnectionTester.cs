namespace Stayfull.Domain.Integrations;

/// <summary>Port: a cheap authenticated call that proves a vendor's credentials work (or that demo mode answers).</summary>
public interface IConnectionTester
{
    IntegrationVendor Vendor { get; }

    Task<ConnectionTestResult> TestAsync(Guid hotelId, CancellationToken cancellationToken);
}

public sealed record ConnectionTestResult(bool Succeeded, string Message);
