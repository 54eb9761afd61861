using System.Globalization;
using System.Text;

namespace Stayfull.Domain.Replies;

/// <summary>
/// Turns what a guest wrote into the terms retrieval compares: lower case without accents, common phrases
/// joined ("check in" → checkin), filler words dropped, a light stemmer (dogs → dog, parking → park) and a
/// synonym table that sends the words guests use to the word the knowledge base uses (car, garage → park;
/// internet, password → wifi; morning meal → breakfast).
/// </summary>
public static class QuestionText
{
    private static readonly (string Phrase, string Replacement)[] Phrases =
    [
        ("wi fi", "wifi"), ("wi-fi", "wifi"), ("w lan", "wifi"), ("check in", "checkin"), ("check-in", "checkin"), ("checking in", "checkin"),
        ("check out", "checkout"), ("check-out", "checkout"), ("checking out", "checkout"), ("morning meal", "breakfast"),
        ("car park", "parking"), ("front desk", "reception"), ("air con", "aircon"), ("air conditioning", "aircon"), ("air-conditioning", "aircon"),
        ("pick up", "pickup"), ("drop off", "dropoff"), ("e cigarette", "vape"), ("e-cigarette", "vape"), ("step free", "stepfree"),
        ("step-free", "stepfree"), ("swimming pool", "pool"), ("fitness centre", "gym"), ("fitness center", "gym"), ("left luggage", "luggage"),
        ("room service", "roomservice"), ("public transport", "transit"), ("hair dryer", "hairdryer"), ("hair-dryer", "hairdryer"),
    ];

    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "is", "are", "am", "was", "were", "be", "been", "being", "do", "does", "did", "done", "can", "could", "would", "will",
        "shall", "should", "may", "might", "must", "i", "me", "my", "mine", "we", "our", "ours", "us", "you", "your", "yours", "it", "its", "this",
        "that", "these", "those", "there", "here", "of", "to", "in", "on", "at", "for", "from", "with", "by", "about", "as", "and", "or", "but",
        "if", "so", "not", "no", "yes", "please", "pls", "plz", "thanks", "thank", "thx", "hi", "hello", "hey", "dear", "just", "also", "any",
        "some", "what", "which", "who", "whom", "when", "where", "how", "why", "whats", "wheres", "hows", "whens", "get", "got", "getting", "have",
        "has", "had", "having", "im", "ive", "id", "ill", "dont", "doesnt", "cant", "isnt", "arent", "wont", "u", "ur", "know", "tell", "let",
        "want", "wanted", "like", "need", "needs", "needed", "possible", "able", "hotel", "stay", "staying", "guest", "guests", "ok", "okay",
        "much", "many", "there", "theres", "something", "anything", "one", "kind", "sort", "wondering", "wonder", "question", "quick", "ask",
        "asking", "info", "information", "regarding", "re", "then", "than", "too", "very", "really", "still", "again", "they", "them", "their",
        "he", "she", "his", "her", "him", "all", "bit", "little", "use", "using", "go", "going", "come", "coming", "see", "find", "give", "take",
        "help", "thing", "things", "lot", "way", "yet", "ever", "maybe", "perhaps", "else", "other", "into", "onto", "up", "down", "over",
        "offer", "provide", "provided", "available", "availability", "anyone", "somebody", "someone", "pm", "am", "morning", "tonight", "today",
        "tomorrow", "during", "while", "own", "each", "every", "chance", "possibly", "around", "two", "three", "more", "evening", "afternoon",
        "night", "overnight", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "weekend", "week", "day", "days",
        "next", "last", "first", "now", "soon", "already", "actually", "anyway", "sure", "great", "good", "nice", "best",
    };

    // Keys are stems or raw words; values are the term the knowledge base answers under.
    private static readonly Dictionary<string, string> Synonyms = new(StringComparer.Ordinal)
    {
        ["parking"] = "park", ["car"] = "park", ["garage"] = "park", ["vehicle"] = "park", ["valet"] = "park", ["carpark"] = "park",
        ["internet"] = "wifi", ["password"] = "wifi", ["pw"] = "wifi", ["pwd"] = "wifi", ["wlan"] = "wifi", ["wireless"] = "wifi", ["network"] = "wifi",
        ["ssid"] = "wifi", ["online"] = "wifi", ["connection"] = "wifi", ["connect"] = "wifi",
        ["buffet"] = "breakfast", ["brunch"] = "breakfast", ["brekkie"] = "breakfast",
        ["dog"] = "pet", ["cat"] = "pet", ["puppy"] = "pet", ["animal"] = "pet", ["doggy"] = "pet",
        ["arrive"] = "checkin", ["arrival"] = "checkin", ["checkin"] = "checkin",
        ["depart"] = "checkout", ["departure"] = "checkout", ["vacate"] = "checkout",
        ["earlier"] = "early", ["later"] = "late",
        ["shuttle"] = "airport", ["transfer"] = "airport", ["pickup"] = "airport", ["flight"] = "airport", ["terminal"] = "airport",
        ["uber"] = "taxi", ["cab"] = "taxi",
        ["bag"] = "luggage", ["baggage"] = "luggage", ["suitcase"] = "luggage", ["storage"] = "store", ["longer"] = "late",
        ["swim"] = "pool", ["fitness"] = "gym", ["workout"] = "gym", ["exercise"] = "gym", ["treadmill"] = "gym",
        ["dinner"] = "restaurant", ["lunch"] = "restaurant", ["dine"] = "restaurant", ["dining"] = "restaurant", ["eat"] = "restaurant",
        ["supper"] = "restaurant", ["food"] = "restaurant", ["drink"] = "bar", ["cocktail"] = "bar", ["beer"] = "bar", ["wine"] = "bar",
        ["smoke"] = "smok", ["smoking"] = "smok", ["cigarette"] = "smok", ["vape"] = "smok", ["vaping"] = "smok", ["smoker"] = "smok",
        ["children"] = "child", ["kid"] = "child", ["baby"] = "child", ["infant"] = "child", ["toddler"] = "child", ["babie"] = "child",
        ["crib"] = "cot", ["cots"] = "cot",
        ["wheelchair"] = "accessible", ["accessibility"] = "accessible", ["disabled"] = "accessible", ["disability"] = "accessible",
        ["mobility"] = "accessible", ["stepfree"] = "accessible", ["elevator"] = "lift",
        ["washing"] = "laundry", ["wash"] = "laundry", ["iron"] = "laundry", ["ironing"] = "laundry", ["dry"] = "laundry", ["cleaning"] = "laundry",
        ["aircon"] = "aircon", ["ac"] = "aircon", ["heating"] = "aircon", ["heater"] = "aircon", ["thermostat"] = "aircon", ["cold"] = "aircon",
        ["hot"] = "aircon", ["warm"] = "aircon",
        ["towel"] = "towel", ["toiletry"] = "toiletries", ["shampoo"] = "toiletries", ["soap"] = "toiletries", ["toothbrush"] = "toiletries",
        ["toothpaste"] = "toiletries", ["pillow"] = "towel", ["blanket"] = "towel",
        ["metro"] = "transit", ["subway"] = "transit", ["tram"] = "transit", ["bus"] = "transit", ["train"] = "transit", ["station"] = "transit",
        ["underground"] = "transit",
        ["desk"] = "reception", ["lobby"] = "reception", ["concierge"] = "reception", ["staffed"] = "reception", ["24h"] = "reception",
        ["clock"] = "reception",
        ["hour"] = "time", ["times"] = "time", ["o'clock"] = "time", ["oclock"] = "time", ["open"] = "time", ["close"] = "time", ["until"] = "time",
        ["til"] = "time", ["till"] = "time", ["serve"] = "time", ["served"] = "time",
        ["allowed"] = "allow", ["permitted"] = "allow", ["accept"] = "allow", ["welcome"] = "allow", ["bring"] = "allow",
        ["cost"] = "price", ["fee"] = "price", ["charge"] = "price", ["rate"] = "price", ["euro"] = "price", ["pay"] = "price", ["free"] = "price",
        ["included"] = "include", ["inclusive"] = "include", ["complimentary"] = "price",
    };

    /// <summary>Lower case, no accents or apostrophes, punctuation as spaces, one space between words.</summary>
    public static string Normalize(string text)
    {
        var decomposed = (text ?? "").ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark || c is '\'' or '’' or '`')
            {
                continue;
            }

            builder.Append(char.IsLetterOrDigit(c) || c == '-' ? c : ' ');
        }

        var words = builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return string.Join(' ', words);
    }

    /// <summary>The terms of <paramref name="text"/> in order, filler dropped, stemmed and mapped to the knowledge base's words.</summary>
    public static IReadOnlyList<string> Terms(string text)
    {
        var normal = " " + Normalize(text) + " ";
        foreach (var (phrase, replacement) in Phrases)
        {
            normal = normal.Replace(" " + phrase + " ", " " + replacement + " ", StringComparison.Ordinal);
        }

        var terms = new List<string>();
        foreach (var raw in normal.Replace('-', ' ').Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (Synonyms.TryGetValue(raw, out var mapped))
            {
                terms.Add(mapped);
                continue;
            }

            // Filler, single letters and numbers ("2pm", "3 kids") say nothing about which answer is wanted.
            if (StopWords.Contains(raw) || raw.Length == 1 || raw.Any(char.IsDigit))
            {
                continue;
            }

            var stem = Stem(raw);
            terms.Add(Synonyms.TryGetValue(stem, out var fromStem) ? fromStem : stem);
        }

        return terms;
    }

    /// <summary>A deliberately light suffix stripper: plural, -ing and -ed, enough for guests' questions.</summary>
    public static string Stem(string word)
    {
        if (word.Length <= 3 || word.All(char.IsDigit))
        {
            return word;
        }

        if (word.EndsWith("ies", StringComparison.Ordinal) && word.Length > 4)
        {
            return word[..^3] + "y";
        }

        if (word.EndsWith("ing", StringComparison.Ordinal) && word.Length > 5)
        {
            return Undouble(word[..^3]);
        }

        if (word.EndsWith("ed", StringComparison.Ordinal) && word.Length > 4)
        {
            return Undouble(word[..^2]);
        }

        if (word.EndsWith("sses", StringComparison.Ordinal) || word.EndsWith("ches", StringComparison.Ordinal) || word.EndsWith("shes", StringComparison.Ordinal) || word.EndsWith("xes", StringComparison.Ordinal))
        {
            return word[..^2];
        }

        if (word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal) && !word.EndsWith("us", StringComparison.Ordinal) && !word.EndsWith("is", StringComparison.Ordinal))
        {
            return word[..^1];
        }

        return word;
    }

    /// <summary>Edit distance with transpositions (optimal string alignment), stopping early above <paramref name="limit"/>.</summary>
    public static int Distance(string a, string b, int limit)
    {
        if (Math.Abs(a.Length - b.Length) > limit)
        {
            return limit + 1;
        }

        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            var rowMin = int.MaxValue;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }

                rowMin = Math.Min(rowMin, d[i, j]);
            }

            if (rowMin > limit)
            {
                return limit + 1;
            }
        }

        return d[a.Length, b.Length];
    }

    // "stopp" → "stop", "shopp" → "shop": a doubled consonant left by -ing/-ed.
    private static string Undouble(string stem) =>
        stem.Length > 3 && stem[^1] == stem[^2] && stem[^1] is not ('l' or 's' or 'z') ? stem[..^1] : stem;
}
