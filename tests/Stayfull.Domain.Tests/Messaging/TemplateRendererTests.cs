using Stayfull.Domain.Messaging;

namespace Stayfull.Domain.Tests.Messaging;

public sealed class TemplateRendererTests
{
    private static readonly TemplateValues Values = new(
        GuestName: "<script>alert('x')</script> & Co",
        HotelName: "Casa \"Azul\"",
        ConfirmationCode: "ABC123",
        Arrival: "Fri 4 Dec 2026",
        Departure: "Sun 6 Dec 2026",
        Balance: "€450.00",
        CheckInLink: "https://pms.example.test/c/ABC123?a=1&b=2",
        KeyCode: "4711");

    [Fact]
    public void EveryPlaceholderIsFilledInEveryPart()
    {
        var template = new TemplateText(
            "{{ConfirmationCode}} at {{HotelName}}",
            string.Join(" ", TemplateRenderer.KnownPlaceholders.Select(p => "{{" + p + "}}")),
            "{{KeyCode}} {{Arrival}}–{{Departure}}");

        var rendered = TemplateRenderer.Render(template, Values);

        Assert.Equal("ABC123 at Casa \"Azul\"", rendered.Subject);
        Assert.Equal("<script>alert('x')</script> & Co Casa \"Azul\" ABC123 Fri 4 Dec 2026 Sun 6 Dec 2026 €450.00 https://pms.example.test/c/ABC123?a=1&b=2 4711", rendered.Text);
        Assert.Equal("4711 Fri 4 Dec 2026–Sun 6 Dec 2026", rendered.Sms);
        Assert.DoesNotContain("{{", rendered.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void TheHtmlPartEncodesValuesAndWordingOnce()
    {
        var template = new TemplateText("Hi", "Dear {{GuestName}} <b>welcome</b>,\n\nCheck in: {{CheckInLink}}\nBye", "x");

        var html = TemplateRenderer.Render(template, Values).Html;

        Assert.Contains("Dear &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; Co &lt;b&gt;welcome&lt;/b&gt;,</p><p>Check in: https://pms.example.test/c/ABC123?a=1&amp;b=2<br>Bye", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("&amp;lt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void TheSubjectIsOneLineEvenWhenAValueHasLineBreaks()
    {
        var rendered = TemplateRenderer.Render(new TemplateText("Hello {{GuestName}}", "b", "s"), Values with { GuestName = "Ada\r\nBcc: x@example.com" });

        Assert.DoesNotContain('\n', rendered.Subject);
        Assert.DoesNotContain('\r', rendered.Subject);
    }

    [Fact]
    public void EveryKeyHasADefaultThatUsesOnlyKnownPlaceholders()
    {
        foreach (var key in MessageTemplateKeys.All)
        {
            var text = DefaultTemplates.For(key);
            var used = TemplateRenderer.Placeholders(text.Subject + text.Body + text.SmsText).ToList();
            Assert.NotEmpty(used);
            Assert.All(used, p => Assert.Contains(p, TemplateRenderer.KnownPlaceholders));
        }
    }
}
