using Microsoft.EntityFrameworkCore;
using Stayfull.Domain.Common;
using Stayfull.Domain.Live;
using Stayfull.Domain.Sessions;
using Stayfull.Domain.Tenancy;

namespace Stayfull.Domain.Pricing;

/// <summary>A rate alert as the dashboard and the console show it.</summary>
public sealed record RateAlertView(Guid Id, RateAlertKind Kind, Guid RoomTypeId, string RoomType, DateOnly Date, string Message, DateTimeOffset RaisedAt);

/// <summary>The open rate alerts, and acknowledging them.</summary>
public sealed class RateAlertService(HotelSessions sessions)
{
    public Task<IReadOnlyList<RateAlertView>> OpenAsync(CancellationToken cancellationToken) =>
        sessions.ReadAsync<IReadOnlyList<RateAlertView>>(async s =>
        {
            var today = s.Today;
            var alerts = await s.Db.RateAlerts.AsNoTracking()
                .Where(a => a.ResolvedAt == null && a.AcknowledgedAt == null && a.Date >= today)
                .OrderBy(a => a.Date).ThenBy(a => a.Kind)
                .Take(200)
                .ToListAsync(cancellationToken);
            var types = await s.Db.RoomTypes.ToDictionaryAsync(t => t.Id, t => t.Name, cancellationToken);
            return [.. alerts.Select(a => new RateAlertView(a.Id, a.Kind, a.RoomTypeId, types.GetValueOrDefault(a.RoomTypeId, ""), a.Date, a.Message, a.RaisedAt))];
        }, cancellationToken);

    /// <summary>Front desk may acknowledge too: they see the alerts on the console and often take the call that explains them.</summary>
    public Task AcknowledgeAsync(Guid alertId, CancellationToken cancellationToken) =>
        sessions.WriteAsync(async s =>
        {
            s.Staff.Require(StaffRole.FrontDesk, "acknowledge rate alerts");
            var alert = await s.Db.RateAlerts.SingleOrDefaultAsync(a => a.Id == alertId, cancellationToken) ?? throw new NotFoundException("Rate alert");
            if (alert.Acknowledge(s.Staff.UserName, s.Now))
            {
                s.Audit(nameof(RateAlert), alert.Id, "Acknowledged", new { alert.Kind, alert.Date });
                s.Announce(ChangeTopic.RateAlerts, alert.Id, "Rate alert acknowledged");
            }
        }, cancellationToken);
}
