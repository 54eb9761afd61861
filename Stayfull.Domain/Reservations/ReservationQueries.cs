using Microsoft.EntityFrameworkCore;
using Stayfull.Domain.Folios;
using Stayfull.Domain.Sessions;

namespace Stayfull.Domain.Reservations;

/// <summary>Projections of reservations with guest, room and balance, in one round trip each.</summary>
internal static class ReservationQueries
{
    public static async Task<List<ReservationSummary>> SummariesAsync(HotelSession s, IQueryable<Reservation> reservations, CancellationToken cancellationToken)
    {
        var rows = await (
            from r in reservations
            join g in s.Db.Guests on r.GuestId equals g.Id
            join t in s.Db.RoomTypes on r.RoomTypeId equals t.Id
            join room in s.Db.Rooms on r.RoomId equals room.Id into assigned
            from room in assigned.DefaultIfEmpty()
            select new
            {
                r.Id,
                r.ConfirmationCode,
                g.FullName,
                r.RoomTypeId,
                t.Code,
                r.RoomId,
                Number = room == null ? null : room.Number,
                r.Arrival,
                r.Departure,
                r.Adults,
                r.Status,
                r.Source,
            }).AsNoTracking().ToListAsync(cancellationToken);

        var ids = rows.Select(r => r.Id).ToList();
        var balances = await BalancesAsync(s, ids, cancellationToken);
        return [.. rows.Select(r => new ReservationSummary(
            r.Id, r.ConfirmationCode, r.FullName, r.RoomTypeId, r.Code, r.RoomId, r.Number, r.Arrival, r.Departure, r.Adults, r.Status, r.Source,
            s.Money(balances.GetValueOrDefault(r.Id))))];
    }

    public static async Task<Dictionary<Guid, long>> BalancesAsync(HotelSession s, IReadOnlyCollection<Guid> reservationIds, CancellationToken cancellationToken)
    {
        if (reservationIds.Count == 0)
        {
            return [];
        }

        var sums = await s.Db.FolioEntries.AsNoTracking()
            .Where(e => reservationIds.Contains(e.ReservationId))
            .GroupBy(e => new { e.ReservationId, e.Kind })
            .Select(g => new { g.Key.ReservationId, g.Key.Kind, Total = g.Sum(e => e.AmountMinor) })
            .ToListAsync(cancellationToken);
        return sums.GroupBy(x => x.ReservationId)
            .ToDictionary(g => g.Key, g => g.Sum(x => x.Kind == FolioEntryKind.Payment ? -x.Total : x.Total));
    }
}
