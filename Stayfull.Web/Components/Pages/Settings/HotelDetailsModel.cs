using Stayfull.Domain.Hotels;

namespace Stayfull.Web.Components.Pages.Settings;

/// <summary>The hotel details form: what the person edits, and the version they started from.</summary>
public sealed class HotelDetailsModel
{
    public int Version { get; set; }

    public string Name { get; set; } = "";

    public string TimeZoneId { get; set; } = "";

    public string Currency { get; set; } = "";

    public TimeSpan? CheckIn { get; set; }

    public TimeSpan? CheckOut { get; set; }

    public string Line1 { get; set; } = "";

    public string City { get; set; } = "";

    public string PostalCode { get; set; } = "";

    public string CountryCode { get; set; } = "";

    public TimeOnly CheckInTime => CheckIn is { } t ? TimeOnly.FromTimeSpan(t) : default;

    public TimeOnly CheckOutTime => CheckOut is { } t ? TimeOnly.FromTimeSpan(t) : default;

    public Address Address => new(Line1.Trim(), City.Trim(), PostalCode.Trim(), CountryCode.Trim().ToUpperInvariant());

    public static HotelDetailsModel From(Hotel hotel) => new()
    {
        Version = hotel.Version,
        Name = hotel.Name,
        TimeZoneId = hotel.TimeZoneId,
        Currency = hotel.Currency,
        CheckIn = hotel.CheckInTime.ToTimeSpan(),
        CheckOut = hotel.CheckOutTime.ToTimeSpan(),
        Line1 = hotel.Address.Line1,
        City = hotel.Address.City,
        PostalCode = hotel.Address.PostalCode,
        CountryCode = hotel.Address.CountryCode,
    };
}
