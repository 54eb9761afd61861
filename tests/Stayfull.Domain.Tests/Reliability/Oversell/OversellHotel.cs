using Microsoft.Extensions.DependencyInjection;
using Stayfull.Domain.Channels;
using Stayfull.Domain.Channels.Mapping;
using Stayfull.Domain.Integrations;
using Stayfull.Domain.Rooms;
using Stayfull.Domain.Tests.Channels.Bookings;
using Stayfull.Domain.Tests.Integrations;
using Stayfull.Tests.Support;

namespace Stayfull.Domain.Tests.Reliability.Oversell;

/// <summary>
/// The hotel the oversell races run in: two room types of two rooms, both sold on a channel (T1 as ch-rt-1,
/// T2 as ch-rt-2), with room 102 out of order so that T1 has a single room to sell. A T1 round therefore races
/// for nights nobody has sold yet (their counter rows do not exist), a T2 round for the last of two rooms after
/// one was booked (the rows exist and carry a version).
/// </summary>
internal static class OversellHotel
{
    public static async Task<TestHotel> CreateAsync(TestDatabase database)
    {
        var hotel = await TestHotel.CreateAsync(database, roomTypes: 2, roomsPerType: 2, configure: s => s
            .AddLogging()
            .AddSingleton<RecordingChannelManager>()
            .AddSingleton<IChannelManager>(sp => sp.GetRequiredService<RecordingChannelManager>())
            .AddSingleton<ICredentialProtector, ReversingProtector>());
        await hotel.Get<ChannelMappingService>().SaveAsync(
            new ChannelMappingPlan(
            [
                new RoomTypeChoice(hotel.RoomTypes[0].Id, "ch-rt-1", [new RatePlanChoice(hotel.RatePlans[0].Id, "ch-rp-1")]),
                new RoomTypeChoice(hotel.RoomTypes[1].Id, "ch-rt-2", [new RatePlanChoice(hotel.RatePlans[0].Id, "ch-rp-2")]),
            ]),
            CancellationToken.None);
        await hotel.SetHousekeepingAsync("102", HousekeepingStatus.OutOfOrder);
        return hotel;
    }
}
