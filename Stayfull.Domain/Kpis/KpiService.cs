using Microsoft.EntityFrameworkCore;
using Stayfull.Domain.Folios;
using Stayfull.Domain.Reservations;
using Stayfull.Domain.Sessions;

namespace Stayfull.Domain.Kpis;

public sealed class KpiService(HotelSessions sessions)
{
    public Task<KpiReport> ComputeAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken) =>
        sessions.ReadAsync(async s =>
        {
            var rooms = await s.Db.Rooms.CountAsync(cancellationToken);
            var (first, end) = (from, to);
            var sold = await (from e in s.Db.FolioEntries
                              join r in s.Db.Reservations on e.ReservationId equals r.Id
                              where e.Kind == FolioEntryKind.RoomNight && e.ServiceDate >= first && e.ServiceDate < end
                                    && (r.Status == ReservationStatus.Confirmed || r.Status == ReservationStatus.CheckedIn || r.Status == ReservationStatus.CheckedOut)
                              select new { e.ServiceDate, e.AmountMinor })
                .ToListAsync(cancellationToken);
            return KpiCalculator.Compute(rooms, sold.Select(x => (x.ServiceDate, x.AmountMinor)), from, to, s.Hotel.Currency);
        }, cancellationToken);
}
