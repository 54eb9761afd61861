using Microsoft.EntityFrameworkCore;
using Stayfull.Domain.Channels;
using Stayfull.Domain.Channels.Ari;
using Stayfull.Domain.Pricing;
using Stayfull.Domain.Reservations;
using Stayfull.Domain.Rooms;
using Stayfull.Tests.Support;

namespace Stayfull.Domain.Tests.Channels.Ari;

/// <summary>Every path that changes what the channels sell leaves the right pending change, and the push sends the current values.</summary>
public sealed class AriCaptureTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task A_hotel_with_no_channel_mapping_captures_nothing()
    {
        await using var hotel = await AriHotel.CreateAsync();

        await hotel.BookAsync(hotel.Stay(fromToday: 1));
        await hotel.SetNightsAsync(hotel.Today, hotel.Today.AddDays(5), TestHotelArrangements.Change with { RateMinor = 12345 });
        await hotel.SetHousekeepingAsync("101", HousekeepingStatus.OutOfOrder);

        Assert.Empty(await hotel.PendingAsync());
        Assert.Equal(0, await hotel.PushAsync());
        Assert.Empty(hotel.Channel().Calls);
    }

    [Fact]
    public async Task A_booking_queues_availability_of_its_nights_and_the_push_sends_rooms_left()
    {
        await using var hotel = await AriHotel.CreateAsync();
        await hotel.MapAsync();

        await hotel.BookAsync(hotel.Stay(fromToday: 3, nights: 2));

        var pending = Assert.Single(await hotel.PendingAsync());
        Assert.Equal((AriKind.Availability, hotel.RoomTypes[0].Id, hotel.Today.AddDays(3), hotel.Today.AddDays(4)), (pending.Kind, pending.RoomTypeId, pending.From, pending.To));

        Assert.Equal(1, await hotel.PushAsync());
        var call = Assert.Single(hotel.Channel().Calls);
        Assert.Equal(AriKind.Availability, call.Kind);
        Assert.Equal([new AvailabilityValue(hotel.ChannelRoomType(0), hotel.Today.AddDays(3), hotel.Today.AddDays(4), 2)], call.Availability);
        Assert.Empty(await hotel.PendingAsync());
    }

    [Fact]
    public async Task A_cancellation_queues_the_nights_again_and_gives_the_room_back()
    {
        await using var hotel = await AriHotel.CreateAsync();
        await hotel.MapAsync();
        var reservation = await hotel.BookAsync(hotel.Stay(fromToday: 1, nights: 3));
        await hotel.PushAsync();

        await hotel.Get<ReservationService>().CancelAsync(reservation.Id, "Guest changed plans", None);

        var pending = Assert.Single(await hotel.PendingAsync());
        Assert.Equal((AriKind.Availability, hotel.Today.AddDays(1), hotel.Today.AddDays(3)), (pending.Kind, pending.From, pending.To));
        hotel.Time.Advance(AriPusher.MinSpacing);
        await hotel.PushAsync();
        var channel = hotel.Channel().ReplayAvailability(hotel.HotelId);
        Assert.All(Enumerable.Range(1, 3), d => Assert.Equal(3, channel[(hotel.ChannelRoomType(0), hotel.Today.AddDays(d))]));
    }

    [Fact]
    public async Task A_room_out_of_order_queues_every_night_of_its_type_and_back_in_order_again()
    {
        await using var hotel = await AriHotel.CreateAsync();
        await hotel.MapAsync();

        await hotel.SetHousekeepingAsync("101", HousekeepingStatus.OutOfOrder);

        var pending = Assert.Single(await hotel.PendingAsync());
        Assert.Equal((AriKind.Availability, hotel.RoomTypes[0].Id, hotel.Today, AriWindow.LastDeltaNight(hotel.Today)), (pending.Kind, pending.RoomTypeId, pending.From, pending.To));
        await hotel.PushAsync();
        var value = Assert.Single(Assert.Single(hotel.Channel().Calls).Availability);
        Assert.Equal(new AvailabilityValue(hotel.ChannelRoomType(0), hotel.Today, AriWindow.LastDeltaNight(hotel.Today), 2), value);

        // Dirty → clean does not change what is sold; back from out of order does.
        await hotel.SetHousekeepingAsync("102", HousekeepingStatus.Dirty);
        Assert.Empty(await hotel.PendingAsync());
        await hotel.SetHousekeepingAsync("101", HousekeepingStatus.Dirty);
        Assert.Single(await hotel.PendingAsync());
    }

    [Fact]
    public async Task A_rate_edit_queues_restrictions_and_pushes_each_mapped_plans_price()
    {
        await using var hotel = await AriHotel.CreateAsync();
        await hotel.MapAsync();
        var from = hotel.Today.AddDays(10);

        await hotel.SetNightsAsync(from, from.AddDays(2), TestHotelArrangements.Change with { RateMinor = 20000, MinStay = 2 }, type: 1);

        var pending = Assert.Single(await hotel.PendingAsync());
        Assert.Equal((AriKind.Restrictions, hotel.RoomTypes[1].Id, from, from.AddDays(2)), (pending.Kind, pending.RoomTypeId, pending.From, pending.To));
        await hotel.PushAsync();
        var call = Assert.Single(hotel.Channel().Calls);
        Assert.Equal(AriKind.Restrictions, call.Kind);
        Assert.Equal(hotel.Hotel.Currency, call.Currency);
        Assert.Equal(hotel.RatePlans.Count, call.Restrictions.Count);
        for (var p = 0; p < hotel.RatePlans.Count; p++)
        {
            var value = Assert.Single(call.Restrictions, v => v.RatePlanId == hotel.ChannelRatePlan(1, p));
            Assert.Equal((from, from.AddDays(2), hotel.RatePlans[p].PriceOf(20000), 2, false, false, false), (value.From, value.To, value.RateMinor, value.MinStay, value.ClosedToArrival, value.ClosedToDeparture, value.StopSell));
        }
    }

    [Fact]
    public async Task An_approved_pricing_recommendation_is_pushed_as_the_nights_new_rate()
    {
        await using var hotel = await AriHotel.CreateAsync();
        await hotel.MapAsync();
        var type = hotel.RoomTypes[0];
        var date = hotel.Today.AddDays(20);
        await MarketAsync(hotel, type.Id, date, type.BaseRateMinor * 2);
        await hotel.Get<PricingService>().RecomputeAsync(None);
        await hotel.PushAsync();
        hotel.Time.Advance(TimeSpan.FromMinutes(2));
        PricingRecommendation recommendation;
        await using (var db = hotel.Db())
        {
            recommendation = await db.PricingRecommendations.SingleAsync(r => r.RoomTypeId == type.Id && r.Date == date);
        }

        await hotel.Get<PricingService>().ApproveAsync([recommendation.Id], None);

        var pending = Assert.Single(await hotel.PendingAsync());
        Assert.Equal((AriKind.Restrictions, type.Id, date, date), (pending.Kind, pending.RoomTypeId, pending.From, pending.To));
        await hotel.PushAsync();
        var channel = hotel.Channel().ReplayRestrictions(hotel.HotelId);
        Assert.Equal(recommendation.RecommendedMinor, channel[(hotel.ChannelRatePlan(0), date)].RateMinor);
    }

    [Fact]
    public async Task Past_nights_are_never_pushed()
    {
        await using var hotel = await AriHotel.CreateAsync();
        await hotel.MapAsync();

        await hotel.SetNightsAsync(hotel.Today.AddDays(-5), hotel.Today.AddDays(1), TestHotelArrangements.Change with { StopSell = true });
        await hotel.PushAsync();

        var call = Assert.Single(hotel.Channel().Calls);
        Assert.All(call.Restrictions, v => Assert.True(v.From >= hotel.Today));
        Assert.Equal(hotel.Today, call.Restrictions.Min(v => v.From));
    }

    private static async Task MarketAsync(TestHotel hotel, Guid roomTypeId, DateOnly date, long priceMinor)
    {
        await using var db = hotel.Db();
        var competitor = new Competitor(hotel.HotelId, "Hotel Across the Street", "hotel-across");
        db.Competitors.Add(competitor);
        db.CompetitorRoomMatches.Add(new CompetitorRoomMatch(hotel.HotelId, competitor.Id, "Double", roomTypeId));
        db.CompetitorRates.Add(new CompetitorRate(hotel.HotelId, competitor.Id, date, "Double", priceMinor, hotel.Hotel.Currency, RateSource.Demo, hotel.Time.GetUtcNow()));
        await db.SaveChangesAsync();
    }
}
