using System.Globalization;
using Stayfull.Domain.Common;
using Stayfull.Domain.Upsells;

namespace Stayfull.Web.Components.Pages.Settings;

/// <summary>The upsell settings form: prices in major units of the hotel's currency, hours as times of day.</summary>
public sealed class UpsellSettingsModel
{
    public bool EarlyEnabled { get; set; }

    public string EarlyFrom { get; set; } = "";

    public decimal EarlyPrice { get; set; }

    public bool LateEnabled { get; set; }

    public string LateUntil { get; set; } = "";

    public decimal LatePrice { get; set; }

    public UpsellSettingsValues Values(string currency) => new(
        EarlyEnabled,
        Time(EarlyFrom),
        Money.FromMajor(EarlyPrice, currency).Minor,
        LateEnabled,
        Time(LateUntil),
        Money.FromMajor(LatePrice, currency).Minor);

    public static UpsellSettingsModel From(UpsellSettings settings, string currency) => new()
    {
        EarlyEnabled = settings.EarlyCheckInEnabled,
        EarlyFrom = settings.EarlyCheckInFrom.ToString("HH:mm", CultureInfo.InvariantCulture),
        EarlyPrice = new Money(settings.EarlyCheckInPriceMinor, currency).Major,
        LateEnabled = settings.LateCheckOutEnabled,
        LateUntil = settings.LateCheckOutUntil.ToString("HH:mm", CultureInfo.InvariantCulture),
        LatePrice = new Money(settings.LateCheckOutPriceMinor, currency).Major,
    };

    /// <summary>The browser's time input sends 24-hour "HH:mm"; anything else is midnight, which the hotel's hours refuse.</summary>
    private static TimeOnly Time(string text) =>
        TimeOnly.TryParseExact(text, ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time : TimeOnly.MinValue;
}
