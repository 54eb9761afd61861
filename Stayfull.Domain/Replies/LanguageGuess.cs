namespace Stayfull.Domain.Replies;

/// <summary>
/// Guesses the language a guest wrote in from its commonest words, so a model can answer in it and the
/// offline answers (written in the hotel's language) are not sent on their own to someone who wrote in another.
/// </summary>
public static class LanguageGuess
{
    private static readonly Dictionary<string, string[]> Markers = new(StringComparer.Ordinal)
    {
        ["en"] = ["the", "is", "are", "what", "can", "do", "you", "my", "i", "there", "have", "how", "when", "where", "and", "please", "thanks", "hi", "hello", "we", "our", "your", "time"],
        ["pt"] = ["o", "os", "as", "a", "do", "da", "qual", "que", "nao", "voces", "tem", "tenho", "obrigado", "obrigada", "ola", "bom", "dia", "quarto", "pequeno", "almoco", "estacionamento", "quando", "posso", "e", "uma", "um", "para", "com"],
        ["es"] = ["el", "los", "las", "que", "usted", "ustedes", "tienen", "gracias", "hola", "buenos", "habitacion", "desayuno", "aparcamiento", "cuando", "puedo", "es", "una", "un", "para", "con", "hay", "donde"],
        ["fr"] = ["le", "les", "des", "est", "vous", "nous", "avez", "merci", "bonjour", "chambre", "petit", "dejeuner", "parking", "quand", "puis", "je", "une", "un", "pour", "avec", "il", "y", "ou"],
        ["de"] = ["der", "die", "das", "ist", "sie", "wir", "haben", "danke", "hallo", "zimmer", "fruhstuck", "parkplatz", "wann", "kann", "ich", "ein", "eine", "fur", "mit", "gibt", "es", "wo"],
        ["it"] = ["il", "lo", "gli", "che", "avete", "grazie", "ciao", "buongiorno", "camera", "colazione", "parcheggio", "quando", "posso", "e", "una", "uno", "per", "con", "dove", "ce"],
        ["nl"] = ["de", "het", "een", "is", "jullie", "hebben", "dank", "bedankt", "hallo", "kamer", "ontbijt", "parkeren", "wanneer", "kan", "ik", "voor", "met", "waar", "er"],
    };

    /// <returns>A two-letter code; English when the text gives nothing away.</returns>
    public static string Of(string text)
    {
        var words = QuestionText.Normalize(text).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            return "en";
        }

        var best = "en";
        var bestScore = 0.0;
        foreach (var (language, markers) in Markers)
        {
            var score = words.Count(w => markers.Contains(w, StringComparer.Ordinal)) + (language == "en" ? 0.5 : 0);
            if (score > bestScore)
            {
                (best, bestScore) = (language, score);
            }
        }

        return best;
    }
}
