using Microsoft.EntityFrameworkCore;
using Stayfull.Domain.Common;
using Stayfull.Domain.Live;
using Stayfull.Domain.Sessions;
using Stayfull.Domain.Tenancy;

namespace Stayfull.Domain.SmartRooms.Climate;

/// <summary>The hotel's climate settings: read by anyone on staff, changed by a manager.</summary>
public sealed class ClimateSettingsService(HotelSessions sessions)
{
    /// <summary>The saved settings, or the defaults (version 0) when the hotel never saved its own.</summary>
    public Task<ClimateSettings> GetAsync(CancellationToken cancellationToken) =>
        sessions.ReadAsync(s => ClimateFlows.SettingsAsync(s, cancellationToken), cancellationToken);

    /// <param name="expectedVersion">The version the manager edited; a different one means someone else saved first.</param>
    public Task<ClimateSettings> SaveAsync(int expectedVersion, ClimateSettingsValues values, CancellationToken cancellationToken) =>
        sessions.WriteAsync(async s =>
        {
            s.Staff.Require(StaffRole.Manager, "change the climate settings");
            var settings = await s.Db.ClimateSettings.FirstOrDefaultAsync(cancellationToken);
            if ((settings?.Version ?? 0) != expectedVersion)
            {
                throw new ConcurrencyConflictException("Someone else saved the climate settings after you opened them. Reload to see their change.");
            }

            if (settings is null)
            {
                settings = ClimateSettings.Defaults(s.HotelId);
                s.Db.ClimateSettings.Add(settings);
            }

            var before = settings.Values;
            settings.Update(values);
            s.Audit(nameof(ClimateSettings), settings.Id, "Updated", new { Before = before, After = values });
            s.Announce(ChangeTopic.Settings, settings.Id, "Climate settings changed");
            return settings;
        }, cancellationToken);
}
