using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stayfull.Domain.Common;
using Stayfull.Domain.Data;
using Stayfull.Domain.Live;
using Stayfull.Domain.Rates;
using Stayfull.Domain.Reservations;
using Stayfull.Domain.Rooms;
using Stayfull.Domain.Sessions;
using Stayfull.Tests.Support;

namespace Stayfull.Domain.Tests.Live;

public sealed class LiveUpdateTests
{
    [Fact]
    public async Task BookingAnnouncesTheNewReservationToItsHotel()
    {
        await using var hotel = await TestHotel.CreateAsync();

        var reservation = await hotel.BookAsync(hotel.Stay());

        var change = Assert.Single(hotel.Published.Changes);
        Assert.Equal((hotel.HotelId, ChangeTopic.Reservations, reservation.Id), (change.HotelId, change.Topic, change.EntityId));
        Assert.Contains(reservation.ConfirmationCode, change.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangeIsPublishedOnlyOnceTheWriteIsSaved()
    {
        await using var hotel = await TestHotel.CreateAsync();
        var probe = new SavedRowProbe(hotel.Services.GetRequiredService<StayfullDb>());
        var bookings = new BookingService(new HotelSessions(hotel.Services.GetRequiredService<StayfullDb>(), hotel.Staff, hotel.Time, probe));

        var reservation = await bookings.BookAsync(hotel.Stay(), CancellationToken.None);

        Assert.Equal([(reservation.Id, true)], probe.Seen);
    }

    [Fact]
    public async Task CheckOutAnnouncesTheReservationAndTheDirtyRoom()
    {
        await using var hotel = await TestHotel.CreateAsync();
        var reservation = await hotel.CheckedInAsync("101", nights: 1);
        hotel.Time.Advance(TimeSpan.FromDays(1));
        var before = hotel.Published.Changes.Count;

        await hotel.Get<ReservationService>().CheckOutAsync(reservation.Id, true, CancellationToken.None);

        var changes = hotel.Published.Changes.Skip(before).ToList();
        Assert.Equal([ChangeTopic.Reservations, ChangeTopic.Rooms], changes.Select(c => c.Topic));
        Assert.Equal(hotel.Room("101").Id, changes[1].EntityId);
    }

    [Fact]
    public async Task RateChangeAnnouncesTheRatesTopic()
    {
        await using var hotel = await TestHotel.CreateAsync();

        await hotel.Get<RateService>().UpdateAsync(new RateUpdate { RoomTypeIds = [hotel.RoomTypes[0].Id], From = hotel.Today, To = hotel.Today, StopSell = true }, CancellationToken.None);

        Assert.Equal(ChangeTopic.Rates, Assert.Single(hotel.Published.Changes).Topic);
    }

    [Fact]
    public async Task RefusedWriteAnnouncesNothing()
    {
        await using var hotel = await TestHotel.CreateAsync(roomTypes: 1, roomsPerType: 1);
        var reservation = await hotel.BookAsync(hotel.Stay() with { RoomId = hotel.Room("101").Id });
        await hotel.SetHousekeepingAsync("101", HousekeepingStatus.Dirty);
        var before = hotel.Published.Changes.Count;

        await Assert.ThrowsAsync<RuleViolationException>(() => hotel.Get<ReservationService>().CheckInAsync(reservation.Id, CancellationToken.None));
        await Assert.ThrowsAsync<SoldOutException>(() => hotel.BookAsync(hotel.Stay()));
        await Assert.ThrowsAsync<ValidationException>(() => hotel.BookAsync(hotel.Stay(nights: 0)));

        Assert.Equal(before, hotel.Published.Changes.Count);
    }

    [Fact]
    public async Task WriteRefusedByTheDatabaseAnnouncesNothing()
    {
        await using var hotel = await TestHotel.CreateAsync();
        var sessions = hotel.Get<HotelSessions>();

        await Assert.ThrowsAsync<InvalidOperationException>(() => sessions.WriteAsync(
            s =>
            {
                s.Db.Rooms.Add(new Room(Guid.NewGuid(), "999", 9, hotel.RoomTypes[0].Id));
                s.Announce(ChangeTopic.Rooms, null, "Room 999 added");
                return Task.CompletedTask;
            },
            CancellationToken.None));

        Assert.Empty(hotel.Published.Changes);
    }

    /// <summary>On each change, looks in a fresh context whether the announced reservation is already stored.</summary>
    private sealed class SavedRowProbe(StayfullDb database) : ILiveUpdatePublisher
    {
        public List<(Guid Id, bool Stored)> Seen { get; } = [];

        public async ValueTask PublishAsync(HotelChange change, CancellationToken cancellationToken = default)
        {
            await using var db = database.ForHotel(change.HotelId);
            Seen.Add((change.EntityId!.Value, await db.Reservations.AnyAsync(r => r.Id == change.EntityId, cancellationToken)));
        }
    }
}
