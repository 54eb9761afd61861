using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stayfull.Domain.Channels;
using Stayfull.Domain.Channels.Ari;
using Stayfull.Tests.Support;

namespace Stayfull.Domain.Tests.Channels.Ari;

/// <summary>A test hotel whose channel manager records ARI calls, with helpers to map it and push.</summary>
internal static class AriHotel
{
    public static Task<TestHotel> CreateAsync(int roomTypes = 2, int roomsPerType = 3) =>
        TestHotel.CreateAsync(roomTypes, roomsPerType, configure: Configure);

    public static void Configure(IServiceCollection services) => services
        .AddLogging()
        .AddSingleton(sp => new RecordingChannelManager(sp.GetRequiredService<TimeProvider>()))
        .AddSingleton<IChannelManager>(sp => sp.GetRequiredService<RecordingChannelManager>());

    public static RecordingChannelManager Channel(this TestHotel hotel) => hotel.Services.GetRequiredService<RecordingChannelManager>();

    public static string ChannelRoomType(this TestHotel hotel, int type) => $"crt-{hotel.HotelId:N}-{hotel.RoomTypes[type].Code}";

    public static string ChannelRatePlan(this TestHotel hotel, int type, int plan = 0) => $"crp-{hotel.HotelId:N}-{hotel.RoomTypes[type].Code}-{hotel.RatePlans[plan].Code}";

    /// <summary>Maps every room type and every rate plan of it, as the mapping screen would.</summary>
    public static async Task MapAsync(this TestHotel hotel)
    {
        await using var db = hotel.Db();
        for (var t = 0; t < hotel.RoomTypes.Count; t++)
        {
            db.ChannelRoomTypeMappings.Add(new ChannelRoomTypeMapping(hotel.HotelId, hotel.RoomTypes[t].Id, hotel.ChannelRoomType(t), hotel.RoomTypes[t].Name));
            for (var p = 0; p < hotel.RatePlans.Count; p++)
            {
                db.ChannelRatePlanMappings.Add(new ChannelRatePlanMapping(hotel.HotelId, hotel.RoomTypes[t].Id, hotel.RatePlans[p].Id, hotel.ChannelRatePlan(t, p), hotel.RatePlans[p].Name));
            }
        }

        await db.SaveChangesAsync();
    }

    /// <summary>One pass of the pusher over every hotel with pending changes, as the hosted service runs it.</summary>
    public static Task<int> PushAsync(this TestHotel hotel) =>
        hotel.Services.GetRequiredService<AriPushRunner>().PushDueAsync(CancellationToken.None);

    public static async Task<IReadOnlyList<AriPendingChange>> PendingAsync(this TestHotel hotel)
    {
        await using var db = hotel.Db();
        return await db.AriPendingChanges.AsNoTracking().OrderBy(c => c.Id).ToListAsync();
    }

    public static async Task<AriSyncState?> SyncStateAsync(this TestHotel hotel)
    {
        await using var db = hotel.Db();
        return await db.AriSyncStates.AsNoTracking().SingleOrDefaultAsync();
    }

    /// <summary>The availability the channel now holds for a channel room type and night, replaying every successful call in order.</summary>
    public static Dictionary<(string RoomTypeId, DateOnly Date), int> ReplayAvailability(this RecordingChannelManager channel, Guid hotelId)
    {
        var state = new Dictionary<(string, DateOnly), int>();
        foreach (var value in channel.CallsOf(hotelId, AriKind.Availability).Where(c => !c.Failed).SelectMany(c => c.Availability))
        {
            for (var d = value.From; d <= value.To; d = d.AddDays(1))
            {
                state[(value.RoomTypeId, d)] = value.Availability;
            }
        }

        return state;
    }

    /// <summary>The rate and restrictions the channel now holds per channel rate plan and night.</summary>
    public static Dictionary<(string RatePlanId, DateOnly Date), RestrictionValue> ReplayRestrictions(this RecordingChannelManager channel, Guid hotelId)
    {
        var state = new Dictionary<(string, DateOnly), RestrictionValue>();
        foreach (var value in channel.CallsOf(hotelId, AriKind.Restrictions).Where(c => !c.Failed).SelectMany(c => c.Restrictions))
        {
            for (var d = value.From; d <= value.To; d = d.AddDays(1))
            {
                state[(value.RatePlanId, d)] = value with { From = d, To = d };
            }
        }

        return state;
    }
}
