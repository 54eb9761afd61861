using System.Globalization;
using Stayfull.Domain.Common;
using Stayfull.Domain.Tenancy;

namespace Stayfull.Domain.SmartRooms.Climate;

/// <summary>
/// A hotel's climate policy for its rooms: the comfort band a guest finds, the wider eco band a vacant room
/// rests in, how long before arrival a room starts reaching comfort, and the power one room is estimated
/// to save while in eco. A hotel that never saved its own has <see cref="Defaults"/>.
/// </summary>
public sealed class ClimateSettings : ITenantOwned
{
    /// <summary>Set points outside this range are not a hotel room's climate (and most thermostats refuse them).</summary>
    public const decimal LowestCelsius = 5m;

    public const decimal HighestCelsius = 35m;

    /// <summary>Thermostats need a gap between heating and cooling in heat-cool mode.</summary>
    public const decimal MinimumBandCelsius = 1m;

    public const int ShortestLeadMinutes = 15;

    public const int LongestLeadMinutes = 24 * 60;

    public const decimal MostKilowattsPerRoom = 10m;

    private ClimateSettings()
    {
    }

    private ClimateSettings(Guid hotelId)
    {
        Id = Guid.CreateVersion7();
        HotelId = hotelId;
        ComfortHeatingCelsius = 20m;
        ComfortCoolingCelsius = 24m;
        EcoHeatingCelsius = 16m;
        EcoCoolingCelsius = 28m;
        PreConditionMinutes = 120;
        EcoSavingKilowatts = 0.5m;
    }

    public Guid Id { get; private set; }

    public Guid HotelId { get; private set; }

    public decimal ComfortHeatingCelsius { get; private set; }

    public decimal ComfortCoolingCelsius { get; private set; }

    public decimal EcoHeatingCelsius { get; private set; }

    public decimal EcoCoolingCelsius { get; private set; }

    /// <summary>How long before the guest's check-in time the room is brought to comfort.</summary>
    public int PreConditionMinutes { get; private set; }

    /// <summary>Estimated power one room saves while it rests in eco, in kW.</summary>
    public decimal EcoSavingKilowatts { get; private set; }

    /// <summary>0 for settings never saved (the defaults); bumped on every save.</summary>
    public int Version { get; private set; }

    public TimeSpan PreConditionLead => TimeSpan.FromMinutes(PreConditionMinutes);

    /// <summary>20–24 °C comfort, 16–28 °C eco, two hours ahead, 0.5 kW saved per room in eco.</summary>
    public static ClimateSettings Defaults(Guid hotelId) => new(hotelId);

    public (decimal Heating, decimal Cooling) SetPointsFor(ClimateMode mode) => mode switch
    {
        ClimateMode.Comfort => (ComfortHeatingCelsius, ComfortCoolingCelsius),
        ClimateMode.Eco => (EcoHeatingCelsius, EcoCoolingCelsius),
        _ => (0m, 0m),
    };

    /// <summary>Applies new values, or refuses them all with every reason at once.</summary>
    public void Update(ClimateSettingsValues values)
    {
        var errors = Validate(values);
        if (errors.Count > 0)
        {
            throw new ValidationException(errors);
        }

        ComfortHeatingCelsius = values.ComfortHeatingCelsius;
        ComfortCoolingCelsius = values.ComfortCoolingCelsius;
        EcoHeatingCelsius = values.EcoHeatingCelsius;
        EcoCoolingCelsius = values.EcoCoolingCelsius;
        PreConditionMinutes = values.PreConditionMinutes;
        EcoSavingKilowatts = values.EcoSavingKilowatts;
        Version++;
    }

    public ClimateSettingsValues Values => new(ComfortHeatingCelsius, ComfortCoolingCelsius, EcoHeatingCelsius, EcoCoolingCelsius, PreConditionMinutes, EcoSavingKilowatts);

    /// <returns>Field name to the reasons it is refused; empty when the values make sense.</returns>
    public static Dictionary<string, string[]> Validate(ClimateSettingsValues v)
    {
        var errors = new Dictionary<string, List<string>>();
        void Add(string field, string message)
        {
            if (!errors.TryGetValue(field, out var list))
            {
                errors[field] = list = [];
            }

            list.Add(message);
        }

        foreach (var (field, label, value) in new[]
        {
            (nameof(v.ComfortHeatingCelsius), "comfort heating", v.ComfortHeatingCelsius),
            (nameof(v.ComfortCoolingCelsius), "comfort cooling", v.ComfortCoolingCelsius),
            (nameof(v.EcoHeatingCelsius), "eco heating", v.EcoHeatingCelsius),
            (nameof(v.EcoCoolingCelsius), "eco cooling", v.EcoCoolingCelsius),
        })
        {
            if (value is < LowestCelsius or > HighestCelsius)
            {
                Add(field, $"The {label} set point must be between {Celsius(LowestCelsius)} and {Celsius(HighestCelsius)}.");
            }
        }

        if (v.ComfortCoolingCelsius - v.ComfortHeatingCelsius < MinimumBandCelsius)
        {
            Add(nameof(v.ComfortCoolingCelsius), $"In comfort, cooling must start at least {Celsius(MinimumBandCelsius)} above where heating stops.");
        }

        if (v.EcoCoolingCelsius - v.EcoHeatingCelsius < MinimumBandCelsius)
        {
            Add(nameof(v.EcoCoolingCelsius), $"In eco, cooling must start at least {Celsius(MinimumBandCelsius)} above where heating stops.");
        }

        if (v.EcoHeatingCelsius > v.ComfortHeatingCelsius)
        {
            Add(nameof(v.EcoHeatingCelsius), "Eco heating must be at or below comfort heating, or a vacant room is kept warmer than an occupied one.");
        }

        if (v.EcoCoolingCelsius < v.ComfortCoolingCelsius)
        {
            Add(nameof(v.EcoCoolingCelsius), "Eco cooling must be at or above comfort cooling, or a vacant room is kept cooler than an occupied one.");
        }

        if (v.EcoHeatingCelsius == v.ComfortHeatingCelsius && v.EcoCoolingCelsius == v.ComfortCoolingCelsius)
        {
            Add(nameof(v.EcoHeatingCelsius), "The eco band must be wider than the comfort band, or eco saves nothing.");
        }

        if (v.PreConditionMinutes is < ShortestLeadMinutes or > LongestLeadMinutes)
        {
            Add(nameof(v.PreConditionMinutes), $"Start between {ShortestLeadMinutes} minutes and {LongestLeadMinutes / 60} hours before arrival.");
        }

        if (v.EcoSavingKilowatts is <= 0 or > MostKilowattsPerRoom)
        {
            Add(nameof(v.EcoSavingKilowatts), $"The power saved per room must be above 0 and at most {MostKilowattsPerRoom.ToString(CultureInfo.CurrentCulture)} kW.");
        }

        return errors.ToDictionary(e => e.Key, e => e.Value.ToArray());
    }

    private static string Celsius(decimal value) => value.ToString("0.#", CultureInfo.CurrentCulture) + " °C";
}

/// <summary>What a manager edits on the climate settings page.</summary>
public sealed record ClimateSettingsValues(
    decimal ComfortHeatingCelsius,
    decimal ComfortCoolingCelsius,
    decimal EcoHeatingCelsius,
    decimal EcoCoolingCelsius,
    int PreConditionMinutes,
    decimal EcoSavingKilowatts);
