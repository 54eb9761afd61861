using Stayfull.Domain.Common;
using Stayfull.Domain.Tenancy;

namespace Stayfull.Domain.Replies;

/// <summary>What a knowledge base entry is about, so the settings page can group and filter them.</summary>
public enum KnowledgeCategory
{
    ArrivalAndDeparture = 0,
    Facilities = 1,
    FoodAndDrink = 2,
    Policies = 3,
    Transport = 4,
    Services = 5,
    Other = 6,
}

/// <summary>
/// One answer the hotel gives to a question guests ask (parking, breakfast, Wi-Fi…): a title, the ways
/// guests phrase the question (one per line; keywords work too) and the answer staff would send. The
/// answer may say <c>{check-in time}</c>, <c>{check-out time}</c> or <c>{hotel}</c>; they are filled in from the
/// hotel's settings when a reply is written, so the answer stays true when the hours change.
/// </summary>
public sealed class KnowledgeBaseEntry : ITenantOwned
{
    public const int TitleMaxLength = 100;
    public const int PhrasingsMaxLength = 2000;
    public const int AnswerMaxLength = 2000;

    private KnowledgeBaseEntry()
    {
    }

    public KnowledgeBaseEntry(Guid hotelId, KnowledgeEntryValues values, string by, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7();
        HotelId = hotelId;
        CreatedAt = now;
        Update(values, by, now);
        Version = 0;
    }

    public Guid Id { get; private set; }

    public Guid HotelId { get; private set; }

    public string Title { get; private set; } = "";

    public KnowledgeCategory Category { get; private set; }

    /// <summary>Ways a guest asks this, one per line.</summary>
    public string Phrasings { get; private set; } = "";

    public string Answer { get; private set; } = "";

    /// <summary>A disabled entry is kept but never used in a reply.</summary>
    public bool Enabled { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public string UpdatedBy { get; private set; } = "";

    public int Version { get; private set; }

    public KnowledgeEntryValues Values => new(Title, Category, Phrasings, Answer, Enabled);

    /// <summary>The phrasings as a list, blank lines dropped.</summary>
    public IReadOnlyList<string> PhrasingList => SplitPhrasings(Phrasings);

    public void Update(KnowledgeEntryValues values, string by, DateTimeOffset now)
    {
        var errors = Validate(values);
        if (errors.Count > 0)
        {
            throw new ValidationException(errors);
        }

        Title = values.Title.Trim();
        Category = values.Category;
        Phrasings = string.Join('\n', SplitPhrasings(values.Phrasings));
        Answer = values.Answer.Trim();
        Enabled = values.Enabled;
        UpdatedAt = now;
        UpdatedBy = by;
        Version++;
    }

    /// <returns>Field name to the reasons it is refused; empty when the entry can be saved.</returns>
    public static Dictionary<string, string[]> Validate(KnowledgeEntryValues v)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(v.Title))
        {
            errors[nameof(v.Title)] = ["Give the entry a title, e.g. Parking."];
        }
        else if (v.Title.Trim().Length > TitleMaxLength)
        {
            errors[nameof(v.Title)] = [$"The title is at most {TitleMaxLength} characters."];
        }

        if (string.IsNullOrWhiteSpace(v.Answer))
        {
            errors[nameof(v.Answer)] = ["Write the answer guests should get."];
        }
        else if (v.Answer.Trim().Length > AnswerMaxLength)
        {
            errors[nameof(v.Answer)] = [$"The answer is at most {AnswerMaxLength} characters."];
        }

        if ((v.Phrasings ?? "").Length > PhrasingsMaxLength)
        {
            errors[nameof(v.Phrasings)] = [$"The questions are at most {PhrasingsMaxLength} characters in all."];
        }

        if (!Enum.IsDefined(v.Category))
        {
            errors[nameof(v.Category)] = ["Pick a category."];
        }

        return errors;
    }

    internal static IReadOnlyList<string> SplitPhrasings(string? phrasings) =>
        (phrasings ?? "").Split(['\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>What a manager edits for one knowledge base entry.</summary>
public sealed record KnowledgeEntryValues(string Title, KnowledgeCategory Category, string Phrasings, string Answer, bool Enabled = true);
