using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Stayfull.Domain.Channels;
using Stayfull.Domain.Channels.Ari;
using Stayfull.Domain.Data;

namespace Stayfull.Domain.Demo;

/// <summary>
/// The demo hotel sells through the simulated channel-manager property from the start: each room type and the
/// default rate plan are mapped to the demo catalog (<c>demo-rt-&lt;code&gt;</c>, <c>demo-rp-&lt;code&gt;-&lt;plan&gt;</c>),
/// so OTA bookings and availability pushes work on a fresh <c>dotnet run</c>.
/// </summary>
internal static class DemoChannelMapping
{
    public static string RoomTypeId(string roomTypeCode) => "demo-rt-" + roomTypeCode.ToLower(CultureInfo.InvariantCulture);

    public static string RatePlanId(string roomTypeCode, string ratePlanCode) =>
        $"demo-rp-{roomTypeCode.ToLower(CultureInfo.InvariantCulture)}-{ratePlanCode.ToLower(CultureInfo.InvariantCulture)}";

    public static async Task SeedAsync(StayfullDb database, Guid hotelId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = database.ForHotel(hotelId);
        if (await db.ChannelRoomTypeMappings.AnyAsync(cancellationToken))
        {
            return;
        }

        var plan = await db.RatePlans.OrderByDescending(p => p.IsDefault).ThenBy(p => p.Code).FirstOrDefaultAsync(cancellationToken);
        foreach (var type in await db.RoomTypes.OrderBy(t => t.Code).ToListAsync(cancellationToken))
        {
            db.ChannelRoomTypeMappings.Add(new ChannelRoomTypeMapping(hotelId, type.Id, RoomTypeId(type.Code), type.Name));
            if (plan is not null)
            {
                db.ChannelRatePlanMappings.Add(new ChannelRatePlanMapping(hotelId, type.Id, plan.Id, RatePlanId(type.Code, plan.Code), $"{type.Name} – {plan.Name}"));
            }
        }

        // A newly mapped property starts from a full picture of what the hotel sells; deltas follow.
        var hotel = await db.Hotels.SingleAsync(cancellationToken);
        AriFullSync.Queue(db, hotelId, hotel.LocalDate(now), now);
        await db.SaveChangesAsync(cancellationToken);
    }
}
