using Stayfull.Domain.Pricing;

namespace Stayfull.Web.Components.Pages.Settings.Pricing;

/// <summary>The hotel's weights and alert thresholds as the form edits them: weights as they are, shares in percent.</summary>
public sealed class WeightsModel
{
    public decimal Competitors { get; set; }

    public decimal Occupancy { get; set; }

    public decimal Pickup { get; set; }

    public decimal NormalWeeklyPickupPercent { get; set; }

    public decimal LastYear { get; set; }

    public decimal TargetOccupancyPercent { get; set; }

    public decimal Events { get; set; }

    public int LastMinuteDays { get; set; }

    public decimal LastMinuteDiscountPercent { get; set; }

    public int FarOutDays { get; set; }

    public decimal FarOutPremiumPercent { get; set; }

    public decimal MaxFactorSharePercent { get; set; }

    public Dictionary<DayOfWeek, decimal> DayOfWeekPercent { get; } = [];

    public decimal UndercutPercent { get; set; }

    public decimal PacePoints { get; set; }

    public static WeightsModel From(PricingWeights w, decimal undercut, decimal pace)
    {
        var model = new WeightsModel
        {
            Competitors = w.Competitors,
            Occupancy = w.Occupancy,
            Pickup = w.Pickup,
            NormalWeeklyPickupPercent = w.NormalWeeklyPickup * 100,
            LastYear = w.LastYear,
            TargetOccupancyPercent = w.TargetOccupancy * 100,
            Events = w.Events,
            LastMinuteDays = w.LastMinuteDays,
            LastMinuteDiscountPercent = w.LastMinuteDiscount * 100,
            FarOutDays = w.FarOutDays,
            FarOutPremiumPercent = w.FarOutPremium * 100,
            MaxFactorSharePercent = w.MaxFactorShare * 100,
            UndercutPercent = undercut * 100,
            PacePoints = pace * 100,
        };
        foreach (var day in Enum.GetValues<DayOfWeek>())
        {
            model.DayOfWeekPercent[day] = w.DayOfWeekUplift.GetValueOrDefault(day) * 100;
        }

        return model;
    }

    public PricingWeights Weights() => new()
    {
        Competitors = Competitors,
        Occupancy = Occupancy,
        Pickup = Pickup,
        NormalWeeklyPickup = NormalWeeklyPickupPercent / 100,
        LastYear = LastYear,
        TargetOccupancy = TargetOccupancyPercent / 100,
        Events = Events,
        LastMinuteDays = LastMinuteDays,
        LastMinuteDiscount = LastMinuteDiscountPercent / 100,
        FarOutDays = FarOutDays,
        FarOutPremium = FarOutPremiumPercent / 100,
        MaxFactorShare = MaxFactorSharePercent / 100,
        DayOfWeekUplift = DayOfWeekPercent.ToDictionary(d => d.Key, d => d.Value / 100),
    };
}
