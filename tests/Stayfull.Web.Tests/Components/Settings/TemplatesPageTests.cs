using Bunit;
using Microsoft.AspNetCore.Components;
using Stayfull.Domain.Messaging;
using Stayfull.Domain.Tenancy;
using Stayfull.Web.Components.Pages.Settings;

namespace Stayfull.Web.Tests.Components.Settings;

public sealed class TemplatesPageTests : BackOfficeTestContext
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task AManagerSavesNewWordingAndItIsWhatGuestsGetFromThenOn()
    {
        SignInAs(StaffRole.Manager);
        var page = await OpenTemplateAsync(MessageTemplateKeys.PreArrival);

        page.Find("[data-testid=template-subject]").Input("Almost time, {{GuestName}}");
        page.WaitForAssertion(() => Assert.Equal("Almost time, Alex Sample", page.Find("[data-testid=preview-subject]").TextContent), Wait);
        page.Find("[data-testid=template-save]").Click();

        page.WaitForAssertion(() => Assert.NotNull(page.Find($"[data-testid=template-{MessageTemplateKeys.PreArrival}] [data-testid=customised]")), Wait);
        var saved = await TemplateAsync(MessageTemplateKeys.PreArrival);
        Assert.True(saved.IsCustomised);
        Assert.Equal("Almost time, {{GuestName}}", saved.Subject);
        Assert.Equal(DefaultTemplates.For(MessageTemplateKeys.PreArrival).Body, saved.Body);
        Assert.False((await TemplateAsync(MessageTemplateKeys.BookingConfirmation)).IsCustomised);
    }

    [Fact]
    public async Task AnUnknownPlaceholderIsRefusedWithTheDomainsMessageAndNothingChanges()
    {
        SignInAs(StaffRole.Manager);
        var page = await OpenTemplateAsync(MessageTemplateKeys.Receipt);

        page.Find("[data-testid=template-body]").Input("Dear {{Nickname}}, thank you.");
        page.WaitForAssertion(() => Assert.Contains("{{Nickname}}", page.Find("[data-testid=preview-html]").GetAttribute("srcdoc"), StringComparison.Ordinal), Wait);
        page.Find("[data-testid=template-save]").Click();

        page.WaitForAssertion(() => Assert.Contains("The email text uses unknown placeholders: {{Nickname}}. Known: {{GuestName}}", page.Find("[data-testid=template-error]").TextContent, StringComparison.Ordinal), Wait);
        var template = await TemplateAsync(MessageTemplateKeys.Receipt);
        Assert.False(template.IsCustomised);
        Assert.Equal(DefaultTemplates.For(MessageTemplateKeys.Receipt).Body, template.Body);
        Assert.Equal("Dear {{Nickname}}, thank you.", page.Find("[data-testid=template-body]").GetAttribute("value") ?? page.Find("[data-testid=template-body]").TextContent);
    }

    [Fact]
    public async Task ThePreviewFillsTheSampleValuesAndShowsMarkupAsTextInASandboxedFrame()
    {
        SignInAs(StaffRole.Manager);
        var page = await OpenTemplateAsync(MessageTemplateKeys.CheckInLink);

        page.Find("[data-testid=template-body]").Input("Hello {{GuestName}} <script>alert('x')</script> <b>bold</b>");
        page.Find("[data-testid=template-sms]").Input("<script>sms()</script> {{HotelName}}");

        page.WaitForAssertion(
            () =>
            {
                var html = page.Find("[data-testid=preview-html]");
                var document = html.GetAttribute("srcdoc")!;
                Assert.Contains("Hello Alex Sample", document, StringComparison.Ordinal);
                Assert.Contains("&lt;script&gt;alert(", document, StringComparison.Ordinal);
                Assert.DoesNotContain("<script", document, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain("<b>", document, StringComparison.Ordinal);
                Assert.Equal("", html.GetAttribute("sandbox"));
                Assert.Contains(Hotel.Hotel.Name, page.Find("[data-testid=preview-sms]").TextContent, StringComparison.Ordinal);
            },
            Wait);

        // Nothing the hotel typed became an element of this page.
        Assert.Empty(page.FindAll("script"));
        Assert.Empty(page.FindAll("[data-testid=template-preview] b"));
        Assert.Contains("&lt;script&gt;sms()&lt;/script&gt;", page.Find("[data-testid=preview-sms]").InnerHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResetBringsBackTheDefaultWording()
    {
        SignInAs(StaffRole.Manager);
        var messaging = Hotel.Get<MessagingService>();
        await messaging.SaveTemplateAsync(MessageTemplateKeys.DigitalKey, new TemplateText("Key", "Code {{KeyCode}}", "Code {{KeyCode}}"), CancellationToken.None);
        var page = await OpenTemplateAsync(MessageTemplateKeys.DigitalKey);
        Assert.Equal("Key", page.Find("[data-testid=template-subject]").GetAttribute("value"));

        page.Find("[data-testid=template-reset]").Click();

        page.WaitForAssertion(() => Assert.Equal(DefaultTemplates.For(MessageTemplateKeys.DigitalKey).Subject, page.Find("[data-testid=template-subject]").GetAttribute("value")), Wait);
        Assert.False((await TemplateAsync(MessageTemplateKeys.DigitalKey)).IsCustomised);
    }

    [Fact]
    public void EveryTemplateIsListedWithThePlaceholdersItMayUse()
    {
        SignInAs(StaffRole.Manager);
        var page = RenderPage<TemplatesPage>();

        page.WaitForAssertion(() => Assert.Equal(MessageTemplateKeys.All.Count, page.FindAll("[data-testid=template-list] [data-testid^=template-]").Count), Wait);
        var placeholders = page.Find("[data-testid=template-placeholders]").TextContent;
        Assert.All(TemplateRenderer.KnownPlaceholders, p => Assert.Contains("{{" + p + "}}", placeholders, StringComparison.Ordinal));
    }

    /// <summary>Opens the page and picks <paramref name="key"/>; returns once its wording and preview are on screen.</summary>
    private async Task<IRenderedComponent<IComponent>> OpenTemplateAsync(string key)
    {
        var expected = (await TemplateAsync(key)).Subject;
        var page = RenderPage<TemplatesPage>();
        page.WaitForElement($"[data-testid=template-{key}]", Wait).Click();
        page.WaitForAssertion(
            () =>
            {
                Assert.Equal(expected, page.Find("[data-testid=template-subject]").GetAttribute("value"));
                Assert.NotNull(page.Find("[data-testid=preview-subject]"));
            },
            Wait);
        return page;
    }

    private async Task<TemplateView> TemplateAsync(string key) =>
        (await Hotel.Get<MessagingService>().TemplatesAsync(CancellationToken.None)).Single(t => t.Key == key);
}
