using Stayfull.Domain.Reservations;
using Stayfull.Domain.SmartRooms;
using Stayfull.Domain.Tests.SmartRooms;
using Stayfull.Domain.Upsells;

namespace Stayfull.Domain.Tests.Upsells;

public sealed class UpsellKeyWindowTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task BuyingEarlyCheckInAndLateCheckOutMovesTheDoorCodesHours()
    {
        await using var hotel = await SmartRoomsHotel.CreateAsync();
        await hotel.ImportAsync();
        await hotel.OfferBothAsync();
        var stay = await SmartRoomsHotel.BookAsync(hotel);
        await hotel.Get<ReservationService>().AssignRoomAsync(stay.Id, hotel.Rooms[0].Id, None);

        await hotel.Get<UpsellService>().AcceptAsync(stay.Id, UpsellKind.EarlyCheckIn, None);
        await hotel.Get<UpsellService>().AcceptAsync(stay.Id, UpsellKind.LateCheckOut, None);

        // Lisbon is on UTC in November.
        var key = Assert.Single(await hotel.KeysAsync(stay.Id));
        Assert.Equal(new DateTimeOffset(stay.Arrival.ToDateTime(UpsellsHotel.EarlyFrom), TimeSpan.Zero), key.StartsAt);
        Assert.Equal(new DateTimeOffset(stay.Departure.ToDateTime(UpsellsHotel.LateUntil), TimeSpan.Zero), key.EndsAt);
        var updates = (await hotel.SeamOutboxAsync()).Where(m => m.Operation == SmartRoomOperations.UpdateAccessCode).ToList();
        Assert.Equal(2, updates.Count);
    }

    [Fact]
    public async Task AStayWithoutAKeyIsChargedAndNothingIsSentToTheLock()
    {
        await using var hotel = await SmartRoomsHotel.CreateAsync();
        await hotel.OfferBothAsync();
        var stay = await SmartRoomsHotel.BookAsync(hotel);

        await hotel.Get<UpsellService>().AcceptAsync(stay.Id, UpsellKind.LateCheckOut, None);

        Assert.Single(await hotel.ChargesAsync(stay.Id));
        Assert.Empty(await hotel.SeamOutboxAsync());
    }
}
