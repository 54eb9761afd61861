using Stayfull.Domain.Channels;
using Stayfull.Domain.Reservations;
using Stayfull.Domain.Tests.Channels.Bookings;
using Stayfull.Tests.Support;

namespace Stayfull.Domain.Tests.Reliability.Oversell;

/// <summary>The way a booking attempt reaches the hotel.</summary>
internal enum BookingPath
{
    /// <summary>The front desk's console (the reservation API and dialog call the booking service as staff).</summary>
    Desk,

    /// <summary>The guest booking their own stay on the hotel's website.</summary>
    GuestPage,

    /// <summary>An OTA booking: a <c>booking_new</c> revision pulled from the channel manager, applied and acknowledged.</summary>
    Ota,
}

internal sealed record BookingAttempt(int Index, BookingPath Path, BookingRequest? Request, BookingRevision? Revision);

/// <summary>
/// One round: a fresh two-night stay window of one room type with exactly one room left to sell, and the
/// 200 attempts that race for it (40 OTA revisions, 80 from the desk, 80 from the guest page, shuffled).
/// </summary>
internal sealed record OversellRound(int Number, int RoomType, DateOnly Arrival, DateOnly Departure, int Sellable, int AlreadySold, IReadOnlyList<BookingAttempt> Attempts)
{
    public const int AttemptsPerRound = 200;
    public const int OtaAttempts = 40;
    private const int Nights = 2;

    public string UniqueIdPrefix => $"BDC-R{Number:00}-";

    public Guid RoomTypeId(TestHotel hotel) => hotel.RoomTypes[RoomType].Id;

    /// <summary>
    /// Even rounds race on T1 (its only sellable room, nights never sold before); odd rounds on T2, where the
    /// desk first sells one of its two rooms. Each round has a window of its own, after the previous one.
    /// </summary>
    public static async Task<OversellRound> ArrangeAsync(TestHotel hotel, int number)
    {
        var type = number % 2;
        var fromToday = 1 + (Nights * number);
        var arrival = hotel.Today.AddDays(fromToday);
        var alreadySold = 0;
        if (type == 1)
        {
            await hotel.ArrangeBookingAsync(hotel.Stay(fromToday, Nights, type) with { GuestName = $"Early Guest {number}" });
            alreadySold = 1;
        }

        var random = new Random(1124 + number);
        var paths = Enumerable.Repeat(BookingPath.Ota, OtaAttempts)
            .Concat(Enumerable.Range(0, AttemptsPerRound - OtaAttempts).Select(i => i % 2 == 0 ? BookingPath.Desk : BookingPath.GuestPage))
            .OrderBy(_ => random.Next())
            .ToList();
        var channel = hotel.Channel();
        var attempts = paths.Select((path, i) =>
        {
            if (path == BookingPath.Ota)
            {
                var revision = hotel.Revision($"rev-r{number:00}-{i:000}", uniqueId: $"BDC-R{number:00}-{i:000}", arriveInDays: fromToday, nights: Nights, roomTypeId: $"ch-rt-{type + 1}", ratePlanId: $"ch-rp-{type + 1}");
                channel.Revisions[revision.Id] = revision;
                return new BookingAttempt(i, path, null, revision);
            }

            var request = hotel.Stay(fromToday, Nights, type, path == BookingPath.Desk ? ReservationSource.FrontDesk : ReservationSource.GuestWeb) with
            {
                GuestName = $"{path} Guest {number}-{i}",
                GuestEmail = path == BookingPath.GuestPage ? $"guest-{number}-{i}@example.com" : null,
            };
            return new BookingAttempt(i, path, request, null);
        }).ToList();

        // Rooms of the type that can be sold: T1 has 102 out of order.
        var sellable = type == 0 ? 1 : 2;
        return new OversellRound(number, type, arrival, arrival.AddDays(Nights), sellable, alreadySold, attempts);
    }
}
