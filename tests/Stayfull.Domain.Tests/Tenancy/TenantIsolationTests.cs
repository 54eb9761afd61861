using Microsoft.EntityFrameworkCore;
using Stayfull.Domain.Common;
using Stayfull.Domain.Data;
using Stayfull.Domain.Folios;
using Stayfull.Domain.Hotels;
using Stayfull.Domain.Rates;
using Stayfull.Domain.Reservations;
using Stayfull.Domain.Rooms;
using Stayfull.Domain.Tenancy;
using Stayfull.Tests.Support;

namespace Stayfull.Domain.Tests.Tenancy;

public sealed class TenantIsolationTests
{
    /// <summary>What hotel A's staff may try with ids that belong to hotel B.</summary>
    private static readonly Dictionary<string, Func<TestHotel, Neighbour, Task>> CrossTenantAttempts = new()
    {
        ["read a reservation"] = (a, b) => a.Get<ReservationService>().GetAsync(b.ReservationId, CancellationToken.None),
        ["list free rooms"] = (a, b) => a.Get<ReservationService>().FreeRoomsAsync(b.ReservationId, true, CancellationToken.None),
        ["check in"] = (a, b) => a.Get<ReservationService>().CheckInAsync(b.ReservationId, CancellationToken.None),
        ["check out"] = (a, b) => a.Get<ReservationService>().CheckOutAsync(b.ReservationId, true, CancellationToken.None),
        ["cancel"] = (a, b) => a.Get<ReservationService>().CancelAsync(b.ReservationId, null, CancellationToken.None),
        ["mark no-show"] = (a, b) => a.Get<ReservationService>().MarkNoShowAsync(b.ReservationId, CancellationToken.None),
        ["move their guest"] = (a, b) => a.Get<ReservationService>().MoveRoomAsync(b.ReservationId, a.Room("101").Id, "Mine now", CancellationToken.None),
        ["assign their room"] = async (a, b) =>
        {
            var own = await a.BookAsync(a.Stay());
            await a.Get<ReservationService>().AssignRoomAsync(own.Id, b.RoomId, CancellationToken.None);
        },
        ["book their room type"] = (a, b) => a.BookAsync(a.Stay() with { RoomTypeId = b.RoomTypeId }),
        ["book their rate plan"] = (a, b) => a.BookAsync(a.Stay() with { RatePlanId = b.RatePlanId }),
        ["book into their room"] = (a, b) => a.BookAsync(a.Stay() with { RoomId = b.RoomId }),
        ["quote their room type"] = (a, b) => a.Get<BookingService>().QuoteAsync(b.RoomTypeId, null, a.Today, a.Today.AddDays(1), CancellationToken.None),
        ["read a folio"] = (a, b) => a.Get<FolioService>().GetAsync(b.ReservationId, CancellationToken.None),
        ["post a charge"] = (a, b) => a.Get<FolioService>().AddChargeAsync(b.ReservationId, "Minibar", 500, CancellationToken.None),
        ["record a payment"] = (a, b) => a.Get<FolioService>().RecordPaymentAsync(b.ReservationId, "Card", 500, CancellationToken.None),
        ["refund"] = (a, b) => a.Get<FolioService>().RefundAsync(b.ReservationId, "Goodwill", 500, CancellationToken.None),
        ["change housekeeping"] = (a, b) => a.Get<RoomService>().SetHousekeepingAsync(b.RoomId, HousekeepingStatus.OutOfOrder, CancellationToken.None),
        ["change rates"] = (a, b) => a.Get<RateService>().UpdateAsync(new RateUpdate { RoomTypeIds = [b.RoomTypeId], From = a.Today, To = a.Today, RateMinor = 1 }, CancellationToken.None),
        ["edit a room type"] = (a, b) => a.Get<HotelSettingsService>().SaveRoomTypeAsync(b.RoomTypeId, "X", "Taken over", 2, 100, CancellationToken.None),
        ["edit a room"] = (a, b) => a.Get<HotelSettingsService>().SaveRoomAsync(b.RoomId, "666", 6, a.RoomTypes[0].Id, CancellationToken.None),
        ["add a room to their type"] = (a, b) => a.Get<HotelSettingsService>().SaveRoomAsync(null, "999", 9, b.RoomTypeId, CancellationToken.None),
        ["edit a rate plan"] = (a, b) => a.Get<HotelSettingsService>().SaveRatePlanAsync(b.RatePlanId, "X", "Taken over", 0, CancellationToken.None),
    };

    public static TheoryData<string> Attempts => [.. CrossTenantAttempts.Keys];

    [Theory]
    [MemberData(nameof(Attempts))]
    public async Task ServicesGivenAnotherHotelsIdsAnswerNotFound(string attempt)
    {
        await using var hotel = await TestHotel.CreateAsync();
        await using var neighbourHotel = await hotel.CreateNeighbourAsync();
        var neighbour = await Neighbour.ArrangeAsync(neighbourHotel);

        await Assert.ThrowsAsync<NotFoundException>(() => CrossTenantAttempts[attempt](hotel, neighbour));

        await neighbour.AssertUntouchedAsync();
    }

    [Fact]
    public async Task HotelContextNeverReadsAnotherHotelsRows()
    {
        await using var hotel = await TestHotel.CreateAsync();
        await hotel.BookAsync(hotel.Stay() with { RoomId = hotel.Room("101").Id });
        await using var neighbourHotel = await hotel.CreateNeighbourAsync();
        await Neighbour.ArrangeAsync(neighbourHotel);

        await using var db = hotel.Db();

        await AssertOnlyOwnAsync(db.Rooms, hotel.HotelId);
        await AssertOnlyOwnAsync(db.RoomTypes, hotel.HotelId);
        await AssertOnlyOwnAsync(db.RatePlans, hotel.HotelId);
        await AssertOnlyOwnAsync(db.RoomTypeDays, hotel.HotelId);
        await AssertOnlyOwnAsync(db.Guests, hotel.HotelId);
        await AssertOnlyOwnAsync(db.Reservations, hotel.HotelId);
        await AssertOnlyOwnAsync(db.FolioEntries, hotel.HotelId);
        await AssertOnlyOwnAsync(db.AuditEntries, hotel.HotelId);
        await AssertOnlyOwnAsync(db.Memberships, hotel.HotelId);
        Assert.Equal([hotel.HotelId], await db.Hotels.Select(h => h.Id).ToListAsync());
    }

    [Fact]
    public async Task HotelContextFindsNoRowByAnotherHotelsId()
    {
        await using var hotel = await TestHotel.CreateAsync();
        await using var neighbourHotel = await hotel.CreateNeighbourAsync();
        var neighbour = await Neighbour.ArrangeAsync(neighbourHotel);

        await using var db = hotel.Db();

        Assert.Null(await db.Reservations.SingleOrDefaultAsync(r => r.Id == neighbour.ReservationId));
        Assert.Null(await db.Rooms.FindAsync(neighbour.RoomId));
        Assert.Null(await db.Hotels.FindAsync(neighbourHotel.HotelId));
        Assert.NotNull(await db.Reservations.IgnoreQueryFilters().SingleOrDefaultAsync(r => r.Id == neighbour.ReservationId));
    }

    [Fact]
    public async Task HotelContextRefusesToSaveAChangeToAnotherHotelsRow()
    {
        await using var hotel = await TestHotel.CreateAsync();
        await using var neighbourHotel = await hotel.CreateNeighbourAsync();
        var neighbour = await Neighbour.ArrangeAsync(neighbourHotel);

        await using (var db = hotel.Db())
        {
            var theirRoom = await db.Rooms.IgnoreQueryFilters().SingleAsync(r => r.Id == neighbour.RoomId);
            theirRoom.SetHousekeeping(HousekeepingStatus.OutOfOrder);

            var refusal = await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
            Assert.Contains("another hotel", refusal.Message, StringComparison.Ordinal);
        }

        Assert.Equal(HousekeepingStatus.Clean, (await neighbourHotel.ReloadRoomAsync("101")).Housekeeping);
    }

    [Fact]
    public async Task HotelContextRefusesToAddOrDeleteAnotherHotelsRows()
    {
        await using var hotel = await TestHotel.CreateAsync();
        await using var neighbourHotel = await hotel.CreateNeighbourAsync();
        var neighbour = await Neighbour.ArrangeAsync(neighbourHotel);

        await using (var db = hotel.Db())
        {
            db.Rooms.Add(new Room(neighbourHotel.HotelId, "999", 9, neighbour.RoomTypeId));
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        }

        await using (var db = hotel.Db())
        {
            db.FolioEntries.RemoveRange(await db.FolioEntries.IgnoreQueryFilters().Where(e => e.ReservationId == neighbour.ReservationId).ToListAsync());
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        }

        await neighbour.AssertUntouchedAsync();
        await using var theirs = neighbourHotel.Db();
        Assert.Equal(2, await theirs.Rooms.CountAsync());
    }

    [Fact]
    public async Task HotelContextRefusesToChangeAnotherHotel()
    {
        await using var hotel = await TestHotel.CreateAsync();
        await using var neighbourHotel = await hotel.CreateNeighbourAsync();

        await using (var db = hotel.Db())
        {
            var theirs = await db.Hotels.IgnoreQueryFilters().SingleAsync(h => h.Id == neighbourHotel.HotelId);
            theirs.Update("Taken over", theirs.TimeZoneId, theirs.Currency, theirs.CheckInTime, theirs.CheckOutTime, theirs.Address);
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        }

        await using var platform = ((StayfullDb)hotel.Services.GetService(typeof(StayfullDb))!).ForPlatform();
        Assert.Equal(neighbourHotel.Hotel.Name, (await platform.Hotels.SingleAsync(h => h.Id == neighbourHotel.HotelId)).Name);
    }

    [Fact]
    public async Task PlatformContextSeesEveryHotelButNoTenantRows()
    {
        await using var hotel = await TestHotel.CreateAsync();
        await using var neighbourHotel = await hotel.CreateNeighbourAsync();
        var database = (StayfullDb)hotel.Services.GetService(typeof(StayfullDb))!;

        await using var platform = database.ForPlatform();

        Assert.Equal(0, await platform.Rooms.CountAsync());
        Assert.Equal(0, await platform.Reservations.CountAsync());
        Assert.Equal(2, await platform.Hotels.CountAsync());
    }

    [Fact]
    public async Task LiveUpdatesCarryTheActingHotelOnly()
    {
        await using var hotel = await TestHotel.CreateAsync();
        await using var neighbourHotel = await hotel.CreateNeighbourAsync();

        await hotel.BookAsync(hotel.Stay());

        Assert.All(hotel.Published.Changes, c => Assert.Equal(hotel.HotelId, c.HotelId));
        Assert.Empty(neighbourHotel.Published.Changes);
    }

    private static async Task AssertOnlyOwnAsync<T>(IQueryable<T> rows, Guid hotelId)
        where T : class, ITenantOwned
    {
        var seen = await rows.Select(r => r.HotelId).Distinct().ToListAsync();
        Assert.Equal([hotelId], seen);
        Assert.True(await rows.IgnoreQueryFilters().AnyAsync(r => r.HotelId != hotelId), $"The neighbour has {typeof(T).Name} rows to hide.");
    }

    /// <summary>Hotel B with a booked, assigned, paid reservation, and a way to check nothing of it changed.</summary>
    private sealed record Neighbour(TestHotel Hotel, Guid ReservationId, Guid RoomId, Guid RoomTypeId, Guid RatePlanId, int Version, int AuditLines)
    {
        public static async Task<Neighbour> ArrangeAsync(TestHotel hotel)
        {
            var reservation = await hotel.BookAsync(hotel.Stay() with { RoomId = hotel.Room("101").Id });
            await hotel.PayAsync(reservation.Id, 5000);
            var version = (await hotel.ReservationAsync(reservation.Id)).Version;
            await using var db = hotel.Db();
            var auditLines = await db.AuditEntries.CountAsync();
            return new Neighbour(hotel, reservation.Id, hotel.Room("101").Id, hotel.RoomTypes[0].Id, hotel.RatePlans[0].Id, version, auditLines);
        }

        public async Task AssertUntouchedAsync()
        {
            var reservation = await Hotel.ReservationAsync(ReservationId);
            Assert.Equal((ReservationStatus.Confirmed, RoomId, Version), (reservation.Status, reservation.RoomId!.Value, reservation.Version));
            Assert.Equal(3, (await Hotel.FolioEntriesAsync(ReservationId)).Count);
            Assert.Equal(HousekeepingStatus.Clean, (await Hotel.ReloadRoomAsync("101")).Housekeeping);
            await using var db = Hotel.Db();
            Assert.Equal(AuditLines, await db.AuditEntries.CountAsync());
            Assert.Null(await db.RoomTypeDays.Where(d => d.RoomTypeId == RoomTypeId).Select(d => d.RateMinor).FirstOrDefaultAsync(d => d != null));
        }
    }
}
