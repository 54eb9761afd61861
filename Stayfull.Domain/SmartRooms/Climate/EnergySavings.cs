using Microsoft.EntityFrameworkCore;
using Stayfull.Domain.Sessions;

namespace Stayfull.Domain.SmartRooms.Climate;

/// <summary>Estimated energy saved over a period: hours thermostats spent in eco by our request, times the hotel's kW per room.</summary>
public sealed record EnergySaved(DateTimeOffset From, DateTimeOffset To, double EcoHours, decimal KilowattsPerRoom)
{
    public double KilowattHours => EcoHours * (double)KilowattsPerRoom;
}

/// <summary>The energy the hotel's eco set-backs saved, for the manager's dashboard.</summary>
public sealed class EnergySavings(HotelSessions sessions)
{
    /// <summary>From <paramref name="days"/> days ago until now.</summary>
    public Task<EnergySaved> LastDaysAsync(int days, CancellationToken cancellationToken) =>
        sessions.ReadAsync(s => ComputeAsync(s, s.Now.AddDays(-days), s.Now, cancellationToken), cancellationToken);

    /// <summary>Within [from, to); a period still open counts until now, and only its part inside the range counts.</summary>
    public Task<EnergySaved> BetweenAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        sessions.ReadAsync(s => ComputeAsync(s, from, to, cancellationToken), cancellationToken);

    private static async Task<EnergySaved> ComputeAsync(HotelSession s, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var settings = await ClimateFlows.SettingsAsync(s, cancellationToken);
        var periods = await s.Db.EcoPeriods
            .Where(p => p.StartedAt < to && (p.EndedAt == null || p.EndedAt > from))
            .ToListAsync(cancellationToken);
        var hours = periods.Sum(p => p.HoursWithin(from, to, s.Now));
        return new EnergySaved(from, to, hours, settings.EcoSavingKilowatts);
    }
}
