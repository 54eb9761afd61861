using Microsoft.EntityFrameworkCore;
using Stayfull.Domain.SmartRooms;
using Stayfull.Tests.Support;

namespace Stayfull.Domain.Tests.SmartRooms;

internal static class SmartRoomAlertsHotel
{
    /// <summary>Every alert of the hotel, oldest first.</summary>
    public static async Task<IReadOnlyList<SmartRoomAlert>> AlertsAsync(this TestHotel hotel)
    {
        await using var db = hotel.Db();
        return await db.SmartRoomAlerts.OrderBy(a => a.RaisedAt).ThenBy(a => a.Id).ToListAsync();
    }
}
