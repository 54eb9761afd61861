using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stayfull.Domain.Channels;
using Stayfull.Domain.Channels.Bookings;
using Stayfull.Domain.Channels.Mapping;
using Stayfull.Domain.Folios;
using Stayfull.Domain.Integrations;
using Stayfull.Domain.Reservations;
using Stayfull.Domain.Tests.Integrations;
using Stayfull.Tests.Support;

namespace Stayfull.Domain.Tests.Channels.Bookings;

/// <summary>A test hotel whose channel manager is a recording fake, with T1 and T2 mapped to ch-rt-1 and ch-rt-2 (default plan to their standard rate).</summary>
internal static class ChannelBookingsHotel
{
    public static readonly DateTimeOffset T0 = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);

    public static async Task<TestHotel> CreateAsync(int roomsPerType = 3, bool mapped = true)
    {
        var hotel = await TestHotel.CreateAsync(roomsPerType: roomsPerType, configure: s => s
            .AddLogging()
            .AddSingleton<RecordingChannelManager>()
            .AddSingleton<IChannelManager>(sp => sp.GetRequiredService<RecordingChannelManager>())
            .AddSingleton<ICredentialProtector, ReversingProtector>());
        if (mapped)
        {
            await hotel.Get<ChannelMappingService>().SaveAsync(
                new ChannelMappingPlan(
                [
                    new RoomTypeChoice(hotel.RoomTypes[0].Id, "ch-rt-1", [new RatePlanChoice(hotel.RatePlans[0].Id, "ch-rp-1")]),
                    new RoomTypeChoice(hotel.RoomTypes[1].Id, "ch-rt-2", [new RatePlanChoice(hotel.RatePlans[0].Id, "ch-rp-2")]),
                ]),
                CancellationToken.None);
        }

        return hotel;
    }

    public static RecordingChannelManager Channel(this TestHotel hotel) => hotel.Services.GetRequiredService<RecordingChannelManager>();

    /// <summary>A Booking.com revision for Ana Silva: two nights from 10 days after today in ch-rt-1, at 123.45 and 130.00.</summary>
    public static BookingRevision Revision(
        this TestHotel hotel,
        string id,
        RevisionStatus status = RevisionStatus.New,
        int insertedMinutes = 0,
        string uniqueId = "BDC-123",
        int arriveInDays = 10,
        int nights = 2,
        string? roomTypeId = "ch-rt-1",
        string? ratePlanId = "ch-rp-1",
        decimal firstNight = 123.45m,
        int rooms = 1) =>
        new()
        {
            Id = id,
            BookingId = "bk-" + uniqueId,
            PropertyId = "prop-1",
            UniqueId = uniqueId,
            OtaReservationCode = uniqueId[4..],
            OtaName = "Booking.com",
            Status = status,
            ArrivalDate = hotel.Today.AddDays(arriveInDays),
            DepartureDate = hotel.Today.AddDays(arriveInDays + nights),
            ArrivalHour = "15:00",
            Amount = rooms * (firstNight + (nights - 1) * 130m),
            Currency = "EUR",
            OtaCommission = 38.02m,
            PaymentCollect = "ota",
            PaymentType = "credit_card",
            Notes = "Late arrival",
            InsertedAt = T0.AddMinutes(insertedMinutes),
            Customer = new RevisionCustomer("Ana", "Silva", "ana.silva@guest.booking.com", "+351 912 345 678", "PT", "pt"),
            Rooms = [.. Enumerable.Range(0, rooms).Select(_ => new RevisionRoom(
                hotel.Today.AddDays(arriveInDays),
                hotel.Today.AddDays(arriveInDays + nights),
                roomTypeId,
                ratePlanId,
                2,
                0,
                firstNight + (nights - 1) * 130m,
                Enumerable.Range(0, nights).ToDictionary(n => hotel.Today.AddDays(arriveInDays + n), n => n == 0 ? firstNight : 130m)))],
        };

    public static Task<RevisionOutcome> ApplyAsync(this TestHotel hotel, BookingRevision revision) =>
        hotel.Get<ChannelBookingService>().ApplyAsync(revision, CancellationToken.None);

    public static async Task<ChannelBooking> BookingAsync(this TestHotel hotel, string uniqueId = "BDC-123")
    {
        await using var db = hotel.Db();
        return await db.ChannelBookings.SingleAsync(b => b.UniqueId == uniqueId);
    }

    public static async Task<IReadOnlyList<Reservation>> ReservationsAsync(this TestHotel hotel)
    {
        await using var db = hotel.Db();
        return await db.Reservations.OrderBy(r => r.CreatedAt).ToListAsync();
    }

    public static async Task<IReadOnlyList<FolioEntry>> NightsAsync(this TestHotel hotel, Guid reservationId)
    {
        await using var db = hotel.Db();
        return await db.FolioEntries.Where(e => e.ReservationId == reservationId && e.Kind == FolioEntryKind.RoomNight).OrderBy(e => e.ServiceDate).ToListAsync();
    }

    public static async Task<int> BookedAsync(this TestHotel hotel, Guid roomTypeId, DateOnly night)
    {
        await using var db = hotel.Db();
        return await db.RoomTypeDays.Where(d => d.RoomTypeId == roomTypeId && d.Date == night).Select(d => d.Booked).SingleOrDefaultAsync();
    }
}
