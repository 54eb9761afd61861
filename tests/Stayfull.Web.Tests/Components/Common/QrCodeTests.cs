using Bunit;
using Stayfull.Web.Components.Common;

namespace Stayfull.Web.Tests.Components.Common;

public sealed class QrCodeTests : IAsyncDisposable
{
    private readonly MudTestContext _context = new();

    [Fact]
    public void ALinkIsDrawnAsAnInlineSvgWithAnAccessibleName()
    {
        var code = Render("https://hotel.example/check-in/abc");

        var figure = code.Find("[data-testid=qr-code]");
        Assert.Equal("img", figure.GetAttribute("role"));
        Assert.Equal("Check-in link", figure.GetAttribute("aria-label"));
        var svg = figure.QuerySelector("svg");
        Assert.NotNull(svg);
        Assert.NotEmpty(svg.QuerySelectorAll("rect, path"));
    }

    [Fact]
    public void DifferentTextDrawsADifferentCode()
    {
        var one = Render("https://hotel.example/check-in/abc").Find("svg").OuterHtml;
        var other = Render("https://hotel.example/check-in/abd").Find("svg").OuterHtml;
        var same = Render("https://hotel.example/check-in/abc").Find("svg").OuterHtml;

        Assert.NotEqual(one, other);
        Assert.Equal(one, same);
    }

    [Fact]
    public void TheCodeAsksNoOtherSiteForAnything()
    {
        var markup = Render("https://hotel.example/check-in/abc").Markup;

        Assert.DoesNotContain("<img", markup, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<image", markup, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("href", markup, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<script", markup, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("url(", markup, StringComparison.OrdinalIgnoreCase);

        // The link itself is only in the picture's modules, never as readable text a crawler could follow.
        Assert.DoesNotContain("hotel.example", markup, StringComparison.Ordinal);
    }

    public ValueTask DisposeAsync() => _context.DisposeAsync();

    private IRenderedComponent<QrCode> Render(string text) =>
        _context.Render<QrCode>(p => p.Add(c => c.Text, text).Add(c => c.Label, "Check-in link"));
}
