namespace Stayfull.Web.Components.Pages.Settings;

/// <summary>The time zones and currencies offered in pick lists (sign-up and hotel settings).</summary>
public static class HotelChoices
{
    public static IReadOnlyList<string> TimeZones { get; } =
    [
        "Europe/Lisbon", "Europe/London", "Europe/Dublin", "Europe/Madrid", "Europe/Paris", "Europe/Amsterdam",
        "Europe/Brussels", "Europe/Berlin", "Europe/Zurich", "Europe/Vienna", "Europe/Rome", "Europe/Prague",
        "Europe/Warsaw", "Europe/Stockholm", "Europe/Copenhagen", "Europe/Oslo", "Europe/Helsinki", "Europe/Athens",
        "Europe/Istanbul", "Atlantic/Madeira", "Atlantic/Azores", "Atlantic/Canary", "Africa/Casablanca", "Africa/Cairo",
        "Africa/Johannesburg", "Asia/Dubai", "Asia/Kolkata", "Asia/Bangkok", "Asia/Singapore", "Asia/Hong_Kong",
        "Asia/Tokyo", "Australia/Sydney", "Pacific/Auckland", "America/New_York", "America/Chicago", "America/Denver",
        "America/Los_Angeles", "America/Toronto", "America/Mexico_City", "America/Sao_Paulo", "America/Buenos_Aires", "UTC",
    ];

    public static IReadOnlyList<string> Currencies { get; } =
    [
        "EUR", "GBP", "USD", "CHF", "SEK", "NOK", "DKK", "PLN", "CZK", "TRY", "MAD", "ZAR", "AED", "INR", "THB", "SGD",
        "HKD", "JPY", "AUD", "NZD", "CAD", "MXN", "BRL", "ARS",
    ];

    /// <summary>The list, plus <paramref name="current"/> when a hotel already uses a zone the list lacks.</summary>
    public static IReadOnlyList<string> TimeZonesWith(string current) =>
        string.IsNullOrEmpty(current) || TimeZones.Contains(current) ? TimeZones : [current, .. TimeZones];
}
