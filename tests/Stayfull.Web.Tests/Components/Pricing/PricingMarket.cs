using Microsoft.EntityFrameworkCore;
using Stayfull.Domain.Pricing;
using Stayfull.Tests.Support;

namespace Stayfull.Web.Tests.Components.Pricing;

/// <summary>Arranges what the rate shop would have stored: one competitor pricing a comparable room on given dates.</summary>
internal static class PricingMarket
{
    public static async Task PriceAsync(TestHotel hotel, Guid roomTypeId, long priceMinor, params DateOnly[] dates)
    {
        await using var db = hotel.Db();
        var competitor = await db.Competitors.SingleOrDefaultAsync(c => c.ExternalId == "hotel-across");
        if (competitor is null)
        {
            competitor = new Competitor(hotel.HotelId, "Hotel Across the Street", "hotel-across");
            db.Competitors.Add(competitor);
            db.CompetitorRoomMatches.Add(new CompetitorRoomMatch(hotel.HotelId, competitor.Id, "Double", roomTypeId));
        }

        foreach (var date in dates)
        {
            db.CompetitorRates.Add(new CompetitorRate(hotel.HotelId, competitor.Id, date, "Double", priceMinor, hotel.Hotel.Currency, RateSource.Demo, hotel.Time.GetUtcNow()));
        }

        await db.SaveChangesAsync();
    }

    public static async Task<PricingRecommendation> RecommendationAsync(TestHotel hotel, Guid roomTypeId, DateOnly date)
    {
        await using var db = hotel.Db();
        return await db.PricingRecommendations.SingleAsync(r => r.RoomTypeId == roomTypeId && r.Date == date);
    }

    public static async Task<long?> RateAsync(TestHotel hotel, Guid roomTypeId, DateOnly date)
    {
        await using var db = hotel.Db();
        return (await db.RoomTypeDays.SingleOrDefaultAsync(d => d.RoomTypeId == roomTypeId && d.Date == date))?.RateMinor;
    }
}
