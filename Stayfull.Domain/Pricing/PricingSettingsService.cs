using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Stayfull.Domain.Common;
using Stayfull.Domain.Live;
using Stayfull.Domain.Sessions;
using Stayfull.Domain.Tenancy;

namespace Stayfull.Domain.Pricing;

/// <summary>A room type's guardrails and autopilot as the settings page edits them (defaults when never saved: version 0).</summary>
public sealed record RoomTypePricingView(Guid RoomTypeId, string Code, string Name, long BaseRateMinor, long FloorMinor, long CeilingMinor, decimal MaxDailyChange, bool Autopilot, decimal AutopilotMaxChange, int Version);

/// <summary>The hotel's weights and alert thresholds (version 0 when never saved).</summary>
public sealed record PricingSettingsView(PricingWeights Weights, decimal UndercutThreshold, decimal PaceThreshold, int Version);

public sealed record DemandEventView(Guid Id, string Name, DateOnly From, DateOnly To, decimal ExpectedUplift);

/// <summary>
/// A manager's pricing settings: guardrails and autopilot per room type, weights, alert thresholds and
/// local events. Every refusal says what to fix; every change is audited and makes the hotel's
/// recommendations due for a recompute.
/// </summary>
public sealed class PricingSettingsService(HotelSessions sessions, PricingRecomputeSignals signals)
{
    public const decimal MinUplift = -0.5m;
    public const decimal MaxUplift = 2m;

    public Task<IReadOnlyList<RoomTypePricingView>> RoomTypesAsync(CancellationToken cancellationToken) =>
        sessions.ReadAsync<IReadOnlyList<RoomTypePricingView>>(async s =>
        {
            s.Staff.Require(StaffRole.Manager, "see pricing settings");
            var types = await s.Db.RoomTypes.OrderBy(t => t.Code).ToListAsync(cancellationToken);
            var stored = await s.Db.RoomTypePricing.ToDictionaryAsync(p => p.RoomTypeId, cancellationToken);
            return [.. types.Select(t =>
            {
                var p = stored.GetValueOrDefault(t.Id) ?? RoomTypePricing.DefaultFor(s.HotelId, t.Id, t.BaseRateMinor);
                return new RoomTypePricingView(t.Id, t.Code, t.Name, t.BaseRateMinor, p.FloorMinor, p.CeilingMinor, p.MaxDailyChange, p.Autopilot, p.AutopilotMaxChange, p.Version);
            })];
        }, cancellationToken);

    /// <param name="expectedVersion">The version the manager edited; another one means someone saved first.</param>
    public Task SaveRoomTypeAsync(Guid roomTypeId, int expectedVersion, RateGuardrails guardrails, bool autopilot, decimal autopilotMaxChange, CancellationToken cancellationToken) =>
        sessions.WriteAsync(async s =>
        {
            s.Staff.Require(StaffRole.Manager, "change guardrails");
            var problems = guardrails.Problems().ToList();
            if (autopilotMaxChange <= 0 || autopilotMaxChange >= guardrails.MaxDailyChange)
            {
                problems.Add($"The autopilot's largest change must be above 0 % and tighter than the largest daily change ({Percent(guardrails.MaxDailyChange)}).");
            }

            Refuse("guardrails", problems);
            var type = await s.Db.RoomTypes.SingleOrDefaultAsync(t => t.Id == roomTypeId, cancellationToken) ?? throw new NotFoundException("Room type");
            var pricing = await s.Db.RoomTypePricing.SingleOrDefaultAsync(p => p.RoomTypeId == roomTypeId, cancellationToken);
            CheckVersion(pricing?.Version ?? 0, expectedVersion, $"the guardrails of {type.Name}");
            if (pricing is null)
            {
                pricing = RoomTypePricing.DefaultFor(s.HotelId, type.Id, type.BaseRateMinor);
                s.Db.RoomTypePricing.Add(pricing);
            }

            pricing.Change(guardrails, autopilot, autopilotMaxChange);
            s.Audit(nameof(RoomTypePricing), type.Id, "GuardrailsChanged", new { type.Code, guardrails.FloorMinor, guardrails.CeilingMinor, guardrails.MaxDailyChange, Autopilot = autopilot, AutopilotMaxChange = autopilotMaxChange });
            Changed(s, $"Guardrails of {type.Name} changed");
        }, cancellationToken);

    public Task<PricingSettingsView> SettingsAsync(CancellationToken cancellationToken) =>
        sessions.ReadAsync(async s =>
        {
            s.Staff.Require(StaffRole.Manager, "see pricing settings");
            var settings = await s.Db.PricingSettings.SingleOrDefaultAsync(cancellationToken) ?? new HotelPricingSettings(s.HotelId);
            return new PricingSettingsView(settings.Weights, settings.UndercutThreshold, settings.PaceThreshold, settings.Version);
        }, cancellationToken);

    public Task SaveSettingsAsync(int expectedVersion, PricingWeights weights, decimal undercutThreshold, decimal paceThreshold, CancellationToken cancellationToken) =>
        sessions.WriteAsync(async s =>
        {
            s.Staff.Require(StaffRole.Manager, "change pricing weights");
            var problems = weights.Problems().ToList();
            if (undercutThreshold is <= 0 or > 1)
            {
                problems.Add("The undercut alert threshold must be more than 0 % and at most 100 %.");
            }

            if (paceThreshold is <= 0 or > 1)
            {
                problems.Add("The pace alert threshold must be more than 0 and at most 100 points.");
            }

            Refuse("settings", problems);
            var settings = await s.Db.PricingSettings.SingleOrDefaultAsync(cancellationToken);
            CheckVersion(settings?.Version ?? 0, expectedVersion, "the pricing weights");
            if (settings is null)
            {
                settings = new HotelPricingSettings(s.HotelId);
                s.Db.PricingSettings.Add(settings);
            }

            settings.Change(weights, undercutThreshold, paceThreshold);
            s.Audit(nameof(HotelPricingSettings), s.HotelId, "WeightsChanged", new { Weights = weights, UndercutThreshold = undercutThreshold, PaceThreshold = paceThreshold });
            Changed(s, "Pricing weights changed");
        }, cancellationToken);

    public Task<IReadOnlyList<DemandEventView>> EventsAsync(CancellationToken cancellationToken) =>
        sessions.ReadAsync<IReadOnlyList<DemandEventView>>(async s =>
        {
            s.Staff.Require(StaffRole.Manager, "see local events");
            return await s.Db.DemandEvents.OrderBy(e => e.From).ThenBy(e => e.Name)
                .Select(e => new DemandEventView(e.Id, e.Name, e.From, e.To, e.ExpectedUplift))
                .ToListAsync(cancellationToken);
        }, cancellationToken);

    public Task<Guid> AddEventAsync(string name, DateOnly from, DateOnly to, decimal expectedUplift, CancellationToken cancellationToken) =>
        sessions.WriteAsync(s =>
        {
            s.Staff.Require(StaffRole.Manager, "add local events");
            var trimmed = CheckEvent(name, from, to, expectedUplift);
            var demand = new DemandEvent(s.HotelId, trimmed, from, to, expectedUplift);
            s.Db.DemandEvents.Add(demand);
            s.Audit(nameof(DemandEvent), demand.Id, "Added", new { Name = trimmed, From = from, To = to, ExpectedUplift = expectedUplift });
            Changed(s, $"Local event {trimmed} added");
            return Task.FromResult(demand.Id);
        }, cancellationToken);

    public Task ChangeEventAsync(Guid eventId, string name, DateOnly from, DateOnly to, decimal expectedUplift, CancellationToken cancellationToken) =>
        sessions.WriteAsync(async s =>
        {
            s.Staff.Require(StaffRole.Manager, "change local events");
            var trimmed = CheckEvent(name, from, to, expectedUplift);
            var demand = await s.Db.DemandEvents.SingleOrDefaultAsync(e => e.Id == eventId, cancellationToken) ?? throw new NotFoundException("Local event");
            demand.Change(trimmed, from, to, expectedUplift);
            s.Audit(nameof(DemandEvent), demand.Id, "Changed", new { Name = trimmed, From = from, To = to, ExpectedUplift = expectedUplift });
            Changed(s, $"Local event {trimmed} changed");
        }, cancellationToken);

    public Task RemoveEventAsync(Guid eventId, CancellationToken cancellationToken) =>
        sessions.WriteAsync(async s =>
        {
            s.Staff.Require(StaffRole.Manager, "remove local events");
            var demand = await s.Db.DemandEvents.SingleOrDefaultAsync(e => e.Id == eventId, cancellationToken) ?? throw new NotFoundException("Local event");
            s.Db.DemandEvents.Remove(demand);
            s.Audit(nameof(DemandEvent), demand.Id, "Removed", new { demand.Name, demand.From, demand.To });
            Changed(s, $"Local event {demand.Name} removed");
        }, cancellationToken);

    private static string CheckEvent(string name, DateOnly from, DateOnly to, decimal expectedUplift)
    {
        var problems = new List<string>();
        var trimmed = name?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            problems.Add("Give the event a name.");
        }
        else if (trimmed.Length > 200)
        {
            problems.Add("The event's name must be at most 200 characters.");
        }

        if (to < from)
        {
            problems.Add("The event must not end before it starts.");
        }

        if (expectedUplift < MinUplift || expectedUplift > MaxUplift)
        {
            problems.Add($"The expected demand change must be between {Percent(MinUplift)} and +{Percent(MaxUplift)}.");
        }

        Refuse("event", problems);
        return trimmed;
    }

    private static void Refuse(string field, List<string> problems)
    {
        if (problems.Count > 0)
        {
            throw new ValidationException(new Dictionary<string, string[]> { [field] = [.. problems] });
        }
    }

    private static void CheckVersion(int stored, int expected, string what)
    {
        if (stored != expected)
        {
            throw new ConcurrencyConflictException($"Someone else changed {what} in the meantime; reload to see theirs before saving yours.");
        }
    }

    private void Changed(HotelSession s, string summary)
    {
        s.Announce(ChangeTopic.Settings, null, summary);
        var hotelId = s.HotelId;
        s.AfterSave(() => signals.SettingsChanged(hotelId));
    }

    private static string Percent(decimal share) => (share * 100).ToString("0.##", CultureInfo.InvariantCulture) + " %";
}
