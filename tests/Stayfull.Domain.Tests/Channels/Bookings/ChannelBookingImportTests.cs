using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stayfull.Domain.Channels;
using Stayfull.Domain.Channels.Bookings;
using Stayfull.Domain.Common;
using Stayfull.Domain.Integrations;
using Stayfull.Domain.Sessions;
using Stayfull.Domain.Tenancy;
using Stayfull.Domain.Live;
using Stayfull.Domain.Reservations;

namespace Stayfull.Domain.Tests.Channels.Bookings;

public sealed class ChannelBookingImportTests
{
    [Fact]
    public async Task ANewBookingBecomesAReservationWithTheGuestStayOtaPricesCommissionAndPaymentCollectButNoCardOrDeposit()
    {
        await using var hotel = await ChannelBookingsHotel.CreateAsync();

        var outcome = await hotel.ApplyAsync(hotel.Revision("rev-1"));

        Assert.Equal(RevisionOutcome.Applied, outcome);
        var reservation = Assert.Single(await hotel.ReservationsAsync());
        Assert.Equal(ReservationSource.Ota, reservation.Source);
        Assert.Equal(hotel.RoomTypes[0].Id, reservation.RoomTypeId);
        Assert.Equal(hotel.RatePlans[0].Id, reservation.RatePlanId);
        Assert.Equal(hotel.Today.AddDays(10), reservation.Arrival);
        Assert.Equal(hotel.Today.AddDays(12), reservation.Departure);
        Assert.Equal(2, reservation.Adults);
        Assert.Equal([12345L, 13000L], (await hotel.NightsAsync(reservation.Id)).Select(n => n.AmountMinor));

        var booking = await hotel.BookingAsync();
        Assert.Equal("Booking.com", booking.OtaName);
        Assert.Equal("bk-BDC-123", booking.ChannelBookingId);
        Assert.Equal(25345L, booking.AmountMinor);
        Assert.Equal(3802L, booking.OtaCommissionMinor);
        Assert.Equal("ota", booking.PaymentCollect);
        Assert.Equal("credit_card", booking.PaymentType);
        Assert.Equal("PT", booking.GuestCountry);
        Assert.Equal("Late arrival", booking.Notes);
        Assert.Equal(ChannelBookingAttention.None, booking.Attention);

        await using var db = hotel.Db();
        var guest = await db.Guests.SingleAsync(g => g.Id == reservation.GuestId);
        Assert.Equal("Ana Silva", guest.FullName);
        Assert.Equal("ana.silva@guest.booking.com", guest.Email);
        Assert.Equal("+351912345678", guest.SmsNumber);
        Assert.Empty(await db.Payments.ToListAsync());
        Assert.Empty(await db.OutboxMessages.Where(m => m.Vendor == IntegrationVendor.Stripe).ToListAsync());
        Assert.Equal(1, await hotel.BookedAsync(hotel.RoomTypes[0].Id, hotel.Today.AddDays(10)));
        Assert.Equal(["rev-1"], hotel.Channel().Acknowledged);
        Assert.Contains(hotel.Published.Changes, c => c.Topic == ChangeTopic.Reservations && c.Kind == ChangeKind.Created && c.Summary == "New Booking.com booking BDC-123 for Ana Silva");
        Assert.Contains(await db.AuditEntries.Select(a => a.Action).ToListAsync(), a => a == "Imported");
    }

    [Fact]
    public async Task ReplayingTheSameRevisionAddsNoReservationGuestOrFolioLineAndIsAcknowledgedAgain()
    {
        await using var hotel = await ChannelBookingsHotel.CreateAsync();
        var revision = hotel.Revision("rev-1");

        await hotel.ApplyAsync(revision);
        var again = await hotel.ApplyAsync(revision);

        Assert.Equal(RevisionOutcome.AlreadyApplied, again);
        var reservation = Assert.Single(await hotel.ReservationsAsync());
        Assert.Equal(2, (await hotel.NightsAsync(reservation.Id)).Count);
        await using var db = hotel.Db();
        Assert.Equal(1, await db.Guests.CountAsync());
        Assert.Equal(1, await db.ChannelBookings.CountAsync());
        Assert.Equal(1, await hotel.BookedAsync(hotel.RoomTypes[0].Id, hotel.Today.AddDays(10)));
        Assert.Equal(["rev-1", "rev-1"], hotel.Channel().Acknowledged);
    }

    [Fact]
    public async Task AModificationChangesDatesAmountsAndGuestsAndMovesTheNights()
    {
        await using var hotel = await ChannelBookingsHotel.CreateAsync();
        await hotel.ApplyAsync(hotel.Revision("rev-1"));

        await hotel.ApplyAsync(hotel.Revision("rev-2", RevisionStatus.Modified, insertedMinutes: 5, arriveInDays: 11, nights: 3, firstNight: 150m));

        var reservation = Assert.Single(await hotel.ReservationsAsync());
        Assert.Equal(hotel.Today.AddDays(11), reservation.Arrival);
        Assert.Equal(hotel.Today.AddDays(14), reservation.Departure);
        Assert.Equal([15000L, 13000L, 13000L], (await hotel.NightsAsync(reservation.Id)).Select(n => n.AmountMinor));
        Assert.Equal(0, await hotel.BookedAsync(hotel.RoomTypes[0].Id, hotel.Today.AddDays(10)));
        Assert.Equal(1, await hotel.BookedAsync(hotel.RoomTypes[0].Id, hotel.Today.AddDays(13)));
        Assert.Equal("rev-2", (await hotel.BookingAsync()).LastRevisionId);
    }

    [Fact]
    public async Task AModificationToAnotherMappedRoomTypeMovesTheReservationAndItsNights()
    {
        await using var hotel = await ChannelBookingsHotel.CreateAsync();
        await hotel.ApplyAsync(hotel.Revision("rev-1"));

        await hotel.ApplyAsync(hotel.Revision("rev-2", RevisionStatus.Modified, insertedMinutes: 5, roomTypeId: "ch-rt-2", ratePlanId: "ch-rp-2"));

        var reservation = Assert.Single(await hotel.ReservationsAsync());
        Assert.Equal(hotel.RoomTypes[1].Id, reservation.RoomTypeId);
        Assert.Equal(0, await hotel.BookedAsync(hotel.RoomTypes[0].Id, hotel.Today.AddDays(10)));
        Assert.Equal(1, await hotel.BookedAsync(hotel.RoomTypes[1].Id, hotel.Today.AddDays(10)));
    }

    [Fact]
    public async Task ACancellationCancelsTheReservationWithoutAFeeAndFreesItsNights()
    {
        await using var hotel = await ChannelBookingsHotel.CreateAsync();
        await hotel.ApplyAsync(hotel.Revision("rev-1"));

        await hotel.ApplyAsync(hotel.Revision("rev-2", RevisionStatus.Cancelled, insertedMinutes: 5));

        var reservation = Assert.Single(await hotel.ReservationsAsync());
        Assert.Equal(ReservationStatus.Cancelled, reservation.Status);
        await using var db = hotel.Db();
        Assert.Empty(await db.FolioEntries.Where(e => e.ReservationId == reservation.Id).ToListAsync());
        Assert.Empty(await db.Payments.ToListAsync());
        Assert.Equal(0, await hotel.BookedAsync(hotel.RoomTypes[0].Id, hotel.Today.AddDays(10)));
        Assert.Equal(RevisionStatus.Cancelled, (await hotel.BookingAsync()).Status);
    }

    [Fact]
    public async Task AModificationArrivingAfterTheCancellationLeavesTheBookingCancelled()
    {
        await using var hotel = await ChannelBookingsHotel.CreateAsync();
        await hotel.ApplyAsync(hotel.Revision("rev-1"));
        await hotel.ApplyAsync(hotel.Revision("rev-3", RevisionStatus.Cancelled, insertedMinutes: 10));

        var late = await hotel.ApplyAsync(hotel.Revision("rev-2", RevisionStatus.Modified, insertedMinutes: 5, nights: 4));

        Assert.Equal(RevisionOutcome.Superseded, late);
        var reservation = Assert.Single(await hotel.ReservationsAsync());
        Assert.Equal(ReservationStatus.Cancelled, reservation.Status);
        Assert.Equal(hotel.Today.AddDays(12), reservation.Departure);
        Assert.Equal(0, await hotel.BookedAsync(hotel.RoomTypes[0].Id, hotel.Today.AddDays(10)));
        Assert.Equal("rev-3", (await hotel.BookingAsync()).LastRevisionId);
        Assert.Equal(["rev-1", "rev-3", "rev-2"], hotel.Channel().Acknowledged);
    }

    [Fact]
    public async Task AModificationSeenBeforeItsNewRevisionCreatesTheBookingAndTheLateNewChangesNothing()
    {
        await using var hotel = await ChannelBookingsHotel.CreateAsync();

        await hotel.ApplyAsync(hotel.Revision("rev-2", RevisionStatus.Modified, insertedMinutes: 5, nights: 3));
        var late = await hotel.ApplyAsync(hotel.Revision("rev-1", nights: 2));

        Assert.Equal(RevisionOutcome.Superseded, late);
        var reservation = Assert.Single(await hotel.ReservationsAsync());
        Assert.Equal(3, reservation.Nights);
        Assert.Equal(3, (await hotel.NightsAsync(reservation.Id)).Count);
        await using var db = hotel.Db();
        Assert.Equal(1, await db.Guests.CountAsync());
    }

    [Fact]
    public async Task AnOlderModificationArrivingAfterANewerOneChangesNothing()
    {
        await using var hotel = await ChannelBookingsHotel.CreateAsync();
        await hotel.ApplyAsync(hotel.Revision("rev-1"));
        await hotel.ApplyAsync(hotel.Revision("rev-3", RevisionStatus.Modified, insertedMinutes: 10, nights: 4, firstNight: 99m));

        await hotel.ApplyAsync(hotel.Revision("rev-2", RevisionStatus.Modified, insertedMinutes: 5, nights: 3));

        var reservation = Assert.Single(await hotel.ReservationsAsync());
        Assert.Equal(4, reservation.Nights);
        Assert.Equal(9900L, (await hotel.NightsAsync(reservation.Id))[0].AmountMinor);
        Assert.Equal("rev-3", (await hotel.BookingAsync()).LastRevisionId);
    }

    [Fact]
    public async Task AnUnmappedRoomTypeIsKeptAndFlaggedWithTheGuestAndStayThenPlacedByStaff()
    {
        await using var hotel = await ChannelBookingsHotel.CreateAsync();

        await hotel.ApplyAsync(hotel.Revision("rev-1", roomTypeId: "ch-rt-unknown", ratePlanId: null));

        Assert.Empty(await hotel.ReservationsAsync());
        var booking = await hotel.BookingAsync();
        Assert.Equal(ChannelBookingAttention.Unmapped, booking.Attention);
        Assert.Contains("ch-rt-unknown", booking.AttentionReason, StringComparison.Ordinal);
        Assert.Equal("Ana Silva", booking.GuestName);
        Assert.NotNull(booking.GuestId);
        Assert.Equal(["rev-1"], hotel.Channel().Acknowledged);
        Assert.Contains(hotel.Published.Changes, c => c.Topic == ChangeTopic.Channels && c.EntityId == booking.Id);
        var alert = Assert.Single(await hotel.ActAs(StaffRole.FrontDesk).Get<ChannelBookingDesk>().NeedingAttentionAsync(CancellationToken.None));
        Assert.Equal(ChannelBookingAttention.Unmapped, alert.Attention);

        await hotel.Get<ChannelBookingDesk>().AssignRoomTypeAsync(booking.Id, hotel.RoomTypes[1].Id, CancellationToken.None);

        var reservation = Assert.Single(await hotel.ReservationsAsync());
        Assert.Equal(hotel.RoomTypes[1].Id, reservation.RoomTypeId);
        Assert.Equal(booking.GuestId, reservation.GuestId);
        Assert.Equal([12345L, 13000L], (await hotel.NightsAsync(reservation.Id)).Select(n => n.AmountMinor));
        Assert.Equal(ChannelBookingAttention.None, (await hotel.BookingAsync()).Attention);
        Assert.Empty(await hotel.Get<ChannelBookingDesk>().NeedingAttentionAsync(CancellationToken.None));
    }

    [Fact]
    public async Task AnOtaBookingBeyondInventoryIsAcceptedFlaggedAnnouncedAndResolvedByTheDesk()
    {
        await using var hotel = await ChannelBookingsHotel.CreateAsync(roomsPerType: 1);
        await hotel.Get<BookingService>().BookAsync(
            new BookingRequest { RoomTypeId = hotel.RoomTypes[0].Id, Arrival = hotel.Today.AddDays(10), Departure = hotel.Today.AddDays(11), GuestName = "Desk Guest" },
            CancellationToken.None);

        await hotel.ApplyAsync(hotel.Revision("rev-1"));

        Assert.Equal(2, (await hotel.ReservationsAsync()).Count);
        Assert.Equal(2, await hotel.BookedAsync(hotel.RoomTypes[0].Id, hotel.Today.AddDays(10)));
        var booking = await hotel.BookingAsync();
        Assert.Equal(ChannelBookingAttention.Overbooked, booking.Attention);
        Assert.Contains(hotel.Published.Changes, c => c.Topic == ChangeTopic.Channels && c.Summary.StartsWith("Overbooking", StringComparison.Ordinal));

        await hotel.ActAs(StaffRole.FrontDesk).Get<ChannelBookingDesk>().ResolveOverbookingAsync(booking.Id, CancellationToken.None);

        Assert.Equal(ChannelBookingAttention.None, (await hotel.BookingAsync()).Attention);
    }

    [Fact]
    public async Task ARevisionThatCannotBeSavedIsNotAcknowledged()
    {
        await using var hotel = await ChannelBookingsHotel.CreateAsync();
        var broken = hotel.Revision("rev-1") with { Rooms = [new RevisionRoom(hotel.Today.AddDays(5), hotel.Today.AddDays(5), "ch-rt-1", null, 2, 0, null, new Dictionary<DateOnly, decimal>())] };

        await Assert.ThrowsAsync<ValidationException>(() => hotel.ApplyAsync(broken));

        Assert.Empty(hotel.Channel().Acknowledged);
        await using var db = hotel.Db();
        Assert.Empty(await db.ChannelBookings.ToListAsync());
        Assert.Empty(await db.AppliedChannelRevisions.ToListAsync());
    }

    [Fact]
    public async Task TheAcknowledgementComesOnlyOnceTheRevisionIsSaved()
    {
        await using var hotel = await ChannelBookingsHotel.CreateAsync();
        var savedWhenAcknowledged = new List<bool>();
        hotel.Channel().OnAcknowledge = (_, id) =>
        {
            using var db = hotel.Db();
            savedWhenAcknowledged.Add(db.AppliedChannelRevisions.Any(r => r.RevisionId == id) && db.Reservations.Any());
        };

        await hotel.ApplyAsync(hotel.Revision("rev-1"));

        Assert.Equal([true], savedWhenAcknowledged);
    }

    [Fact]
    public async Task AFailedAcknowledgementIsRetriedOnTheNextPollWithoutApplyingTwice()
    {
        await using var hotel = await ChannelBookingsHotel.CreateAsync();
        hotel.Channel().Feed.Add(hotel.Revision("rev-1"));
        hotel.Channel().FailAcknowledgements = true;

        var first = Assert.Single(await hotel.Get<ChannelBookingService>().PollAsync(CancellationToken.None));
        hotel.Channel().FailAcknowledgements = false;
        var second = Assert.Single(await hotel.Get<ChannelBookingService>().PollAsync(CancellationToken.None));

        Assert.Equal((RevisionOutcome.Applied, false), (first.Outcome!.Value, first.Acknowledged));
        Assert.Equal((RevisionOutcome.AlreadyApplied, true), (second.Outcome!.Value, second.Acknowledged));
        Assert.Single(await hotel.ReservationsAsync());
        Assert.Equal(["rev-1"], hotel.Channel().Acknowledged);
        await using var db = hotel.Db();
        Assert.NotNull((await db.AppliedChannelRevisions.SingleAsync()).AcknowledgedAt);
    }

    [Fact]
    public async Task APollAppliesAndAcknowledgesEachRevisionOfTheFeedAndSkipsOneThatFails()
    {
        await using var hotel = await ChannelBookingsHotel.CreateAsync();
        var channel = hotel.Channel();
        channel.Feed.Add(hotel.Revision("rev-1"));
        channel.Feed.Add(hotel.Revision("rev-bad", uniqueId: "EXP-9", insertedMinutes: 1) with { DepartureDate = hotel.Today, Rooms = [new RevisionRoom(hotel.Today.AddDays(3), hotel.Today.AddDays(1), "ch-rt-1", null, 1, 0, null, new Dictionary<DateOnly, decimal>())] });
        channel.Feed.Add(hotel.Revision("rev-2", uniqueId: "BDC-456", insertedMinutes: 2, roomTypeId: "ch-rt-2", ratePlanId: "ch-rp-2"));

        var results = await hotel.Get<ChannelBookingService>().PollAsync(CancellationToken.None);

        Assert.Equal(["rev-1", "rev-bad", "rev-2"], results.Select(r => r.RevisionId));
        Assert.NotNull(results[1].Error);
        Assert.Equal(["rev-1", "rev-2"], channel.Acknowledged);
        Assert.Equal(2, (await hotel.ReservationsAsync()).Count);
    }

    [Fact]
    public async Task TheListenerPullsTheRevisionTheWebhookNamesAndFallsBackToTheFeed()
    {
        await using var hotel = await ChannelBookingsHotel.CreateAsync();
        var channel = hotel.Channel();
        channel.Revisions["rev-9"] = hotel.Revision("rev-9");
        channel.Feed.Add(hotel.Revision("rev-10", uniqueId: "BDC-777", insertedMinutes: 3));
        var listener = hotel.Get<IEnumerable<IChannelEventListener>>().OfType<ChannelBookingListener>().Single();

        Assert.True(listener.Takes("booking_new"));
        Assert.True(listener.Takes("non_acked_booking"));
        Assert.False(listener.Takes("message"));
        await listener.HandleAsync(Event(hotel, "booking_new", """{"booking_id":"bk-BDC-123","property_id":"prop-1","revision_id":"rev-9"}"""), CancellationToken.None);
        Assert.Equal(["get:rev-9", "ack:rev-9"], channel.Calls.Where(c => c != "catalog"));

        await listener.HandleAsync(Event(hotel, "non_acked_booking", "{}"), CancellationToken.None);
        Assert.Equal(["get:rev-9", "ack:rev-9", "feed", "ack:rev-10"], channel.Calls.Where(c => c != "catalog"));
        Assert.Equal(2, (await hotel.ReservationsAsync()).Count);
    }

    [Fact]
    public async Task AHotelSeesAndTouchesOnlyItsOwnOtaBookings()
    {
        await using var hotel = await ChannelBookingsHotel.CreateAsync();
        await hotel.ApplyAsync(hotel.Revision("rev-1", roomTypeId: "ch-rt-unknown"));
        var booking = await hotel.BookingAsync();
        await using var neighbour = await hotel.CreateNeighbourAsync();
        hotel.Staff.Current = new StaffContext(neighbour.HotelId, "user-n", "Neighbour", StaffRole.Owner);

        var desk = hotel.Get<ChannelBookingDesk>();
        Assert.Empty(await desk.NeedingAttentionAsync(CancellationToken.None));
        await Assert.ThrowsAsync<NotFoundException>(() => desk.ResolveOverbookingAsync(booking.Id, CancellationToken.None));
        await Assert.ThrowsAsync<NotFoundException>(() => desk.AssignRoomTypeAsync(booking.Id, neighbour.RoomTypes[0].Id, CancellationToken.None));
        var service = hotel.Get<ChannelBookingService>();

        // The same revision id at another hotel's property is that hotel's own.
        await service.ApplyAsync(hotel.Revision("rev-1", roomTypeId: "ch-rt-unknown"), CancellationToken.None);
        await using var db = neighbour.Db();
        Assert.Equal(1, await db.ChannelBookings.CountAsync());
        Assert.Null(await hotel.Services.GetRequiredService<HotelSessions>().ReadAsync(s => new ChannelBookingLookup().FindAsync(s, "bk-BDC-123", CancellationToken.None), CancellationToken.None));
    }

    [Fact]
    public async Task TheLookupFindsTheStayAnOtaBookingBecame()
    {
        await using var hotel = await ChannelBookingsHotel.CreateAsync();
        await hotel.ApplyAsync(hotel.Revision("rev-1"));
        var reservation = Assert.Single(await hotel.ReservationsAsync());

        var stay = await hotel.Get<HotelSessions>().ReadAsync(s => hotel.Get<IChannelBookingLookup>().FindAsync(s, "bk-BDC-123", CancellationToken.None), CancellationToken.None);

        Assert.Equal(new ChannelBookingStay(reservation.Id, reservation.GuestId, "Booking.com"), stay);
    }

    private static ChannelEvent Event(Stayfull.Tests.Support.TestHotel hotel, string type, string payload) =>
        new(hotel.HotelId, type, "prop-1", payload, null!);
}

public sealed class ChannelBookingFeedTests
{
    [Fact]
    public async Task TheScheduledPollReadsTheFeedOfAMappedHotelAndTakesItsRevisionsIn()
    {
        await using var hotel = await ChannelBookingsHotel.CreateAsync();
        hotel.Channel().Feed.Add(hotel.Revision("rev-1"));
        hotel.Channel().Feed.Add(hotel.Revision("rev-2", uniqueId: "BDC-456", insertedMinutes: 1));

        var taken = await hotel.Services.GetRequiredService<ChannelBookingFeed>().PollAllAsync(CancellationToken.None);

        Assert.Equal(2, taken);
        Assert.Equal(["rev-1", "rev-2"], hotel.Channel().Acknowledged);
    }

    [Fact]
    public async Task AHotelThatNeitherConnectedNorMappedIsNotPolled()
    {
        await using var hotel = await ChannelBookingsHotel.CreateAsync(mapped: false);
        hotel.Channel().Feed.Add(hotel.Revision("rev-1"));

        var taken = await hotel.Services.GetRequiredService<ChannelBookingFeed>().PollAllAsync(CancellationToken.None);

        Assert.Equal(0, taken);
        Assert.DoesNotContain("feed", hotel.Channel().Calls);
    }
}

public sealed class UnmappedBookingModificationTests
{
    [Fact]
    public async Task AModificationOntoAMappedRoomTypeMakesTheReservationAndClearsTheFlag()
    {
        await using var hotel = await ChannelBookingsHotel.CreateAsync();
        await hotel.ApplyAsync(hotel.Revision("rev-1", roomTypeId: "ch-rt-unknown"));

        await hotel.ApplyAsync(hotel.Revision("rev-2", RevisionStatus.Modified, insertedMinutes: 5, roomTypeId: "ch-rt-2", ratePlanId: null));

        var reservation = Assert.Single(await hotel.ReservationsAsync());
        Assert.Equal(hotel.RoomTypes[1].Id, reservation.RoomTypeId);
        Assert.Equal(hotel.RatePlans[0].Id, reservation.RatePlanId);
        Assert.Equal(ChannelBookingAttention.None, (await hotel.BookingAsync()).Attention);
    }
}
