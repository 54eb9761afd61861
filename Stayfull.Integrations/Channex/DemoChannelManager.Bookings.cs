using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Stayfull.Domain.Channels;

namespace Stayfull.Integrations.Channex;

/// <summary>
/// The OTA side of the simulated property: bookings from Booking.com, Expedia and Airbnb on the room types the
/// hotel has mapped (or, before any mapping, on the whole catalog), their modifications and cancellations, and
/// guests writing in the booking's chat. Each lands in the revision feed or the booking's chat and is told as the
/// Channex webhook that would announce it.
/// </summary>
public sealed partial class DemoChannelManager
{
    /// <summary>One tick of the hotel's OTA traffic: the first always brings a booking; later ones roll the configured chances.</summary>
    public async Task<IReadOnlyList<DemoChannexEvent>> TickAsync(Guid hotelId, CancellationToken cancellationToken)
    {
        var property = await PropertyAsync(hotelId);
        bool first;
        double booking, change, message;
        lock (property)
        {
            first = !property.FirstBookingMade;
            (booking, change, message) = (property.Random.NextDouble(), property.Random.NextDouble(), property.Random.NextDouble());
        }

        var settings = options.Value;
        var events = new List<DemoChannexEvent>();
        if (first || booking < settings.BookingChance)
        {
            events.Add(await NewBookingAsync(hotelId, cancellationToken));
        }

        if (!first && change < settings.ChangeChance && await ChangeBookingAsync(hotelId, cancellationToken) is { } changed)
        {
            events.Add(changed);
        }

        if (!first && message < settings.MessageChance && await GuestMessageAsync(hotelId, null, cancellationToken) is { } written)
        {
            events.Add(written);
        }

        return events;
    }

    /// <summary>A new OTA booking, put in the revision feed; arrival within the next 55 days, 1 to 5 nights.</summary>
    public async Task<DemoChannexEvent> NewBookingAsync(Guid hotelId, CancellationToken cancellationToken)
    {
        var stock = await StockAsync(hotelId, cancellationToken);
        var property = stock.Property;
        var now = time.GetUtcNow();
        lock (property)
        {
            var random = property.Random;
            var choices = stock.Sellable.Where(s => stock.MappedRoomTypes.Contains(s.RoomTypeId)).ToList();
            if (choices.Count == 0)
            {
                choices = [.. stock.Sellable];
            }

            if (choices.Count == 0)
            {
                throw new InvalidOperationException("The hotel has no room types and rate plans for the simulated OTAs to sell.");
            }

            var roomTypes = choices.Select(c => c.RoomTypeId).Distinct().ToList();
            var roomTypeId = roomTypes[random.Next(roomTypes.Count)];
            var plans = choices.Where(c => c.RoomTypeId == roomTypeId).ToList();
            var mappedPlans = plans.Where(c => stock.MappedRatePlans.Contains(c.RatePlanId)).ToList();
            var sold = mappedPlans.Count > 0 ? mappedPlans[random.Next(mappedPlans.Count)] : plans.FirstOrDefault(c => c.IsDefaultPlan) ?? plans[0];
            var (ota, prefix, collectsChance) = DemoChannexGuests.Otas[random.Next(DemoChannexGuests.Otas.Length)];
            var person = DemoChannexGuests.People[random.Next(DemoChannexGuests.People.Length)];
            var arrival = property.Today(now).AddDays(random.Next(1, 56));
            var departure = arrival.AddDays(random.Next(1, 6));
            var adults = Math.Min(sold.Capacity, random.Next(1, 3));
            var children = sold.Capacity > adults && random.NextDouble() < 0.2 ? 1 : 0;
            var nights = new SortedDictionary<DateOnly, decimal>();
            for (var night = arrival; night < departure; night = night.AddDays(1))
            {
                nights[night] = NightPrice(sold, night, random, property.Currency);
            }

            var collects = random.NextDouble() < collectsChance;
            var commissionShare = 0.15m + ((decimal)random.NextDouble() * 0.03m);
            var bookingId = property.NextId("booking");
            var code = ReservationCode(prefix, bookingId);
            var amount = nights.Values.Sum();
            var revision = new BookingRevision
            {
                Id = property.NextId("revision"),
                BookingId = bookingId,
                PropertyId = property.PropertyId,
                UniqueId = $"{prefix}-{code}",
                OtaReservationCode = code,
                OtaName = ota,
                Status = RevisionStatus.New,
                ArrivalDate = arrival,
                DepartureDate = departure,
                ArrivalHour = DemoChannexGuests.ArrivalHours[random.Next(DemoChannexGuests.ArrivalHours.Length)],
                Amount = amount,
                Currency = property.Currency,
                OtaCommission = decimal.Round(amount * commissionShare, ChannexJson.Digits(property.Currency), MidpointRounding.AwayFromZero),
                PaymentCollect = collects ? "ota" : "property",
                PaymentType = collects ? null : "credit_card",
                Notes = DemoChannexGuests.Notes[random.Next(DemoChannexGuests.Notes.Length)],
                InsertedAt = now,
                Customer = new RevisionCustomer(person.Name, person.Surname, Email(prefix, person.Name, person.Surname, code), person.Phone, person.Country, person.Language),
                Rooms = [new RevisionRoom(arrival, departure, sold.RoomTypeId, sold.RatePlanId, adults, children, amount, nights)],
            };
            property.Keep(revision);
            property.FirstBookingMade = true;
            return BookingEvent(property, revision, now);
        }
    }

    /// <summary>One simulated booking still to come is modified (a night more or less) or cancelled; null when there is none.</summary>
    public async Task<DemoChannexEvent?> ChangeBookingAsync(Guid hotelId, CancellationToken cancellationToken)
    {
        var property = await PropertyAsync(hotelId);
        var now = time.GetUtcNow();
        lock (property)
        {
            var today = property.Today(now);
            var open = property.Bookings.Values.Where(b => b.Status != RevisionStatus.Cancelled && b.ArrivalDate > today).OrderBy(b => b.InsertedAt).ToList();
            if (open.Count == 0)
            {
                return null;
            }

            var random = property.Random;
            var booking = open[random.Next(open.Count)];
            BookingRevision next;
            if (random.NextDouble() < 0.4)
            {
                next = booking with { Id = property.NextId("revision"), Status = RevisionStatus.Cancelled, InsertedAt = now };
            }
            else
            {
                var room = booking.Rooms[0];
                var nights = new SortedDictionary<DateOnly, decimal>(room.NightlyAmounts.ToDictionary());
                var departure = booking.DepartureDate;
                if (nights.Count > 1 && random.NextDouble() < 0.3)
                {
                    departure = departure.AddDays(-1);
                    nights.Remove(departure);
                }
                else
                {
                    nights[departure] = nights.Count > 0 ? nights.Values.Last() : 0m;
                    departure = departure.AddDays(1);
                }

                var amount = nights.Values.Sum();
                var share = booking.Amount is > 0 && booking.OtaCommission is { } commission ? commission / booking.Amount.Value : 0m;
                next = booking with
                {
                    Id = property.NextId("revision"),
                    Status = RevisionStatus.Modified,
                    DepartureDate = departure,
                    Amount = amount,
                    OtaCommission = decimal.Round(amount * share, ChannexJson.Digits(booking.Currency), MidpointRounding.AwayFromZero),
                    InsertedAt = now,
                    Rooms = [room with { CheckOut = departure, Amount = amount, NightlyAmounts = nights }],
                };
            }

            property.Keep(next);
            return BookingEvent(property, next, now);
        }
    }

    /// <summary>
    /// A guest writes in a booking's OTA chat: on <paramref name="bookingId"/> when given, else on a simulated booking not
    /// cancelled nor over (Booking.com and Airbnb first, the OTAs whose chat Channex carries); null when there is none.
    /// </summary>
    public async Task<DemoChannexEvent?> GuestMessageAsync(Guid hotelId, string? bookingId, CancellationToken cancellationToken)
    {
        var property = await PropertyAsync(hotelId);
        var now = time.GetUtcNow();
        lock (property)
        {
            var random = property.Random;
            if (bookingId is null)
            {
                var today = property.Today(now);
                var open = property.Bookings.Values.Where(b => b.Status != RevisionStatus.Cancelled && b.DepartureDate >= today).OrderBy(b => b.InsertedAt).ToList();
                var chatty = open.Where(b => b.OtaName is "Booking.com" or "Airbnb").ToList();
                var pool = chatty.Count > 0 ? chatty : open;
                if (pool.Count == 0)
                {
                    return null;
                }

                bookingId = pool[random.Next(pool.Count)].BookingId;
            }

            var text = DemoChannexGuests.Questions[random.Next(DemoChannexGuests.Questions.Length)];
            var message = new ChannelMessage(property.NextId("message"), bookingId, ThreadOf(property, bookingId), text, ChannelMessageSender.Guest, now);
            Thread(property, bookingId).Add(message);
            var payload = new JsonObject
            {
                ["id"] = message.Id,
                ["booking_id"] = bookingId,
                ["message_thread_id"] = message.ThreadId,
                ["message"] = text,
                ["attachments"] = new JsonArray(),
                ["have_attachment"] = false,
                ["ota_message_id"] = property.NextId("ota-message"),
            };
            return Told(property, "message", payload, now, null, message);
        }
    }

    private static DemoChannexEvent BookingEvent(DemoChannexProperty property, BookingRevision revision, DateTimeOffset now)
    {
        var type = revision.Status switch
        {
            RevisionStatus.New => "booking_new",
            RevisionStatus.Modified => "booking_modification",
            _ => "booking_cancellation",
        };
        var payload = new JsonObject { ["booking_id"] = revision.BookingId, ["property_id"] = property.PropertyId, ["revision_id"] = revision.Id };
        return Told(property, type, payload, now, revision, null);
    }

    /// <summary>The webhook Channex would post, with <c>send_data</c> on.</summary>
    private static DemoChannexEvent Told(DemoChannexProperty property, string type, JsonObject payload, DateTimeOffset now, BookingRevision? revision, ChannelMessage? message)
    {
        var body = new JsonObject
        {
            ["event"] = type,
            ["payload"] = payload,
            ["property_id"] = property.PropertyId,
            ["user_id"] = null,
            ["timestamp"] = now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture),
        }.ToJsonString();
        using var document = JsonDocument.Parse(body);
        return new DemoChannexEvent(ChannexWebhookIds.For(type, document.RootElement, body), type, body, revision, message);
    }

    /// <summary>Whole currency units, as OTAs mostly sell: the plan's price of the room type, a little more on Friday and Saturday nights, varied a few percent.</summary>
    private static decimal NightPrice(DemoSellable sold, DateOnly night, Random random, string currency)
    {
        var minor = sold.BaseRateMinor * (100m + sold.AdjustmentPercent) / 100m;
        if (night.DayOfWeek is DayOfWeek.Friday or DayOfWeek.Saturday)
        {
            minor *= 1.15m;
        }

        minor *= 0.95m + ((decimal)random.NextDouble() * 0.15m);
        var major = new Domain.Common.Money((long)decimal.Round(minor, MidpointRounding.AwayFromZero), currency).Major;
        return Math.Max(1m, decimal.Round(major, 0, MidpointRounding.AwayFromZero));
    }

    /// <summary>An OTA-style reservation code derived from the booking id: 10 digits at Booking.com, 9 at Expedia, HM and 8 characters at Airbnb.</summary>
    private static string ReservationCode(string prefix, string bookingId)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(bookingId));
        if (prefix == "ABB")
        {
            const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
            return "HM" + new string(hash.Take(8).Select(b => Alphabet[b % Alphabet.Length]).ToArray());
        }

        var digits = prefix == "BDC" ? 10 : 9;
        var number = BitConverter.ToUInt64(hash, 0) % (ulong)Math.Pow(10, digits - 1);
        return (prefix == "BDC" ? "4" : "7") + number.ToString(CultureInfo.InvariantCulture).PadLeft(digits - 1, '0');
    }

    /// <summary>The relay addresses OTAs give hotels instead of the guest's own.</summary>
    private static string Email(string prefix, string name, string surname, string code) => prefix switch
    {
        "BDC" => $"{Ascii(name)[..1]}{Ascii(surname)}.{code[^6..]}@guest.booking.com",
        "EXP" => $"{code}@m.expediapartnercentral.com",
        _ => $"{Ascii(name)}-{code[2..8].ToLowerInvariant()}@guest.airbnb.com",
    };

    private static string Ascii(string text) =>
        new string(text.Normalize(NormalizationForm.FormD).Where(char.IsAsciiLetter).ToArray()).ToLowerInvariant();
}
