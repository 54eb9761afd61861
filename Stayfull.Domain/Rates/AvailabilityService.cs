using Microsoft.EntityFrameworkCore;
using Stayfull.Domain.Common;
using Stayfull.Domain.Sessions;

namespace Stayfull.Domain.Rates;

/// <summary>Availability, rates and restrictions per room type and night.</summary>
public sealed class AvailabilityService(HotelSessions sessions)
{
    public const int MaxRangeDays = 731;

    public Task<IReadOnlyList<RoomTypeAvailability>> GetAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken) =>
        sessions.ReadAsync(s => LoadAsync(s, from, to, roomTypeId: null, cancellationToken), cancellationToken);

    internal static async Task<IReadOnlyList<RoomTypeAvailability>> LoadAsync(HotelSession s, DateOnly from, DateOnly to, Guid? roomTypeId, CancellationToken cancellationToken)
    {
        if (to <= from || to.DayNumber - from.DayNumber > MaxRangeDays)
        {
            throw ValidationException.For("to", $"Choose a range of 1 to {MaxRangeDays} days.");
        }

        var types = await s.Db.RoomTypes.AsNoTracking()
            .Where(t => roomTypeId == null || t.Id == roomTypeId)
            .OrderBy(t => t.BaseRateMinor).ThenBy(t => t.Code)
            .ToListAsync(cancellationToken);
        var rooms = await s.Db.Rooms.AsNoTracking()
            .Where(r => roomTypeId == null || r.RoomTypeId == roomTypeId)
            .ToListAsync(cancellationToken);
        var days = await s.Db.RoomTypeDays.AsNoTracking()
            .Where(d => d.Date >= from && d.Date < to && (roomTypeId == null || d.RoomTypeId == roomTypeId))
            .ToListAsync(cancellationToken);
        return AvailabilityCalculator.Compute(types, rooms, days, from, to, s.Today);
    }
}
