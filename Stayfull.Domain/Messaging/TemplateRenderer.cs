using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Stayfull.Domain.Messaging;

/// <summary>The values a template can use, already formatted for the guest.</summary>
public sealed record TemplateValues(
    string GuestName,
    string HotelName,
    string ConfirmationCode = "",
    string Arrival = "",
    string Departure = "",
    string Balance = "",
    string CheckInLink = "",
    string KeyCode = "")
{
    public string? this[string placeholder] => placeholder switch
    {
        "GuestName" => GuestName,
        "HotelName" => HotelName,
        "ConfirmationCode" => ConfirmationCode,
        "Arrival" => Arrival,
        "Departure" => Departure,
        "Balance" => Balance,
        "CheckInLink" => CheckInLink,
        "KeyCode" => KeyCode,
        _ => null,
    };
}

public sealed record RenderedMessage(string Subject, string Text, string Html, string Sms);

/// <summary>
/// Fills <c>{{Placeholder}}</c>s. The text and SMS parts get the values as they are; the HTML part is
/// built from the encoded text, so neither the hotel's wording nor a guest's name can inject markup.
/// </summary>
public static partial class TemplateRenderer
{
    public static IReadOnlyList<string> KnownPlaceholders { get; } =
        ["GuestName", "HotelName", "ConfirmationCode", "Arrival", "Departure", "Balance", "CheckInLink", "KeyCode"];

    public static RenderedMessage Render(TemplateText template, TemplateValues values)
    {
        var text = Fill(template.Body, values, encode: false);
        return new RenderedMessage(
            OneLine(Fill(template.Subject, values, encode: false)),
            text,
            ToHtml(template.Body, values),
            Fill(template.SmsText, values, encode: false));
    }

    public static IEnumerable<string> Placeholders(string text) => Placeholder().Matches(text).Select(m => m.Groups[1].Value);

    private static string Fill(string template, TemplateValues values, bool encode) =>
        Placeholder().Replace(template, m =>
        {
            var value = values[m.Groups[1].Value] ?? m.Value;
            return encode ? WebUtility.HtmlEncode(value) : value;
        });

    private static string ToHtml(string template, TemplateValues values)
    {
        // Encode the wording and the values separately, so a value is encoded exactly once.
        var html = new StringBuilder("<!DOCTYPE html><html><body><p>");
        var last = 0;
        foreach (Match m in Placeholder().Matches(template))
        {
            html.Append(Paragraphs(WebUtility.HtmlEncode(template[last..m.Index])));
            html.Append(Paragraphs(WebUtility.HtmlEncode(values[m.Groups[1].Value] ?? m.Value)));
            last = m.Index + m.Length;
        }

        html.Append(Paragraphs(WebUtility.HtmlEncode(template[last..])));
        return html.Append("</p></body></html>").ToString();
    }

    private static string Paragraphs(string encoded) =>
        encoded.Replace("\r\n", "\n", StringComparison.Ordinal).Replace("\n\n", "</p><p>", StringComparison.Ordinal).Replace("\n", "<br>", StringComparison.Ordinal);

    private static string OneLine(string text) => text.Replace('\r', ' ').Replace('\n', ' ').Trim();

    [GeneratedRegex(@"\{\{\s*([A-Za-z]+)\s*\}\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();
}
