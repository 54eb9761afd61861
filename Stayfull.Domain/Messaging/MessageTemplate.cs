using Stayfull.Domain.Common;
using Stayfull.Domain.Tenancy;

namespace Stayfull.Domain.Messaging;

/// <summary>
/// A hotel's wording for one kind of message. A hotel that never edited a key uses
/// <see cref="DefaultTemplates"/>; saving creates its own row.
/// </summary>
public sealed class MessageTemplate : ITenantOwned
{
    public const int MaxSubjectLength = 200;
    public const int MaxBodyLength = 10_000;
    public const int MaxSmsLength = 640;

    private MessageTemplate()
    {
    }

    public MessageTemplate(Guid hotelId, string key, string subject, string body, string smsText, string by, DateTimeOffset now)
    {
        if (!MessageTemplateKeys.All.Contains(key))
        {
            throw ValidationException.For("key", $"'{key}' is not a message template.");
        }

        Id = Guid.CreateVersion7();
        HotelId = hotelId;
        Key = key;
        Edit(subject, body, smsText, by, now);
    }

    public Guid Id { get; private set; }

    public Guid HotelId { get; private set; }

    public string Key { get; private set; } = "";

    public string Subject { get; private set; } = "";

    /// <summary>Plain text with placeholders; the HTML part of the email is rendered from it.</summary>
    public string Body { get; private set; } = "";

    public string SmsText { get; private set; } = "";

    public string UpdatedBy { get; private set; } = "";

    public DateTimeOffset UpdatedAt { get; private set; }

    public int Version { get; private set; }

    public void Edit(string subject, string body, string smsText, string by, DateTimeOffset now)
    {
        var errors = new Dictionary<string, string[]>();
        Check(errors, "subject", "The subject", subject, MaxSubjectLength);
        Check(errors, "body", "The email text", body, MaxBodyLength);
        Check(errors, "smsText", "The SMS text", smsText, MaxSmsLength);
        if (errors.Count > 0)
        {
            throw new ValidationException(errors);
        }

        Subject = subject.Trim();
        Body = body.Trim();
        SmsText = smsText.Trim();
        UpdatedBy = by;
        UpdatedAt = now;
        Version++;
    }

    private static void Check(Dictionary<string, string[]> errors, string field, string label, string? text, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            errors[field] = [$"{label} is required."];
            return;
        }

        if (text.Length > maxLength)
        {
            errors[field] = [$"{label} is at most {maxLength} characters."];
            return;
        }

        var unknown = TemplateRenderer.Placeholders(text).Where(p => !TemplateRenderer.KnownPlaceholders.Contains(p)).Distinct().ToList();
        if (unknown.Count > 0)
        {
            errors[field] = [$"{label} uses unknown placeholders: {string.Join(", ", unknown.Select(p => "{{" + p + "}}"))}. Known: {string.Join(", ", TemplateRenderer.KnownPlaceholders.Select(p => "{{" + p + "}}"))}."];
        }
    }
}

public static class MessageTemplateKeys
{
    public const string BookingConfirmation = "booking-confirmation";
    public const string PreArrival = "pre-arrival";
    public const string CheckInLink = "check-in-link";
    public const string Receipt = "receipt";
    public const string DigitalKey = "digital-key";

    public static IReadOnlyList<string> All { get; } = [BookingConfirmation, PreArrival, CheckInLink, Receipt, DigitalKey];
}

/// <summary>The wording a hotel gets until it writes its own.</summary>
public static class DefaultTemplates
{
    public static TemplateText For(string key) => key switch
    {
        MessageTemplateKeys.BookingConfirmation => new(
            "Your booking at {{HotelName}} is confirmed ({{ConfirmationCode}})",
            "Dear {{GuestName}},\n\nThank you for booking with {{HotelName}}. Your stay from {{Arrival}} to {{Departure}} is confirmed.\nConfirmation code: {{ConfirmationCode}}\nAmount due: {{Balance}}\n\nWe look forward to welcoming you.\n{{HotelName}}",
            "{{HotelName}}: your stay {{Arrival}}–{{Departure}} is confirmed. Code {{ConfirmationCode}}."),
        MessageTemplateKeys.PreArrival => new(
            "See you soon at {{HotelName}}",
            "Dear {{GuestName}},\n\nWe are getting ready for your arrival on {{Arrival}}. Save time at the desk by checking in online: {{CheckInLink}}\n\nSee you soon,\n{{HotelName}}",
            "{{HotelName}}: we look forward to seeing you on {{Arrival}}. Check in online: {{CheckInLink}}"),
        MessageTemplateKeys.CheckInLink => new(
            "Check in online for {{ConfirmationCode}}",
            "Dear {{GuestName}},\n\nCheck in online before you arrive: {{CheckInLink}}\n\n{{HotelName}}",
            "{{HotelName}}: check in online here: {{CheckInLink}}"),
        MessageTemplateKeys.Receipt => new(
            "Your receipt from {{HotelName}} ({{ConfirmationCode}})",
            "Dear {{GuestName}},\n\nThank you for staying with us from {{Arrival}} to {{Departure}}.\nBalance: {{Balance}}\n\n{{HotelName}}",
            "{{HotelName}}: thank you for your stay. Balance {{Balance}}."),
        MessageTemplateKeys.DigitalKey => new(
            "Your room key for {{HotelName}}",
            "Dear {{GuestName}},\n\nYour door code is {{KeyCode}}. It works from {{Arrival}} until {{Departure}}.\n\n{{HotelName}}",
            "{{HotelName}}: your door code is {{KeyCode}} ({{Arrival}}–{{Departure}})."),
        _ => throw new NotFoundException($"Message template '{key}'"),
    };
}

public sealed record TemplateText(string Subject, string Body, string SmsText);
