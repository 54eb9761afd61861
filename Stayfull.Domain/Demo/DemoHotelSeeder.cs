using Microsoft.EntityFrameworkCore;
using Stayfull.Domain.Common;
using Stayfull.Domain.Data;
using Stayfull.Domain.Folios;
using Stayfull.Domain.Guests;
using Stayfull.Domain.Hotels;
using Stayfull.Domain.Rates;
using Stayfull.Domain.Reservations;
using Stayfull.Domain.Rooms;
using Stayfull.Domain.SmartRooms;
using Stayfull.Domain.Tenancy;

namespace Stayfull.Domain.Demo;

/// <summary>
/// Fills an empty database with a believable hotel: 40 rooms in 4 types, 2 rate plans, a year of
/// rates, and 90 days of reservations in every state (past stays checked out, guests in house,
/// arrivals and departures today, future bookings with and without rooms, cancellations, no-shows).
/// Deterministic, so screenshots and tests see the same hotel every time. Where a smart-room hub is
/// registered, its devices are imported and mapped and the current stays get their door codes.
/// </summary>
public sealed class DemoHotelSeeder(StayfullDb database, TimeProvider time, IEnumerable<ISmartRoomHub> hubs)
{
    private static readonly string[] FirstNames = ["Ana", "Ben", "Chloé", "David", "Elif", "Farid", "Grace", "Hiro", "Ines", "Jonas", "Kavya", "Liam", "Maya", "Noah", "Olga", "Pablo", "Quinn", "Rosa", "Sven", "Tariq", "Uma", "Victor", "Wen", "Yara", "Zoe"];
    private static readonly string[] LastNames = ["Almeida", "Berg", "Costa", "Dubois", "Eriksen", "Fischer", "García", "Hansen", "Ito", "Jensen", "Kowalski", "Lopez", "Müller", "Novak", "O'Brien", "Petrov", "Rossi", "Silva", "Tanaka", "Varga", "Weber", "Yilmaz", "Zhang"];

    /// <summary>True when no hotel exists yet: the only time demo data may be added.</summary>
    public async Task<bool> IsEmptyAsync(CancellationToken cancellationToken)
    {
        await using var platform = database.ForPlatform();
        return !await platform.Hotels.AnyAsync(cancellationToken);
    }

    public async Task<bool> SeedIfEmptyAsync(IReadOnlyDictionary<StaffRole, string> demoUserIds, CancellationToken cancellationToken)
    {
        if (!await IsEmptyAsync(cancellationToken))
        {
            return false;
        }

        var hotel = new Hotel(DemoHotel.Name, "Europe/Lisbon", "EUR", new TimeOnly(15, 0), new TimeOnly(11, 0), new Address("Rua do Cais 12", "Lisbon", "1100-001", "PT"));
        await using var db = database.ForHotel(hotel.Id);
        db.Hotels.Add(hotel);
        foreach (var (role, userId) in demoUserIds)
        {
            db.Memberships.Add(new HotelMembership(hotel.Id, userId, role));
        }

        var now = time.GetUtcNow();
        var today = hotel.LocalDate(now);
        var random = new Random(20261124);

        var bar = new RatePlan(hotel.Id, "BAR", "Best available rate", 0, isDefault: true);
        var nrf = new RatePlan(hotel.Id, "NRF", "Non-refundable", -10, isDefault: false);
        db.RatePlans.AddRange(bar, nrf);

        var types = new[]
        {
            new RoomType(hotel.Id, "STD", "Standard Double", 2, 11000),
            new RoomType(hotel.Id, "TWN", "Twin", 2, 12000),
            new RoomType(hotel.Id, "SUP", "Superior Sea View", 3, 16500),
            new RoomType(hotel.Id, "STE", "Harbour Suite", 4, 29000),
        };
        db.RoomTypes.AddRange(types);

        var rooms = new List<Room>();
        var layout = new[] { (types[0], 16), (types[1], 10), (types[2], 10), (types[3], 4) };
        var index = 0;
        foreach (var (type, count) in layout)
        {
            for (var i = 0; i < count; i++, index++)
            {
                var floor = 1 + (index / 10);
                rooms.Add(new Room(hotel.Id, $"{floor}{(index % 10) + 1:00}", floor, type.Id));
            }
        }

        db.Rooms.AddRange(rooms);

        var firstDay = today.AddDays(-30);
        var lastDay = today.AddDays(365);
        var days = new Dictionary<(Guid, DateOnly), RoomTypeDay>();
        foreach (var type in types)
        {
            for (var date = firstDay; date < lastDay; date = date.AddDays(1))
            {
                var day = new RoomTypeDay(hotel.Id, type.Id, date);
                var weekend = date.DayOfWeek is DayOfWeek.Friday or DayOfWeek.Saturday;
                var summer = date.Month is 6 or 7 or 8;
                day.SetRate(type.BaseRateMinor + (weekend ? type.BaseRateMinor / 5 : 0) + (summer ? type.BaseRateMinor / 4 : 0));
                if (date.DayOfWeek == DayOfWeek.Saturday && type.Code == "STE")
                {
                    day.SetRestrictions(2, false, false, false);
                }

                days[(type.Id, date)] = day;
                db.RoomTypeDays.Add(day);
            }
        }

        var bookings = 0;
        foreach (var room in rooms)
        {
            var type = types.Single(t => t.Id == room.RoomTypeId);
            var date = firstDay.AddDays(random.Next(0, 3));
            while (date < today.AddDays(60))
            {
                var nights = random.Next(1, 6);
                var stay = new StayDates(date, date.AddDays(nights));
                var guest = NewGuest(hotel.Id, random, bookings);
                var plan = random.Next(4) == 0 ? nrf : bar;
                var source = (ReservationSource)random.Next(3);
                var reservation = new Reservation(hotel.Id, $"DEMO{bookings:0000}", guest.Id, type.Id, plan.Id, stay, random.Next(1, type.Capacity + 1), source, "Demo data", now.AddDays(-random.Next(1, 60)));
                db.Guests.Add(guest);
                db.Reservations.Add(reservation);
                bookings++;

                var fate = random.Next(100);
                if (fate < 6 && stay.Arrival > today)
                {
                    reservation.Cancel("Demo data", now);
                    date = date.AddDays(random.Next(0, 2));
                    continue; // a cancelled stay leaves the room free for someone else
                }

                if (fate < 9 && stay.Departure <= today)
                {
                    reservation.MarkNoShow(stay.Arrival, "Demo data", now);
                    date = date.AddDays(random.Next(0, 2));
                    continue;
                }

                var charged = 0L;
                foreach (var night in stay.EachNight())
                {
                    var day = days[(type.Id, night)];
                    day.Reserve();
                    var price = plan.PriceOf(day.EffectiveRate(type.BaseRateMinor));
                    charged += price;
                    db.FolioEntries.Add(new FolioEntry(hotel.Id, reservation.Id, FolioEntryKind.RoomNight, night, $"{type.Name} – {plan.Name}", price, hotel.Currency, "Demo data", now));
                }

                // Future stays far out are often not given a room yet.
                var leaveUnassigned = stay.Arrival > today.AddDays(3) && random.Next(3) == 0;
                if (!leaveUnassigned)
                {
                    reservation.AssignRoom(room, "Demo data", now);
                }

                if (stay.Departure <= today || (stay.Arrival < today && stay.Departure > today) || (stay.Arrival == today && random.Next(2) == 0) || stay.Departure == today)
                {
                    if (stay.Arrival <= today)
                    {
                        reservation.CheckIn(room, stay.Arrival, "Demo data", now);
                    }
                }

                if (stay.Departure < today || (stay.Departure == today && random.Next(3) == 0))
                {
                    db.FolioEntries.Add(new FolioEntry(hotel.Id, reservation.Id, FolioEntryKind.Payment, stay.Departure, "Card at the desk", charged, hotel.Currency, "Demo data", now));
                    reservation.CheckOut(0, false, "Demo data", now);
                }
                else if (reservation.Status == ReservationStatus.CheckedIn && random.Next(2) == 0)
                {
                    db.FolioEntries.Add(new FolioEntry(hotel.Id, reservation.Id, FolioEntryKind.Payment, stay.Arrival, "Deposit", Math.Max(1, charged / 2), hotel.Currency, "Demo data", now));
                }

                if (reservation.Status == ReservationStatus.CheckedIn && random.Next(3) == 0)
                {
                    db.FolioEntries.Add(new FolioEntry(hotel.Id, reservation.Id, FolioEntryKind.Charge, stay.Arrival, "Minibar", random.Next(4, 40) * 100, hotel.Currency, "Demo data", now));
                }

                date = stay.Departure.AddDays(random.Next(0, 3));
            }
        }

        SetHousekeeping(db, rooms, today, random);
        Replies.DefaultKnowledgeBase.AddTo(db, hotel.Id, hotel.Currency, now);
        await db.SaveChangesAsync(cancellationToken);
        await DemoChannelMapping.SeedAsync(database, hotel.Id, time.GetUtcNow(), cancellationToken);
        if (hubs.LastOrDefault() is { } hub)
        {
            await DemoSmartRooms.SeedAsync(database, hub, time, hotel.Id, cancellationToken);
        }

        return true;
    }

    private static Guest NewGuest(Guid hotelId, Random random, int n)
    {
        var first = FirstNames[random.Next(FirstNames.Length)];
        var last = LastNames[random.Next(LastNames.Length)];
        var slug = $"{first}.{last}{n}".ToLowerInvariant().Replace("'", "", StringComparison.Ordinal).Replace("é", "e", StringComparison.Ordinal).Replace("ü", "u", StringComparison.Ordinal).Replace("í", "i", StringComparison.Ordinal);
        return (n % 3) switch
        {
            0 => new Guest(hotelId, $"{first} {last}", null, null), // walk-in or phone booking
            1 => new Guest(hotelId, $"{first} {last}", $"{slug}@example.com", null),
            _ => new Guest(hotelId, $"{first} {last}", $"{slug}@example.com", $"+351 91{random.Next(1000000, 9999999)}"),
        };
    }

    private static void SetHousekeeping(StayfullDbContext db, List<Room> rooms, DateOnly today, Random random)
    {
        var inHouse = db.ChangeTracker.Entries<Reservation>()
            .Where(e => e.Entity.Status == ReservationStatus.CheckedIn)
            .Select(e => e.Entity.RoomId)
            .ToHashSet();
        var arrivingRooms = db.ChangeTracker.Entries<Reservation>()
            .Where(e => e.Entity.Arrival == today && e.Entity.Status == ReservationStatus.Confirmed)
            .Select(e => e.Entity.RoomId)
            .ToHashSet();
        foreach (var room in rooms)
        {
            if (inHouse.Contains(room.Id))
            {
                room.SetHousekeeping(random.Next(3) == 0 ? HousekeepingStatus.Clean : HousekeepingStatus.Dirty);
            }
            else if (arrivingRooms.Contains(room.Id))
            {
                room.SetHousekeeping(random.Next(4) == 0 ? HousekeepingStatus.Dirty : HousekeepingStatus.Inspected);
            }
            else
            {
                room.SetHousekeeping(random.Next(5) switch
                {
                    0 => HousekeepingStatus.Dirty,
                    1 => HousekeepingStatus.Inspected,
                    _ => HousekeepingStatus.Clean,
                });
            }
        }

        // One room under repair, if one is free of guests today.
        var free = rooms.FirstOrDefault(r => !inHouse.Contains(r.Id) && !arrivingRooms.Contains(r.Id));
        free?.SetHousekeeping(HousekeepingStatus.OutOfOrder);
    }
}
