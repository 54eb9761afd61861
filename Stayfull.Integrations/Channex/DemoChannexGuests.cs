namespace Stayfull.Integrations.Channex;

/// <summary>The people and words of the simulated OTA traffic: guests from the markets a city hotel sells to, and what they ask.</summary>
internal static class DemoChannexGuests
{
    public static readonly (string Name, string Surname, string Country, string Language, string Phone)[] People =
    [
        ("Sophie", "Martin", "FR", "fr", "+33 6 12 48 90 31"),
        ("Lukas", "Müller", "DE", "de", "+49 151 2348 7765"),
        ("Emma", "Johnson", "US", "en", "+1 415 555 0142"),
        ("Hiroshi", "Tanaka", "JP", "ja", "+81 90 3321 8876"),
        ("Giulia", "Rossi", "IT", "it", "+39 347 221 9087"),
        ("Carlos", "García", "ES", "es", "+34 612 33 48 21"),
        ("Olivia", "Smith", "GB", "en", "+44 7700 900 318"),
        ("Lars", "Andersen", "DK", "da", "+45 22 61 78 40"),
        ("Ana", "Silva", "PT", "pt", "+351 912 345 118"),
        ("Noah", "Williams", "AU", "en", "+61 412 555 903"),
        ("Chloé", "Dubois", "BE", "fr", "+32 470 12 34 87"),
        ("Jan", "de Vries", "NL", "nl", "+31 6 4125 8832"),
        ("Ingrid", "Larsen", "NO", "no", "+47 412 55 031"),
        ("Mateo", "Fernández", "AR", "es", "+54 9 11 5123 4410"),
        ("Aisha", "Khan", "GB", "en", "+44 7700 900 552"),
        ("Wei", "Zhang", "CN", "zh", "+86 138 0013 8841"),
        ("Eva", "Novák", "CZ", "cs", "+420 731 552 118"),
        ("Liam", "O'Brien", "IE", "en", "+353 87 123 4411"),
        ("Mia", "Schneider", "AT", "de", "+43 664 123 9987"),
        ("Ethan", "Brown", "CA", "en", "+1 604 555 0187"),
    ];

    public static readonly string[] Questions =
    [
        "Is parking available at the hotel?",
        "What time is check-in?",
        "Can I get a late checkout?",
        "Is breakfast included in our rate?",
        "Do you have Wi-Fi in the rooms?",
        "Could we check in early? Our flight lands at 9 in the morning.",
        "Is there a shuttle from the airport?",
        "Can you store our luggage after checkout?",
        "We are celebrating our anniversary — is there anything special you could arrange?",
        "Do you allow small dogs?",
        "Is the room quiet? I am a light sleeper.",
        "Can we add a baby cot to the room?",
    ];

    public static readonly string?[] Notes =
    [
        null,
        null,
        null,
        "Late arrival, around 22:00.",
        "Non-smoking room, please.",
        "A quiet room away from the lift, if possible.",
        "Celebrating a birthday.",
        "Travelling with a small child.",
    ];

    public static readonly string?[] ArrivalHours = [null, "14:00", "15:00", "16:00", "18:00", "21:00"];

    /// <summary>OTA name as Channex reports it, its prefix in <c>unique_id</c>, and who usually collects the money.</summary>
    public static readonly (string Name, string Prefix, double CollectsChance)[] Otas =
    [
        ("Booking.com", "BDC", 0.3),
        ("Expedia", "EXP", 0.7),
        ("Airbnb", "ABB", 1.0),
    ];
}
