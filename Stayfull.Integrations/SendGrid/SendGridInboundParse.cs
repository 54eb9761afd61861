using System.Net.Mail;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using Stayfull.Domain.Inbox;

namespace Stayfull.Integrations.SendGrid;

/// <summary>
/// SendGrid Inbound Parse: the vendor posts each email to the hotel as <c>multipart/form-data</c> with the fields
/// <c>from</c>, <c>to</c>, <c>subject</c>, <c>text</c>, <c>html</c>, <c>headers</c>, <c>envelope</c>, <c>charsets</c>
/// (the encoding of each field), <c>attachments</c> and one file part per attachment. Attachments are not kept.
/// </summary>
public static partial class SendGridInboundParse
{
    /// <summary>The inbox event type of a parsed email, applied by the SendGrid applier.</summary>
    public const string EventType = "inbound";

    private const int MaxTextLength = InboxIntake.MaxBodyLength;

    /// <summary>The text fields of the form, each decoded in the charset SendGrid names for it; file parts are skipped.</summary>
    /// <exception cref="InvalidDataException">The body is not multipart form data.</exception>
    public static async Task<IReadOnlyDictionary<string, string>> ReadFieldsAsync(Stream body, string? contentType, CancellationToken cancellationToken)
    {
        if (contentType is null || !MediaTypeHeaderValue.TryParse(contentType, out var media) || HeaderUtilities.RemoveQuotes(media.Boundary).Value is not { Length: > 0 } boundary)
        {
            throw new InvalidDataException("Inbound Parse posts multipart/form-data with a boundary.");
        }

        var raw = new Dictionary<string, byte[]>(StringComparer.OrdinalIgnoreCase);
        try
        {
            var reader = new MultipartReader(boundary, body);
            while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                    || !disposition.IsFormDisposition()
                    || HeaderUtilities.RemoveQuotes(disposition.Name).Value is not { Length: > 0 } name)
                {
                    continue; // an attachment (file part): not kept
                }

                using var buffer = new MemoryStream();
                await section.Body.CopyToAsync(buffer, cancellationToken);
                raw[name] = buffer.ToArray();
            }
        }
        catch (IOException ex)
        {
            // The body is already in memory, so this is the form itself: a part or the closing boundary is missing.
            throw new InvalidDataException("The multipart body ends before its closing boundary.", ex);
        }

        var charsets = Charsets(raw.TryGetValue("charsets", out var map) ? Encoding.UTF8.GetString(map) : null);
        return raw.ToDictionary(f => f.Key, f => Decode(f.Value, charsets.GetValueOrDefault(f.Key)), StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>What the inbox keeps of the email: no HTML beyond a text fallback, no headers beyond the Message-ID, no attachments.</summary>
    public static StoredInboundEmail ToStored(IReadOnlyDictionary<string, string> fields)
    {
        var headers = fields.GetValueOrDefault("headers") ?? "";
        var from = fields.GetValueOrDefault("from") is { Length: > 0 } header ? header : EnvelopeFrom(fields.GetValueOrDefault("envelope")) ?? "";
        var text = fields.GetValueOrDefault("text") is { Length: > 0 } plain ? plain : StripHtml(fields.GetValueOrDefault("html") ?? "");
        text = WithoutQuotedHistory(text);
        var subject = fields.GetValueOrDefault("subject");
        var messageId = MessageIdHeader().Match(headers) is { Success: true } match
            ? match.Groups[1].Value.Trim()
            : "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{from}\n{fields.GetValueOrDefault("to")}\n{subject}\n{text}")));
        return new StoredInboundEmail(
            messageId.Length > 128 ? messageId[..128] : messageId,
            from,
            fields.GetValueOrDefault("to") ?? "",
            subject,
            text.Length > MaxTextLength ? text[..MaxTextLength] : text);
    }

    /// <summary>The stored email as the inbox takes it, with the sender split into address and name.</summary>
    /// <exception cref="FormatException">The sender is not an email address.</exception>
    public static InboundEmail ToInbound(StoredInboundEmail stored, DateTimeOffset receivedAt)
    {
        var sender = new MailAddress(stored.From);
        var to = stored.To.Split(',')[0].Trim();
        try
        {
            to = new MailAddress(to).Address;
        }
        catch (FormatException)
        {
            // Keep the header as written: it is only shown to staff.
        }

        return new InboundEmail(stored.MessageId, sender.Address, string.IsNullOrWhiteSpace(sender.DisplayName) ? null : sender.DisplayName, to, stored.Subject, stored.Text.Trim(), receivedAt);
    }

    private static Dictionary<string, string> Charsets(string? json)
    {
        try
        {
            return json is null ? [] : JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    private static string Decode(byte[] bytes, string? charset)
    {
        try
        {
            return (charset is { Length: > 0 } ? Encoding.GetEncoding(charset) : Encoding.UTF8).GetString(bytes);
        }
        catch (ArgumentException)
        {
            return Encoding.UTF8.GetString(bytes); // a charset .NET does not know: UTF-8 is the usual truth
        }
    }

    private static string? EnvelopeFrom(string? envelope)
    {
        try
        {
            using var json = JsonDocument.Parse(envelope ?? "{}");
            return json.RootElement.TryGetProperty("from", out var from) && from.ValueKind == JsonValueKind.String ? from.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string StripHtml(string html) =>
        System.Net.WebUtility.HtmlDecode(Tags().Replace(LineBreaks().Replace(html, "\n"), "")).Trim();

    /// <summary>Drops the quoted earlier conversation a mail program appends below "On … wrote:" and "&gt;" lines.</summary>
    private static string WithoutQuotedHistory(string text)
    {
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        var kept = new List<string>();
        foreach (var line in lines)
        {
            if (WroteLine().IsMatch(line) || line.StartsWith("-----Original Message-----", StringComparison.Ordinal))
            {
                break;
            }

            if (!line.StartsWith('>'))
            {
                kept.Add(line);
            }
        }

        var result = string.Join('\n', kept).Trim();
        return result.Length == 0 ? text.Trim() : result;
    }

    [GeneratedRegex(@"^Message-ID:\s*(<[^>\r\n]+>)", RegexOptions.IgnoreCase | RegexOptions.Multiline)]
    private static partial Regex MessageIdHeader();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"<br\s*/?>|</p>|</div>", RegexOptions.IgnoreCase)]
    private static partial Regex LineBreaks();

    [GeneratedRegex(@"^On .+ wrote:\s*$")]
    private static partial Regex WroteLine();
}

/// <summary>The payload of a stored inbound email (JSON in the webhook inbox).</summary>
public sealed record StoredInboundEmail(string MessageId, string From, string To, string? Subject, string Text);
