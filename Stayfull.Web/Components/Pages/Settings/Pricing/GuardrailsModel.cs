using Stayfull.Domain.Common;
using Stayfull.Domain.Pricing;

namespace Stayfull.Web.Components.Pages.Settings.Pricing;

/// <summary>One room type's guardrails as the form edits them: money in major units, changes in percent.</summary>
public sealed class GuardrailsModel
{
    public required RoomTypePricingView View { get; init; }

    public decimal Floor { get; set; }

    public decimal Ceiling { get; set; }

    public decimal MaxDailyChangePercent { get; set; }

    public bool Autopilot { get; set; }

    public decimal AutopilotPercent { get; set; }

    public string? Error { get; set; }

    public static GuardrailsModel From(RoomTypePricingView view, string currency) => new()
    {
        View = view,
        Floor = new Money(view.FloorMinor, currency).Major,
        Ceiling = new Money(view.CeilingMinor, currency).Major,
        MaxDailyChangePercent = view.MaxDailyChange * 100,
        Autopilot = view.Autopilot,
        AutopilotPercent = view.AutopilotMaxChange * 100,
    };

    public RateGuardrails Guardrails(string currency) =>
        new(Money.FromMajor(Floor, currency).Minor, Money.FromMajor(Ceiling, currency).Minor, MaxDailyChangePercent / 100);
}
