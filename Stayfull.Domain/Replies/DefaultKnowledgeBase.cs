using Stayfull.Domain.Common;
using Stayfull.Domain.Data;

namespace Stayfull.Domain.Replies;

/// <summary>
/// The knowledge base a hotel starts with: the questions guests ask most, with answers a hotel can keep or
/// edit. Prices are in the hotel's currency; check-in and check-out hours follow the hotel's settings.
/// </summary>
public static class DefaultKnowledgeBase
{
    public const string By = "Stayfull defaults";

    /// <summary>Adds the default entries for a new hotel to <paramref name="db"/> (saved with the hotel).</summary>
    public static void AddTo(StayfullDbContext db, Guid hotelId, string currency, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(db);
        foreach (var values in Entries(currency))
        {
            db.KnowledgeBaseEntries.Add(new KnowledgeBaseEntry(hotelId, values, By, now));
        }
    }

    public static IReadOnlyList<KnowledgeEntryValues> Entries(string currency)
    {
        string Price(long minor) => new Money(minor, currency).Format(System.Globalization.CultureInfo.InvariantCulture);
        return
        [
            new("Parking", KnowledgeCategory.Transport,
                "Is there parking?\nWhere can I park my car?\nDo you have a garage?\nHow much is parking?\nIs parking free?\nCan I leave my car at the hotel?\nparking, garage, car park, valet",
                $"Yes, we have an underground garage under the hotel, entered from the side street. A space costs {Price(2000)} per night and can't be reserved in advance, so it's first come, first served. Height limit is 1.90 m. Please tell reception your number plate when you arrive."),
            new("Breakfast", KnowledgeCategory.FoodAndDrink,
                "What time is breakfast?\nIs breakfast included?\nWhere is breakfast served?\nHow much is breakfast?\nDo you have gluten-free or vegan options at breakfast?\nbreakfast, buffet, morning meal",
                $"Breakfast is a buffet served in the restaurant on the ground floor from 7:00 to 10:30 (until 11:00 at weekends). It is included when your rate says so; otherwise it is {Price(1800)} per adult and half price for children under 12. Gluten-free, vegetarian and vegan options are always available, just ask the team."),
            new("Wi-Fi", KnowledgeCategory.Facilities,
                "What is the Wi-Fi password?\nIs there free Wi-Fi?\nHow do I connect to the internet?\nThe Wi-Fi network name\nwifi, internet, password, network",
                "Wi-Fi is free throughout the hotel. Connect to the network \"Stayfull-Guest\" and open any web page; sign in with your room number and surname. The connection is fast enough for video calls and streaming."),
            new("Check-in time", KnowledgeCategory.ArrivalAndDeparture,
                "What time is check-in?\nWhen can I check in?\nFrom what time can we get the room?\nWhat time can we arrive?\ncheck-in time, arrival time",
                "Check-in is from {check-in time}. If you arrive earlier, you are welcome to leave your luggage at reception and we'll let you know as soon as your room is ready. You can also check in online before you arrive to save time at the desk."),
            new("Check-out time", KnowledgeCategory.ArrivalAndDeparture,
                "What time is check-out?\nWhen do we have to leave the room on the last day?\nBy what time must I check out?\ncheck-out time, departure",
                "Check-out is by {check-out time}. Just leave your key card at reception or drop it in the box by the door; if you have settled your bill there is nothing else to do."),
            new("Late check-out", KnowledgeCategory.ArrivalAndDeparture,
                "Can I check out late?\nIs late check-out possible?\nCan we keep the room longer?\nCould we leave later than check-out time?\nlate checkout, leave late",
                $"Late check-out until 14:00 is usually possible for {Price(3000)}, depending on who arrives in your room that day. Ask reception the evening before, or book it on your online check-in page while it is offered."),
            new("Early check-in", KnowledgeCategory.ArrivalAndDeparture,
                "Can I check in early?\nIs early check-in possible?\nOur flight lands in the morning, can we have the room earlier?\nearly check-in, arrive early",
                $"Early check-in from 10:00 is possible for {Price(3000)} when the room is free the night before; you can book it on your online check-in page while it is offered. If your room isn't ready, we'll keep your luggage and you can enjoy the city in the meantime."),
            new("Pets", KnowledgeCategory.Policies,
                "Are pets allowed?\nCan I bring my dog?\nIs the hotel pet friendly?\nDo you accept cats?\npets, dog, cat, animals",
                $"Well-behaved dogs and cats are welcome for {Price(1500)} per night; we provide a bed and bowls. Please let us know in advance, as we keep a few rooms for guests with pets. Assistance dogs always stay free of charge."),
            new("Airport transfer", KnowledgeCategory.Transport,
                "Do you have an airport shuttle?\nCan you arrange a transfer from the airport?\nHow do I get from the airport to the hotel?\nCan you book me a taxi to the airport?\nairport, transfer, shuttle, pickup, taxi",
                $"We can book a private transfer from or to the airport for {Price(3500)} per car (up to 4 people); send us your flight number and arrival time at least 24 hours before. A taxi from the airport takes about 20 minutes, and the metro stops a short walk from the hotel. Reception is happy to call a taxi for you at any time."),
            new("Luggage storage", KnowledgeCategory.Services,
                "Can I leave my luggage?\nCan you store our bags after check-out?\nIs there luggage storage?\nWhere can I keep my suitcase before check-in?\nluggage, bags, suitcase, storage",
                "Of course: we store luggage free of charge before check-in and after check-out, in a locked room behind reception. Just ask at the desk and keep the ticket we give you."),
            new("Pool and gym", KnowledgeCategory.Facilities,
                "Is there a pool?\nDo you have a gym?\nWhat are the pool opening hours?\nIs there a fitness centre?\npool, swimming, gym, fitness",
                "Our rooftop pool is open from 8:00 to 20:00 (May to October) and the gym on the first floor is open 24 hours with your room key. Both are free for guests; towels are waiting for you at the pool."),
            new("Restaurant and bar", KnowledgeCategory.FoodAndDrink,
                "What time does the restaurant open?\nIs there a restaurant in the hotel?\nCan we have dinner at the hotel?\nWhen is the bar open?\nDo you have room service?\nrestaurant, dinner, lunch, bar, room service",
                "Our restaurant serves lunch from 12:30 to 15:00 and dinner from 19:00 to 22:30; we recommend booking a table for dinner at reception. The lobby bar is open from 11:00 until midnight, and room service is available from 7:00 to 23:00."),
            new("Smoking", KnowledgeCategory.Policies,
                "Can I smoke in the room?\nIs smoking allowed?\nWhere can I smoke?\nIs vaping allowed in the room?\nsmoking, cigarettes, vape",
                $"All rooms and indoor areas are non-smoking, including e-cigarettes. You're welcome to smoke on the terrace by the main entrance. Smoking in a room incurs a cleaning fee of {Price(15000)}."),
            new("Children and cots", KnowledgeCategory.Policies,
                "Do you have a baby cot?\nCan you add a crib to the room?\nAre children welcome?\nDo kids stay free?\nchildren, kids, baby, cot, crib, extra bed",
                "Children are very welcome. Baby cots are free of charge and extra beds for older children are available in our larger rooms; please ask us in advance so we can prepare the room. Children under 4 stay free when sharing their parents' beds."),
            new("Accessibility", KnowledgeCategory.Facilities,
                "Is the hotel wheelchair accessible?\nDo you have accessible rooms?\nIs there a lift?\nAre there steps at the entrance?\naccessibility, wheelchair, disabled, step-free, lift",
                "The entrance, reception, restaurant and lifts are step-free, and we have two adapted rooms with a roll-in shower and grab rails. Please tell us what you need when you book so we can give you the right room."),
            new("Reception hours", KnowledgeCategory.Services,
                "Is reception open 24 hours?\nWhat if I arrive late at night?\nWhat are the front desk hours?\nCan I check in after midnight?\nreception, front desk, 24 hours",
                "Reception is staffed 24 hours a day, so you can arrive at any time, even late at night. If you have checked in online, your door code also lets you go straight to your room."),
            new("Laundry", KnowledgeCategory.Services,
                "Do you have a laundry service?\nCan I get my clothes washed?\nIs there an iron in the room?\nlaundry, washing, ironing, dry cleaning",
                "We offer a same-day laundry and ironing service: leave your clothes in the bag in your wardrobe before 9:00 and they're back by 18:00. Irons and ironing boards are available from reception."),
            new("Air conditioning and heating", KnowledgeCategory.Facilities,
                "Is there air conditioning?\nHow do I turn on the heating?\nThe room is too cold\nHow does the thermostat work?\nair conditioning, heating, thermostat",
                "Every room has air conditioning and heating controlled by the thermostat by the door: press the mode button to choose heat or cool and set the temperature with the arrows. It switches to eco mode when you leave the room."),
            new("Towels and toiletries", KnowledgeCategory.Services,
                "Can I have extra towels?\nDo you provide shampoo?\nCan I get another pillow?\nDo you have a toothbrush?\ntowels, toiletries, pillow, blanket",
                "Of course: extra towels, pillows and blankets are free; just call reception and we'll bring them up. Shampoo, shower gel and soap are in the bathroom, and reception has toothbrushes, razors and other essentials if you forgot yours."),
            new("Getting here by public transport", KnowledgeCategory.Transport,
                "How do I get to the hotel by public transport?\nWhere is the nearest metro station?\nIs there a bus stop nearby?\nHow far is the train station?\nmetro, bus, train, tram, public transport",
                "The nearest metro station is a 5-minute walk from the hotel and the main train station is 15 minutes away by metro. Buses and trams stop right outside. Reception can give you a map and sell you a travel card."),
        ];
    }
}
