using Stayfull.Domain.Messaging;

namespace Stayfull.Web.Components.Pages.Settings.Templates;

/// <summary>The wording being edited, before it is saved.</summary>
public sealed class TemplateDraft
{
    public string Subject { get; set; } = "";

    public string Body { get; set; } = "";

    public string SmsText { get; set; } = "";

    public TemplateText ToText() => new(Subject, Body, SmsText);
}

/// <summary>What people call each kind of message.</summary>
public static class TemplateNames
{
    public static string Of(string key) => key switch
    {
        MessageTemplateKeys.BookingConfirmation => "Booking confirmation",
        MessageTemplateKeys.PreArrival => "Pre-arrival",
        MessageTemplateKeys.CheckInLink => "Check-in link",
        MessageTemplateKeys.Receipt => "Receipt",
        MessageTemplateKeys.DigitalKey => "Digital key",
        _ => key,
    };
}
