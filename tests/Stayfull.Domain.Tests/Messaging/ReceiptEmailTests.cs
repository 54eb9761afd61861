using Microsoft.EntityFrameworkCore;
using Stayfull.Domain.Folios;
using Stayfull.Domain.Integrations;
using Stayfull.Domain.Messaging;
using Stayfull.Domain.Reservations;
using Stayfull.Domain.Rooms;
using Stayfull.Tests.Support;

namespace Stayfull.Domain.Tests.Messaging;

public sealed class ReceiptEmailTests
{
    [Fact]
    public async Task CheckingOutAGuestWithAnEmailQueuesTheReceiptOnce()
    {
        await using var hotel = await TestHotel.CreateAsync();
        var reservation = await CheckedInAsync(hotel, "ada@example.test");
        await hotel.Get<FolioService>().RecordPaymentAsync(reservation.Id, "Card", 20000, CancellationToken.None);

        await hotel.Get<ReservationService>().CheckOutAsync(reservation.Id, managerOverride: false, CancellationToken.None);

        await using var db = hotel.Db();
        var receipt = Assert.Single(await db.GuestMessages.Where(m => m.ReservationId == reservation.Id && m.TemplateKey == MessageTemplateKeys.Receipt).ToListAsync());
        Assert.Equal("ada@example.test", receipt.To);
        Assert.Single(await db.OutboxMessages.Where(m => m.Vendor == IntegrationVendor.SendGrid && m.IdempotencyKey.Contains(MessageTemplateKeys.Receipt)).ToListAsync());
    }

    [Fact]
    public async Task CheckingOutAGuestWithoutAnEmailSendsNothingAndStillChecksOut()
    {
        await using var hotel = await TestHotel.CreateAsync();
        var reservation = await CheckedInAsync(hotel, email: null);
        await hotel.Get<FolioService>().RecordPaymentAsync(reservation.Id, "Cash", 20000, CancellationToken.None);

        await hotel.Get<ReservationService>().CheckOutAsync(reservation.Id, managerOverride: false, CancellationToken.None);

        await using var db = hotel.Db();
        Assert.Equal(ReservationStatus.CheckedOut, (await db.Reservations.SingleAsync(r => r.Id == reservation.Id)).Status);
        Assert.Empty(await db.GuestMessages.Where(m => m.TemplateKey == MessageTemplateKeys.Receipt).ToListAsync());
    }

    /// <summary>A two-night stay of type 1 (100.00 a night) in room 101, checked in today.</summary>
    private static async Task<Reservation> CheckedInAsync(TestHotel hotel, string? email)
    {
        var reservation = await hotel.Get<BookingService>().BookAsync(
            new BookingRequest { RoomTypeId = hotel.RoomTypes[0].Id, Arrival = hotel.Today, Departure = hotel.Today.AddDays(2), GuestName = "Ada Lovelace", GuestEmail = email, RoomId = hotel.Rooms[0].Id },
            CancellationToken.None);
        Assert.Equal(HousekeepingStatus.Clean, hotel.Rooms[0].Housekeeping);
        await hotel.Get<ReservationService>().CheckInAsync(reservation.Id, CancellationToken.None);
        hotel.Time.Advance(TimeSpan.FromDays(2));
        return reservation;
    }
}
