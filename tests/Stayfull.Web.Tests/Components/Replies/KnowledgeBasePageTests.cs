using Bunit;
using Microsoft.EntityFrameworkCore;
using Stayfull.Domain.Replies;
using Stayfull.Domain.Tenancy;
using Stayfull.Web.Components.Pages.Settings.KnowledgeBase;

namespace Stayfull.Web.Tests.Components.Replies;

public sealed class KnowledgeBasePageTests : BackOfficeTestContext
{
    [Fact]
    public void AManagerSeesTheHotelsDefaultEntries()
    {
        SignInAs(StaffRole.Manager);
        var page = RenderPage<KnowledgeBasePage>();

        page.WaitForAssertion(() => Assert.Equal(DefaultKnowledgeBase.Entries("EUR").Count, page.FindAll("[data-testid=kb-row]").Count));
        Assert.NotNull(page.Find("[data-testid=kb-page]"));
        Assert.Contains(page.FindAll("[data-testid=kb-row]"), r => r.TextContent == "Parking");
    }

    [Fact]
    public async Task AManagerAddsAnEntryThroughTheDialogAndItIsListed()
    {
        SignInAs(StaffRole.Manager);
        var page = RenderPage<KnowledgeBasePage>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=kb-row]")));

        page.Find("[data-testid=kb-add]").Click();
        page.WaitForAssertion(() => page.Find("[data-testid=kb-title]"));
        page.Find("[data-testid=kb-title]").Change("Spa");
        page.Find("[data-testid=kb-category]").Change(nameof(KnowledgeCategory.Facilities));
        page.Find("[data-testid=kb-phrasings]").Change("Is there a spa?\nCan I book a massage?");
        page.Find("[data-testid=kb-answer]").Change("Our spa is open from 10:00 to 20:00; book treatments at reception.");
        page.Find("[data-testid=kb-save]").Click();

        page.WaitForAssertion(() => Assert.Contains(page.FindAll("[data-testid=kb-row]"), r => r.TextContent == "Spa"));
        await using var db = Hotel.Db();
        var saved = await db.KnowledgeBaseEntries.AsNoTracking().SingleAsync(e => e.Title == "Spa");
        Assert.Equal(["Is there a spa?", "Can I book a massage?"], saved.PhrasingList);
        Assert.True(saved.Enabled);
        Assert.Equal(KnowledgeCategory.Facilities, saved.Category);
    }

    [Fact]
    public void AnEntryWithoutAnAnswerIsExplainedInTheDialogAndNotSaved()
    {
        SignInAs(StaffRole.Manager);
        var page = RenderPage<KnowledgeBasePage>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=kb-row]")));

        page.Find("[data-testid=kb-add]").Click();
        page.WaitForAssertion(() => page.Find("[data-testid=kb-title]"));
        page.Find("[data-testid=kb-title]").Change("Spa");
        page.Find("[data-testid=kb-save]").Click();

        page.WaitForAssertion(() => Assert.Contains("Write the answer", page.Find("[data-testid=kb-dialog-error]").TextContent, StringComparison.Ordinal));
        Assert.DoesNotContain(page.FindAll("[data-testid=kb-row]"), r => r.TextContent == "Spa");
    }

    [Fact]
    public async Task AManagerEditsAnEntrysAnswer()
    {
        SignInAs(StaffRole.Manager);
        var page = RenderPage<KnowledgeBasePage>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=kb-row]")));

        page.Find("[aria-label='Edit Parking']").Click();
        page.WaitForAssertion(() => Assert.Equal("Parking", page.Find("[data-testid=kb-title]").GetAttribute("value")));
        page.Find("[data-testid=kb-answer]").Change("Free parking in the courtyard, first come, first served.");
        page.Find("[data-testid=kb-save]").Click();

        await using var db = Hotel.Db();
        await WaitUntilAsync(async () => (await db.KnowledgeBaseEntries.AsNoTracking().SingleAsync(e => e.Title == "Parking")).Answer.StartsWith("Free parking", StringComparison.Ordinal));
    }

    [Fact]
    public void TryingAQuestionShowsTheAnswerItsEntryAndConfidence()
    {
        SignInAs(StaffRole.Manager);
        var page = RenderPage<KnowledgeBasePage>();
        page.WaitForAssertion(() => page.Find("[data-testid=kb-try-question]"));

        page.Find("[data-testid=kb-try-question]").Input("whats the wifi pw");
        page.Find("[data-testid=kb-try-submit]").Click();

        page.WaitForAssertion(() => Assert.Contains("Stayfull-Guest", page.Find("[data-testid=kb-try-answer]").TextContent, StringComparison.Ordinal));
        Assert.Contains("Wi-Fi", page.Find("[data-testid=kb-try-entry]").TextContent, StringComparison.Ordinal);
        Assert.Matches(@"Confidence \d+ %", page.Find("[data-testid=kb-try-confidence]").TextContent);
    }

    [Fact]
    public void AQuestionTheKnowledgeBaseCannotAnswerIsShownAsDeclined()
    {
        SignInAs(StaffRole.Manager);
        var page = RenderPage<KnowledgeBasePage>();
        page.WaitForAssertion(() => page.Find("[data-testid=kb-try-question]"));

        page.Find("[data-testid=kb-try-question]").Input("can you recommend a dentist");
        page.Find("[data-testid=kb-try-submit]").Click();

        page.WaitForAssertion(() => Assert.Contains("Declined", page.Find("[data-testid=kb-try-answer]").TextContent, StringComparison.Ordinal));
        Assert.Contains("colleague", page.Find("[data-testid=kb-try-text]").TextContent, StringComparison.Ordinal);
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 50 && !await condition(); i++)
        {
            await Task.Delay(50);
        }

        Assert.True(await condition());
    }
}
