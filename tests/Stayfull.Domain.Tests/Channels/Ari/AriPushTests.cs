using Microsoft.EntityFrameworkCore;
using Stayfull.Domain.Channels;
using Stayfull.Domain.Channels.Ari;
using Stayfull.Domain.Common;
using Stayfull.Domain.Live;
using Stayfull.Domain.Tenancy;
using Stayfull.Tests.Support;

namespace Stayfull.Domain.Tests.Channels.Ari;

/// <summary>The pusher: nothing dropped while a push is in flight or paused, failures surfaced, hotels kept apart.</summary>
public sealed class AriPushTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Changes_saved_while_a_push_is_on_the_wire_stay_pending_for_the_next_push()
    {
        await using var hotel = await AriHotel.CreateAsync();
        await hotel.MapAsync();
        await hotel.BookAsync(hotel.Stay(fromToday: 1));
        hotel.Channel().DuringNextCall = () => hotel.BookAsync(hotel.Stay(fromToday: 30, nights: 1, type: 1));

        await hotel.PushAsync();

        var left = Assert.Single(await hotel.PendingAsync());
        Assert.Equal((hotel.RoomTypes[1].Id, hotel.Today.AddDays(30)), (left.RoomTypeId, left.From));
        hotel.Time.Advance(TimeSpan.FromSeconds(10));
        await hotel.PushAsync();
        Assert.Equal(2, hotel.Channel().Calls.Count);
        Assert.Equal(2, hotel.Channel().ReplayAvailability(hotel.HotelId)[(hotel.ChannelRoomType(1), hotel.Today.AddDays(30))]);
        Assert.Empty(await hotel.PendingAsync());
    }

    [Fact]
    public async Task A_429_pauses_that_kind_at_least_a_minute_then_resumes_with_nothing_dropped()
    {
        await using var hotel = await AriHotel.CreateAsync();
        await hotel.MapAsync();
        var night = hotel.Today.AddDays(5);
        await hotel.SetNightsAsync(night, night, TestHotelArrangements.Change with { RateMinor = 15000 });
        hotel.Channel().FailNext(new ChannelManagerException("Too Many Requests", 429, isTransient: true, retryAfter: TimeSpan.FromSeconds(5)));
        var failedAt = hotel.Time.GetUtcNow();

        await hotel.PushAsync();

        Assert.True(Assert.Single(hotel.Channel().Calls).Failed);
        Assert.Single(await hotel.PendingAsync());
        var state = await hotel.SyncStateAsync();
        Assert.True(state!.RestrictionsPausedUntil >= failedAt + TimeSpan.FromMinutes(1));
        Assert.True(state.MayPush(AriKind.Availability, hotel.Time.GetUtcNow()));

        // A booking meanwhile: availability is not paused and goes at once; the rate edit waits.
        await hotel.BookAsync(hotel.Stay(fromToday: 2));
        await hotel.SetNightsAsync(night.AddDays(1), night.AddDays(1), TestHotelArrangements.Change with { RateMinor = 16000 });
        hotel.Time.Advance(TimeSpan.FromSeconds(30));
        await hotel.PushAsync();
        Assert.Single(hotel.Channel().Calls, c => c.Kind == AriKind.Availability && !c.Failed);
        Assert.Single(hotel.Channel().Calls, c => c.Kind == AriKind.Restrictions);

        hotel.Time.Advance(TimeSpan.FromSeconds(31));
        await hotel.PushAsync();
        var channel = hotel.Channel().ReplayRestrictions(hotel.HotelId);
        Assert.Equal(15000, channel[(hotel.ChannelRatePlan(0), night)].RateMinor);
        Assert.Equal(16000, channel[(hotel.ChannelRatePlan(0), night.AddDays(1))].RateMinor);
        Assert.Empty(await hotel.PendingAsync());
        Assert.Equal(0, (await hotel.SyncStateAsync())!.RestrictionsFailures);
    }

    [Fact]
    public async Task Repeated_failures_back_off_exponentially_up_to_a_quarter_of_an_hour()
    {
        await using var hotel = await AriHotel.CreateAsync();
        await hotel.MapAsync();
        await hotel.BookAsync(hotel.Stay(fromToday: 1));
        var waits = new List<TimeSpan>();
        for (var i = 0; i < 6; i++)
        {
            hotel.Channel().FailNext(new ChannelManagerException("Bad gateway", 502, isTransient: true));
            var at = hotel.Time.GetUtcNow();
            await hotel.PushAsync();
            var until = (await hotel.SyncStateAsync())!.AvailabilityPausedUntil!.Value;
            waits.Add(until - at);
            hotel.Time.SetUtcNow(until);
        }

        Assert.Equal([1, 2, 4, 8, 15, 15], waits.Select(w => (int)w.TotalMinutes));
        Assert.Single(await hotel.PendingAsync());
    }

    [Fact]
    public async Task A_refused_push_parks_its_kind_shows_an_error_and_full_sync_now_resumes_it()
    {
        await using var hotel = await AriHotel.CreateAsync();
        await hotel.MapAsync();
        await hotel.BookAsync(hotel.Stay(fromToday: 1));
        hotel.Channel().FailNext(new ChannelManagerException("unauthorized", 401, isTransient: false));

        await hotel.PushAsync();
        hotel.Time.Advance(TimeSpan.FromHours(1));
        await hotel.PushAsync();

        Assert.Single(hotel.Channel().Calls);
        var view = await hotel.Get<AriSyncService>().GetAsync(None);
        Assert.NotNull(view.Availability.Parked);
        Assert.Contains(view.Errors, e => e.Source == AriSyncErrorSource.PushRefused);
        Assert.Equal(1, view.Availability.PendingChanges);

        await hotel.Get<AriSyncService>().FullSyncNowAsync(None);
        await hotel.PushAsync();
        Assert.Contains(hotel.Channel().Calls, c => c.Kind == AriKind.Availability && !c.Failed);
        Assert.Empty(await hotel.PendingAsync());
    }

    [Fact]
    public async Task Warnings_become_sync_errors_shown_until_a_manager_dismisses_them()
    {
        await using var hotel = await AriHotel.CreateAsync();
        await hotel.MapAsync();
        await hotel.SetNightsAsync(hotel.Today.AddDays(3), hotel.Today.AddDays(3), TestHotelArrangements.Change with { RateMinor = 9900 });
        hotel.Channel().NextWarnings.Add(new AriWarning($"{hotel.ChannelRatePlan(0, 1)} {hotel.Today.AddDays(3):yyyy-MM-dd}", "rate: must be greater than the derived minimum"));

        await hotel.PushAsync();

        var view = await hotel.Get<AriSyncService>().GetAsync(None);
        var error = Assert.Single(view.Errors);
        Assert.Equal(AriSyncErrorSource.PushWarning, error.Source);
        Assert.Contains("derived minimum", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, view.Restrictions.LastPush!.WarningCount);
        Assert.Contains(hotel.Published.Changes, c => c.Topic == ChangeTopic.Channels);

        hotel.ActAs(StaffRole.FrontDesk);
        await Assert.ThrowsAsync<ForbiddenException>(() => hotel.Get<AriSyncService>().DismissErrorAsync(error.Id, None));
        hotel.ActAs(StaffRole.Manager);
        await hotel.Get<AriSyncService>().DismissErrorAsync(error.Id, None);

        Assert.Empty((await hotel.Get<AriSyncService>().GetAsync(None)).Errors);
        Assert.NotEmpty(await hotel.AuditOfAsync(error.Id));
    }

    [Fact]
    public async Task Another_hotels_changes_are_never_pushed_for_this_hotel()
    {
        await using var hotel = await AriHotel.CreateAsync();
        await using var neighbour = await TestHotel.CreateAsync(roomTypes: 1, roomsPerType: 2, now: hotel.Time.GetUtcNow(), databaseFile: hotel.DatabaseFile);
        await hotel.MapAsync();
        await neighbour.MapAsync();
        await hotel.BookAsync(hotel.Stay(fromToday: 1));
        await neighbour.SetNightsAsync(neighbour.Today.AddDays(2), neighbour.Today.AddDays(4), TestHotelArrangements.Change with { RateMinor = 7777 });

        Assert.Single(await hotel.PendingAsync());
        Assert.Single(await neighbour.PendingAsync());
        await hotel.PushAsync();

        var ours = hotel.Channel().Calls.Where(c => c.HotelId == hotel.HotelId).ToList();
        var theirs = hotel.Channel().Calls.Where(c => c.HotelId == neighbour.HotelId).ToList();
        Assert.All(ours.SelectMany(c => c.Availability), v => Assert.StartsWith($"crt-{hotel.HotelId:N}", v.RoomTypeId, StringComparison.Ordinal));
        Assert.DoesNotContain(ours, c => c.Kind == AriKind.Restrictions);
        Assert.All(theirs.SelectMany(c => c.Restrictions), v => Assert.StartsWith($"crp-{neighbour.HotelId:N}", v.RatePlanId, StringComparison.Ordinal));
        Assert.DoesNotContain(theirs, c => c.Kind == AriKind.Availability);

        hotel.Channel().NextWarnings.Add(new AriWarning("x", "ours only"));
        await hotel.BookAsync(hotel.Stay(fromToday: 9));
        hotel.Time.Advance(AriPusher.MinSpacing);
        await hotel.PushAsync();
        Assert.Empty((await neighbour.Get<AriSyncService>().GetAsync(None)).Errors);
        Assert.Single((await hotel.Get<AriSyncService>().GetAsync(None)).Errors);
    }

    [Fact]
    public async Task A_hotel_claimed_by_another_instance_is_left_alone_until_its_claim_lapses()
    {
        await using var hotel = await AriHotel.CreateAsync();
        await hotel.MapAsync();
        await hotel.BookAsync(hotel.Stay(fromToday: 1));
        await using (var db = hotel.Db())
        {
            var state = new AriSyncState(hotel.HotelId);
            state.Lock(hotel.Time.GetUtcNow() + AriPushRunner.ClaimFor);
            db.AriSyncStates.Add(state);
            await db.SaveChangesAsync();
        }

        Assert.Equal(0, await hotel.PushAsync());
        hotel.Time.Advance(AriPushRunner.ClaimFor + TimeSpan.FromSeconds(1));
        Assert.Equal(1, await hotel.PushAsync());
        Assert.False((await hotel.SyncStateAsync())!.IsLocked(hotel.Time.GetUtcNow()));
    }
}
