using Microsoft.EntityFrameworkCore;
using Stayfull.Domain.Common;
using Stayfull.Domain.Live;
using Stayfull.Domain.Pricing;
using Stayfull.Domain.Tenancy;
using Stayfull.Tests.Support;

namespace Stayfull.Domain.Tests.Pricing;

public sealed class PricingServiceTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task A_recompute_recommends_every_room_type_for_a_year_and_a_second_run_changes_nothing()
    {
        await using var hotel = await TestHotel.CreateAsync();

        var first = await hotel.Get<PricingService>().RecomputeAsync(None);
        var second = await hotel.Get<PricingService>().RecomputeAsync(None);

        Assert.Equal(2 * PricingService.Horizon, first.Recommendations);
        await using var db = hotel.Db();
        Assert.Equal(2 * PricingService.Horizon, await db.PricingRecommendations.CountAsync());
        Assert.Equal(0, second.NewlyPending);
    }

    [Fact]
    public async Task Competitors_far_above_us_make_pending_recommendations_above_the_current_rate_with_their_reason()
    {
        await using var hotel = await TestHotel.CreateAsync();
        var type = hotel.RoomTypes[0];
        var date = hotel.Today.AddDays(20);
        await MarketAsync(hotel, type.Id, date, type.BaseRateMinor * 2);

        await hotel.Get<PricingService>().RecomputeAsync(None);

        var recommendation = await RecommendationAsync(hotel, type.Id, date);
        Assert.Equal(RecommendationStatus.Pending, recommendation.Status);
        Assert.True(recommendation.RecommendedMinor > recommendation.CurrentRateMinor);
        Assert.StartsWith("competitors +", recommendation.Explanation, StringComparison.Ordinal);
        Assert.Equal(type.BaseRateMinor * 2, recommendation.CompetitorMedianMinor);
        Assert.Equal(recommendation.RecommendedMinor, recommendation.BaseRateMinor + recommendation.Factors.Sum(f => f.AmountMinor));
    }

    [Fact]
    public async Task Approving_makes_the_recommended_rate_the_nights_rate_audited_and_announced()
    {
        await using var hotel = await TestHotel.CreateAsync();
        var type = hotel.RoomTypes[0];
        var date = hotel.Today.AddDays(20);
        await MarketAsync(hotel, type.Id, date, type.BaseRateMinor * 2);
        await hotel.Get<PricingService>().RecomputeAsync(None);
        var recommendation = await RecommendationAsync(hotel, type.Id, date);

        await hotel.Get<PricingService>().ApproveAsync([recommendation.Id], None);

        await using var db = hotel.Db();
        Assert.Equal(recommendation.RecommendedMinor, (await db.RoomTypeDays.SingleAsync(d => d.RoomTypeId == type.Id && d.Date == date)).RateMinor);
        var decided = await db.PricingRecommendations.SingleAsync(r => r.Id == recommendation.Id);
        Assert.Equal(RecommendationStatus.Approved, decided.Status);
        Assert.NotNull(decided.DecidedBy);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityId == recommendation.Id && a.Action == "RateApproved"));
        Assert.Contains(hotel.Published.Changes, c => c.Topic == ChangeTopic.Rates);
    }

    [Fact]
    public async Task Rejecting_leaves_the_rate_and_a_decided_recommendation_cannot_be_decided_again()
    {
        await using var hotel = await TestHotel.CreateAsync();
        var type = hotel.RoomTypes[0];
        var date = hotel.Today.AddDays(20);
        await MarketAsync(hotel, type.Id, date, type.BaseRateMinor * 2);
        await hotel.Get<PricingService>().RecomputeAsync(None);
        var recommendation = await RecommendationAsync(hotel, type.Id, date);

        await hotel.Get<PricingService>().RejectAsync([recommendation.Id], None);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => hotel.Get<PricingService>().ApproveAsync([recommendation.Id], None));
        await using var db = hotel.Db();
        Assert.Null((await db.RoomTypeDays.SingleOrDefaultAsync(d => d.RoomTypeId == type.Id && d.Date == date))?.RateMinor);
    }

    [Fact]
    public async Task A_managers_own_rate_outside_the_guardrails_is_refused_and_inside_is_applied()
    {
        await using var hotel = await TestHotel.CreateAsync();
        var type = hotel.RoomTypes[0];
        var date = hotel.Today.AddDays(20);
        await MarketAsync(hotel, type.Id, date, type.BaseRateMinor * 2);
        await hotel.Get<PricingService>().RecomputeAsync(None);
        var recommendation = await RecommendationAsync(hotel, type.Id, date);

        await Assert.ThrowsAsync<ValidationException>(() => hotel.Get<PricingService>().ApproveAtAsync(recommendation.Id, type.BaseRateMinor * 10, None));
        await hotel.Get<PricingService>().ApproveAtAsync(recommendation.Id, type.BaseRateMinor + 7_00, None);

        await using var db = hotel.Db();
        Assert.Equal(type.BaseRateMinor + 7_00, (await db.RoomTypeDays.SingleAsync(d => d.RoomTypeId == type.Id && d.Date == date)).RateMinor);
    }

    [Fact]
    public async Task The_autopilot_applies_changes_within_its_bound_and_leaves_larger_ones_for_review()
    {
        await using var hotel = await TestHotel.CreateAsync();
        var type = hotel.RoomTypes[0];
        var large = hotel.Today.AddDays(21);
        await using (var db = hotel.Db())
        {
            var pricing = RoomTypePricing.DefaultFor(hotel.HotelId, type.Id, type.BaseRateMinor);
            pricing.Change(pricing.Guardrails, autopilot: true, autopilotMaxChange: 0.08m);
            db.RoomTypePricing.Add(pricing);
            await db.SaveChangesAsync();
        }

        await MarketAsync(hotel, type.Id, large, type.BaseRateMinor * 3);

        var run = await hotel.Get<PricingService>().RecomputeAsync(None);

        await using var check = hotel.Db();
        var rows = await check.PricingRecommendations.Where(r => r.RoomTypeId == type.Id).ToListAsync();
        var applied = rows.Where(r => r.Status == RecommendationStatus.AutoApplied).ToList();
        Assert.NotEmpty(applied);
        Assert.Equal(run.AutoApplied, applied.Count);
        Assert.All(applied, r => Assert.True(Math.Abs(r.RecommendedMinor - type.BaseRateMinor) <= type.BaseRateMinor * 0.08m, $"{r.Date}: {r.RecommendedMinor}"));
        var nights = await check.RoomTypeDays.Where(d => d.RoomTypeId == type.Id).ToDictionaryAsync(d => d.Date, d => d.RateMinor);
        Assert.All(applied, r => Assert.Equal(r.RecommendedMinor, nights[r.Date]));
        Assert.Equal(RecommendationStatus.Pending, rows.Single(r => r.Date == large).Status);
    }

    [Fact]
    public async Task Only_managers_decide_and_another_hotels_recommendation_is_not_found()
    {
        await using var hotel = await TestHotel.CreateAsync();
        await using var neighbour = await hotel.CreateNeighbourAsync();
        await neighbour.Get<PricingService>().RecomputeAsync(None);
        Guid theirs;
        await using (var db = neighbour.Db())
        {
            theirs = (await db.PricingRecommendations.FirstAsync()).Id;
        }

        await Assert.ThrowsAsync<NotFoundException>(() => hotel.Get<PricingService>().ApproveAsync([theirs], None));
        await Assert.ThrowsAsync<ForbiddenException>(() => hotel.ActAs(StaffRole.FrontDesk).Get<PricingService>().RecomputeAsync(None));
    }

    [Fact]
    public async Task An_undercut_raises_one_alert_a_repeat_run_keeps_it_acknowledging_hides_it_and_a_price_back_up_resolves_it()
    {
        await using var hotel = await TestHotel.CreateAsync();
        var type = hotel.RoomTypes[0];
        var date = hotel.Today.AddDays(10);
        await MarketAsync(hotel, type.Id, date, type.BaseRateMinor / 2);

        var first = await hotel.Get<PricingService>().RecomputeAsync(None);
        await hotel.Get<PricingService>().RecomputeAsync(None);

        var alerts = await hotel.Get<RateAlertService>().OpenAsync(None);
        var undercut = Assert.Single(alerts, a => a.Kind == RateAlertKind.CompetitorUndercut && a.Date == date);
        Assert.True(first.AlertsRaised >= 1);
        Assert.Contains(hotel.Published.Changes, c => c.Topic == ChangeTopic.RateAlerts);

        await hotel.Get<RateAlertService>().AcknowledgeAsync(undercut.Id, None);
        Assert.DoesNotContain(await hotel.Get<RateAlertService>().OpenAsync(None), a => a.Id == undercut.Id);

        await MarketAsync(hotel, type.Id, date, type.BaseRateMinor);
        var cleared = await hotel.Get<PricingService>().RecomputeAsync(None);
        Assert.True(cleared.AlertsResolved >= 1);
        await using var db = hotel.Db();
        Assert.NotNull((await db.RateAlerts.SingleAsync(a => a.Id == undercut.Id)).ResolvedAt);
    }

    [Fact]
    public async Task An_event_date_still_at_base_raises_an_alert()
    {
        await using var hotel = await TestHotel.CreateAsync();
        var date = hotel.Today.AddDays(15);
        await using (var db = hotel.Db())
        {
            db.DemandEvents.Add(new DemandEvent(hotel.HotelId, "Marathon", date, date, 0.3m));
            await db.SaveChangesAsync();
        }

        await hotel.Get<PricingService>().RecomputeAsync(None);

        var alerts = await hotel.Get<RateAlertService>().OpenAsync(None);
        Assert.Contains(alerts, a => a.Kind == RateAlertKind.EventAtBase && a.Date == date && a.Message.Contains("Marathon", StringComparison.Ordinal));
        Assert.Contains("Marathon +30 %", (await RecommendationAsync(hotel, hotel.RoomTypes[0].Id, date)).Explanation, StringComparison.Ordinal);
    }

    /// <summary>One competitor with one comparable category selling the room type at <paramref name="priceMinor"/> on a date.</summary>
    private static async Task MarketAsync(TestHotel hotel, Guid roomTypeId, DateOnly date, long priceMinor)
    {
        await using var db = hotel.Db();
        var competitor = await db.Competitors.SingleOrDefaultAsync(c => c.ExternalId == "hotel-across");
        if (competitor is null)
        {
            competitor = new Competitor(hotel.HotelId, "Hotel Across the Street", "hotel-across");
            db.Competitors.Add(competitor);
            db.CompetitorRoomMatches.Add(new CompetitorRoomMatch(hotel.HotelId, competitor.Id, "Double", roomTypeId));
        }

        var rate = await db.CompetitorRates.SingleOrDefaultAsync(r => r.CompetitorId == competitor.Id && r.Date == date && r.Category == "Double");
        if (rate is null)
        {
            db.CompetitorRates.Add(new CompetitorRate(hotel.HotelId, competitor.Id, date, "Double", priceMinor, hotel.Hotel.Currency, RateSource.Demo, hotel.Time.GetUtcNow()));
        }
        else if (rate.Observe(priceMinor, hotel.Hotel.Currency, RateSource.Demo, hotel.Time.GetUtcNow().AddSeconds(1)) is { } change)
        {
            db.CompetitorRateChanges.Add(change);
        }

        await db.SaveChangesAsync();
    }

    private static async Task<PricingRecommendation> RecommendationAsync(TestHotel hotel, Guid roomTypeId, DateOnly date)
    {
        await using var db = hotel.Db();
        return await db.PricingRecommendations.SingleAsync(r => r.RoomTypeId == roomTypeId && r.Date == date);
    }
}
