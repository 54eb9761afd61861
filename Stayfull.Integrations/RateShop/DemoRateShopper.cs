using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Stayfull.Domain.Common;
using Stayfull.Domain.Data;
using Stayfull.Domain.Integrations;
using Stayfull.Domain.Pricing;

namespace Stayfull.Integrations.RateShop;

/// <summary>
/// The rate shopper in demo mode (a hotel without provider credentials): prices from <see cref="DemoMarket"/>
/// in the hotel's currency, around its cheapest room type's base rate, so the market looks like its own.
/// Each shop is one demo line in the integration log.
/// </summary>
public sealed class DemoRateShopper(StayfullDb database, IntegrationLogWriter log, TimeProvider time) : IRateShopper
{
    public RateSource Source(Guid hotelId) => RateSource.Demo;

    public async Task<IReadOnlyList<ShoppedRate>> ShopAsync(Guid hotelId, IReadOnlyList<ShoppedHotel> competitors, DateOnly firstNight, DateOnly lastNight, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(competitors);
        string currency;
        long cheapest;
        DateOnly today;
        await using (var db = database.ForHotel(hotelId))
        {
            var hotel = await db.Hotels.AsNoTracking().SingleAsync(h => h.Id == hotelId, cancellationToken);
            currency = hotel.Currency;
            today = hotel.LocalDate(time.GetUtcNow());
            var bases = await db.RoomTypes.AsNoTracking().Select(t => t.BaseRateMinor).ToListAsync(cancellationToken);
            cheapest = bases.Where(b => b > 0).DefaultIfEmpty(Money.FromMajor(100, currency).Minor).Min();
        }

        var level = new Money(cheapest, currency).Major;
        var now = time.GetUtcNow();
        var rates = new List<ShoppedRate>();
        foreach (var hotel in competitors)
        {
            var competitor = DemoMarket.For(hotel.ExternalId, hotel.Name);
            foreach (var (category, factor) in competitor.Categories)
            {
                for (var date = firstNight; date <= lastNight; date = date.AddDays(1))
                {
                    var price = DemoMarket.Price(hotelId, competitor, category, factor, level, date, today);
                    rates.Add(new ShoppedRate(hotel.ExternalId, date, category, Money.FromMajor(price, currency).Minor, currency, now));
                }
            }
        }

        var summary = $"Demo: {rates.Count.ToString(CultureInfo.InvariantCulture)} simulated rates for {competitors.Count.ToString(CultureInfo.InvariantCulture)} competitors, {firstNight:yyyy-MM-dd}..{lastNight:yyyy-MM-dd}";
        await log.RecordAsync(hotelId, IntegrationVendor.RateShop, IntegrationDirection.Outbound, "GET /" + ProviderRateShopper.RatesPath, true, 200, TimeSpan.Zero, summary, isDemo: true, cancellationToken);
        return rates;
    }
}
