using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stayfull.Domain.Common;
using Stayfull.Domain.Pricing;
using Stayfull.Domain.Tenancy;
using Stayfull.Tests.Support;

namespace Stayfull.Domain.Tests.Pricing;

public sealed class PricingSettingsServiceTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Guardrails_with_the_ceiling_below_the_floor_are_refused_in_words_and_nothing_is_stored()
    {
        await using var hotel = await TestHotel.CreateAsync();

        var refused = await Assert.ThrowsAsync<ValidationException>(() =>
            hotel.Get<PricingSettingsService>().SaveRoomTypeAsync(hotel.RoomTypes[0].Id, 0, new RateGuardrails(200_00, 100_00, 0.1m), false, 0.05m, None));

        Assert.Contains("The ceiling must not be below the floor.", refused.Message, StringComparison.Ordinal);
        await using var db = hotel.Db();
        Assert.False(await db.RoomTypePricing.AnyAsync());
    }

    [Theory]
    [InlineData(0.1, 0.1)]
    [InlineData(0.1, 0.2)]
    [InlineData(0.1, 0)]
    public async Task The_autopilot_bound_must_be_tighter_than_the_largest_daily_change(double maxDaily, double autopilot)
    {
        await using var hotel = await TestHotel.CreateAsync();

        var refused = await Assert.ThrowsAsync<ValidationException>(() =>
            hotel.Get<PricingSettingsService>().SaveRoomTypeAsync(hotel.RoomTypes[0].Id, 0, new RateGuardrails(50_00, 300_00, (decimal)maxDaily), true, (decimal)autopilot, None));

        Assert.Contains("tighter than the largest daily change (10 %)", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Good_guardrails_are_stored_audited_and_make_the_hotel_due_for_a_recompute()
    {
        await using var hotel = await TestHotel.CreateAsync();
        var type = hotel.RoomTypes[0];
        var service = hotel.Get<PricingSettingsService>();

        await service.SaveRoomTypeAsync(type.Id, 0, new RateGuardrails(80_00, 250_00, 0.2m), true, 0.08m, None);

        var view = Assert.Single(await service.RoomTypesAsync(None), v => v.RoomTypeId == type.Id);
        Assert.Equal((80_00L, 250_00L, 0.2m, true, 0.08m, 1), (view.FloorMinor, view.CeilingMinor, view.MaxDailyChange, view.Autopilot, view.AutopilotMaxChange, view.Version));
        await using var db = hotel.Db();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityId == type.Id && a.Action == "GuardrailsChanged"));
        Assert.True(hotel.Services.GetRequiredService<PricingRecomputeSignals>().IsDue(hotel.HotelId));
    }

    [Fact]
    public async Task Saving_over_someone_elses_newer_guardrails_is_a_conflict()
    {
        await using var hotel = await TestHotel.CreateAsync();
        var type = hotel.RoomTypes[0];
        var service = hotel.Get<PricingSettingsService>();
        await service.SaveRoomTypeAsync(type.Id, 0, new RateGuardrails(80_00, 250_00, 0.2m), false, 0.05m, None);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            service.SaveRoomTypeAsync(type.Id, 0, new RateGuardrails(90_00, 250_00, 0.2m), false, 0.05m, None));
    }

    [Fact]
    public async Task Room_types_without_guardrails_show_the_defaults_from_their_base_rate()
    {
        await using var hotel = await TestHotel.CreateAsync();

        var views = await hotel.Get<PricingSettingsService>().RoomTypesAsync(None);

        var first = Assert.Single(views, v => v.RoomTypeId == hotel.RoomTypes[0].Id);
        Assert.Equal((hotel.RoomTypes[0].BaseRateMinor * 7 / 10, hotel.RoomTypes[0].BaseRateMinor * 5 / 2, 0), (first.FloorMinor, first.CeilingMinor, first.Version));
    }

    [Fact]
    public async Task Weights_out_of_range_and_bad_thresholds_are_refused_with_every_reason()
    {
        await using var hotel = await TestHotel.CreateAsync();

        var refused = await Assert.ThrowsAsync<ValidationException>(() =>
            hotel.Get<PricingSettingsService>().SaveSettingsAsync(0, PricingWeights.Default with { Competitors = 2 }, 0, 0.15m, None));

        Assert.Contains("The competitor weight must be between 0 and 1.", refused.Message, StringComparison.Ordinal);
        Assert.Contains("undercut alert threshold", refused.Message, StringComparison.Ordinal);
        await using var db = hotel.Db();
        Assert.False(await db.PricingSettings.AnyAsync());
    }

    [Fact]
    public async Task Good_weights_and_thresholds_are_stored_and_read_back()
    {
        await using var hotel = await TestHotel.CreateAsync();
        var service = hotel.Get<PricingSettingsService>();

        await service.SaveSettingsAsync(0, PricingWeights.Default with { Competitors = 0.8m, LastMinuteDays = 5 }, 0.2m, 0.1m, None);

        var saved = await service.SettingsAsync(None);
        Assert.Equal((0.8m, 5, 0.2m, 0.1m, 1), (saved.Weights.Competitors, saved.Weights.LastMinuteDays, saved.UndercutThreshold, saved.PaceThreshold, saved.Version));
        Assert.Equal(PricingWeights.Default.DayOfWeekUplift[DayOfWeek.Saturday], saved.Weights.DayOfWeekUplift[DayOfWeek.Saturday]);
    }

    [Theory]
    [InlineData("", 0, 1, 0.2, "Give the event a name.")]
    [InlineData("Congress", 3, 1, 0.2, "The event must not end before it starts.")]
    [InlineData("Congress", 0, 1, 2.5, "between -50 % and +200 %")]
    [InlineData("Congress", 0, 1, -0.6, "between -50 % and +200 %")]
    public async Task A_local_event_needs_a_name_dates_in_order_and_an_uplift_within_bounds(string name, int fromDays, int toDays, double uplift, string message)
    {
        await using var hotel = await TestHotel.CreateAsync();

        var refused = await Assert.ThrowsAsync<ValidationException>(() =>
            hotel.Get<PricingSettingsService>().AddEventAsync(name, hotel.Today.AddDays(fromDays), hotel.Today.AddDays(toDays), (decimal)uplift, None));

        Assert.Contains(message, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Local_events_are_added_changed_and_removed()
    {
        await using var hotel = await TestHotel.CreateAsync();
        var service = hotel.Get<PricingSettingsService>();

        var id = await service.AddEventAsync("  Jazz festival ", hotel.Today.AddDays(10), hotel.Today.AddDays(12), 2m, None);
        await service.AddEventAsync("Quiet week", hotel.Today.AddDays(40), hotel.Today.AddDays(46), -0.5m, None);
        await service.ChangeEventAsync(id, "Jazz festival", hotel.Today.AddDays(11), hotel.Today.AddDays(13), 0.3m, None);

        var events = await service.EventsAsync(None);
        Assert.Equal(["Jazz festival", "Quiet week"], events.Select(e => e.Name));
        Assert.Equal((hotel.Today.AddDays(11), hotel.Today.AddDays(13), 0.3m), (events[0].From, events[0].To, events[0].ExpectedUplift));

        await service.RemoveEventAsync(id, None);
        Assert.Equal(["Quiet week"], (await service.EventsAsync(None)).Select(e => e.Name));
    }

    [Fact]
    public async Task Front_desk_cannot_change_pricing_settings_nor_see_another_hotels_events()
    {
        await using var hotel = await TestHotel.CreateAsync();
        await using var neighbour = await hotel.CreateNeighbourAsync();
        var theirs = await neighbour.Get<PricingSettingsService>().AddEventAsync("Their match", neighbour.Today.AddDays(5), neighbour.Today.AddDays(5), 0.5m, None);

        Assert.Empty(await hotel.Get<PricingSettingsService>().EventsAsync(None));
        await Assert.ThrowsAsync<NotFoundException>(() => hotel.Get<PricingSettingsService>().RemoveEventAsync(theirs, None));
        hotel.ActAs(StaffRole.FrontDesk);
        await Assert.ThrowsAsync<ForbiddenException>(() =>
            hotel.Get<PricingSettingsService>().SaveRoomTypeAsync(hotel.RoomTypes[0].Id, 0, new RateGuardrails(80_00, 250_00, 0.2m), false, 0.05m, None));
    }
}
