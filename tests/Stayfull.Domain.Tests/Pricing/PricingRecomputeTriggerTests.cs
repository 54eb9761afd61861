using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stayfull.Domain.Pricing;
using Stayfull.Domain.Reservations;
using Stayfull.Domain.Tenancy;
using Stayfull.Tests.Support;

namespace Stayfull.Domain.Tests.Pricing;

public sealed class PricingRecomputeTriggerTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task A_burst_of_bookings_makes_one_recompute_not_one_per_booking()
    {
        await using var hotel = await BackgroundHotelAsync();
        var signals = hotel.Services.GetRequiredService<PricingRecomputeSignals>();

        for (var i = 0; i < 12; i++)
        {
            await BookAsync(hotel, hotel.RoomTypes[i % 2].Id, $"Guest {i}", daysAhead: 10 + i);
        }

        Assert.True(signals.IsDue(hotel.HotelId));
        var recomputes = hotel.Services.GetRequiredService<PricingRecomputes>();
        Assert.Equal(1, await recomputes.RecomputeDueAsync(None));
        Assert.Equal(0, await recomputes.RecomputeDueAsync(None));
        await using var db = hotel.Db();
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.EntityType == "Pricing" && a.Action == "Recomputed"));
        Assert.Equal(2 * PricingService.Horizon, await db.PricingRecommendations.CountAsync());
    }

    [Fact]
    public async Task A_hotel_never_priced_is_recomputed_at_once_and_only_the_first_time()
    {
        await using var hotel = await BackgroundHotelAsync();
        await using var neighbour = await hotel.CreateNeighbourAsync();
        var recomputes = hotel.Services.GetRequiredService<PricingRecomputes>();

        Assert.Equal(2, await recomputes.RecomputeFirstTimeAsync(None));
        Assert.Equal(0, await recomputes.RecomputeFirstTimeAsync(None));

        await using var db = hotel.Db();
        Assert.Equal(2 * PricingService.Horizon, await db.PricingRecommendations.CountAsync());
        await using var theirs = neighbour.Db();
        Assert.Equal(PricingService.Horizon, await theirs.PricingRecommendations.CountAsync());
    }

    [Fact]
    public async Task A_few_bookings_or_bookings_spread_over_more_than_the_window_are_not_a_burst()
    {
        await using var hotel = await BackgroundHotelAsync();
        var signals = hotel.Services.GetRequiredService<PricingRecomputeSignals>();

        for (var i = 0; i < 4; i++)
        {
            await BookAsync(hotel, hotel.RoomTypes[0].Id, $"Early {i}", daysAhead: 10 + i);
        }

        Assert.False(signals.IsDue(hotel.HotelId));
        hotel.Time.Advance(TimeSpan.FromMinutes(61));
        await BookAsync(hotel, hotel.RoomTypes[0].Id, "Late", daysAhead: 20);

        Assert.False(signals.IsDue(hotel.HotelId));
        Assert.Equal(0, await hotel.Services.GetRequiredService<PricingRecomputes>().RecomputeDueAsync(None));
    }

    [Fact]
    public async Task A_competitor_move_and_a_settings_change_coalesce_into_one_recompute()
    {
        await using var hotel = await BackgroundHotelAsync();
        var signals = hotel.Services.GetRequiredService<PricingRecomputeSignals>();

        signals.MarketMoved(hotel.HotelId);
        await hotel.Get<PricingSettingsService>().AddEventAsync("Congress", hotel.Today.AddDays(30), hotel.Today.AddDays(32), 0.4m, None);
        signals.MarketMoved(hotel.HotelId);

        Assert.Equal(1, await hotel.Services.GetRequiredService<PricingRecomputes>().RecomputeDueAsync(None));
        await using var db = hotel.Db();
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.EntityType == "Pricing" && a.Action == "Recomputed"));
    }

    [Fact]
    public async Task A_burst_in_one_hotel_recomputes_that_hotel_only_acting_for_it()
    {
        await using var hotel = await BackgroundHotelAsync();
        await using var neighbour = await hotel.CreateNeighbourAsync();
        var signals = hotel.Services.GetRequiredService<PricingRecomputeSignals>();

        // The neighbour's desk books a burst through the same instance; ours books two rooms.
        hotel.Staff.Current = new StaffContext(neighbour.HotelId, "user-neighbour", "Neighbour desk", StaffRole.FrontDesk);
        for (var i = 0; i < 5; i++)
        {
            await BookAsync(hotel, neighbour.RoomTypes[0].Id, $"Neighbour guest {i}", daysAhead: 5 + i);
        }

        hotel.ActAs(StaffRole.FrontDesk);
        await BookAsync(hotel, hotel.RoomTypes[0].Id, "Our guest", daysAhead: 5);
        await BookAsync(hotel, hotel.RoomTypes[0].Id, "Our other guest", daysAhead: 6);

        Assert.True(signals.IsDue(neighbour.HotelId));
        Assert.False(signals.IsDue(hotel.HotelId));
        Assert.Equal(1, await hotel.Services.GetRequiredService<PricingRecomputes>().RecomputeDueAsync(None));

        await using (var theirs = neighbour.Db())
        {
            Assert.Equal(PricingService.Horizon, await theirs.PricingRecommendations.CountAsync());
            Assert.Equal("Stayfull", (await theirs.AuditEntries.SingleAsync(a => a.Action == "Recomputed")).UserName);
        }

        await using var ours = hotel.Db();
        Assert.Equal(0, await ours.PricingRecommendations.CountAsync());
        Assert.Equal(PricingService.Horizon, await ours.PricingRecommendations.IgnoreQueryFilters().CountAsync());
    }

    [Fact]
    public async Task The_nightly_run_recomputes_a_hotel_in_its_own_night_hour_only()
    {
        // 03:10 UTC is 03:10 in Lisbon in November: the hotel's nightly hour.
        await using var hotel = await BackgroundHotelAsync(new DateTimeOffset(2026, 11, 24, 3, 10, 0, TimeSpan.Zero));
        var recomputes = hotel.Services.GetRequiredService<PricingRecomputes>();

        Assert.Equal(1, await recomputes.RecomputeNightlyAsync(None));
        hotel.Time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, await recomputes.RecomputeNightlyAsync(None));
    }

    /// <summary>A test hotel whose background work acts as the system for the hotel it names, as the app's does.</summary>
    private static Task<TestHotel> BackgroundHotelAsync(DateTimeOffset? now = null) =>
        TestHotel.CreateAsync(now: now, configure: s => s
            .AddLogging()
            .AddScoped<ICurrentStaff>(sp => new SystemFirstStaff(sp.GetRequiredService<BackgroundStaffScope>(), sp.GetRequiredService<TestStaff>())));

    private static Task<Reservation> BookAsync(TestHotel hotel, Guid roomTypeId, string guest, int daysAhead) =>
        hotel.Get<BookingService>().BookAsync(
            new BookingRequest { RoomTypeId = roomTypeId, Arrival = hotel.Today.AddDays(daysAhead), Departure = hotel.Today.AddDays(daysAhead + 1), GuestName = guest },
            None);

    private sealed class SystemFirstStaff(BackgroundStaffScope background, TestStaff person) : ICurrentStaff
    {
        public ValueTask<StaffContext> GetAsync(CancellationToken cancellationToken = default) =>
            background.Context is { } system ? ValueTask.FromResult(system) : person.GetAsync(cancellationToken);
    }
}
