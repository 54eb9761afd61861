using Stayfull.Domain.SmartRooms.Climate;

namespace Stayfull.Web.Components.Pages.Settings;

/// <summary>The climate settings form: set points in °C, the lead time in hours, the kW figure, and the version they started from.</summary>
public sealed class ClimateSettingsModel
{
    public int Version { get; set; }

    public decimal ComfortHeating { get; set; }

    public decimal ComfortCooling { get; set; }

    public decimal EcoHeating { get; set; }

    public decimal EcoCooling { get; set; }

    public decimal LeadHours { get; set; }

    public decimal Kilowatts { get; set; }

    public ClimateSettingsValues Values => new(ComfortHeating, ComfortCooling, EcoHeating, EcoCooling, (int)Math.Round(LeadHours * 60m), Kilowatts);

    public static ClimateSettingsModel From(ClimateSettings settings) => new()
    {
        Version = settings.Version,
        ComfortHeating = settings.ComfortHeatingCelsius,
        ComfortCooling = settings.ComfortCoolingCelsius,
        EcoHeating = settings.EcoHeatingCelsius,
        EcoCooling = settings.EcoCoolingCelsius,
        LeadHours = Math.Round(settings.PreConditionMinutes / 60m, 2),
        Kilowatts = settings.EcoSavingKilowatts,
    };
}
