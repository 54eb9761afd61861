using Stayfull.Domain.Tenancy;

namespace Stayfull.Domain.Integrations;

public enum IntegrationDirection
{
    Outbound = 0,
    Inbound = 1,
}

/// <summary>One call to a vendor or one webhook from it. <see cref="Summary"/> is redacted: no secrets, no card data.</summary>
public sealed class IntegrationLogEntry : ITenantOwned
{
    private IntegrationLogEntry()
    {
    }

    public IntegrationLogEntry(Guid hotelId, DateTimeOffset at, IntegrationVendor vendor, IntegrationDirection direction, string operation, bool succeeded, int? httpStatus, long durationMs, string summary, bool isDemo)
    {
        Id = Guid.CreateVersion7();
        HotelId = hotelId;
        At = at;
        Vendor = vendor;
        Direction = direction;
        Operation = Clip(operation, 100);
        Succeeded = succeeded;
        HttpStatus = httpStatus;
        DurationMs = durationMs;
        Summary = Clip(summary, 1000);
        IsDemo = isDemo;
    }

    public Guid Id { get; private set; }

    public Guid HotelId { get; private set; }

    public DateTimeOffset At { get; private set; }

    public IntegrationVendor Vendor { get; private set; }

    public IntegrationDirection Direction { get; private set; }

    public string Operation { get; private set; } = "";

    public bool Succeeded { get; private set; }

    public int? HttpStatus { get; private set; }

    public long DurationMs { get; private set; }

    public string Summary { get; private set; } = "";

    /// <summary>Served by the demo implementation, not the vendor.</summary>
    public bool IsDemo { get; private set; }

    private static string Clip(string text, int length) => text.Length > length ? text[..length] : text;
}
