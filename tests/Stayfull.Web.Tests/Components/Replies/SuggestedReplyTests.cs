using Bunit;
using Stayfull.Domain.Messaging;
using Stayfull.Domain.Tenancy;
using Stayfull.Web.Components.Pages.Inbox;

namespace Stayfull.Web.Tests.Components.Replies;

public sealed class SuggestedReplyTests : BackOfficeTestContext
{
    private async Task<Guid> InboundAsync(string body)
    {
        await using var db = Hotel.Db();
        var guest = new Stayfull.Domain.Guests.Guest(Hotel.HotelId, "Ana Costa", "ana@example.com", "+351910000001");
        var message = GuestMessage.InboundSms(Hotel.HotelId, guest.Id, "+351910000001", "+351210000000", body, "SM" + Guid.NewGuid().ToString("N"), Hotel.Time.GetUtcNow());
        db.Guests.Add(guest);
        db.GuestMessages.Add(message);
        await db.SaveChangesAsync();
        return message.Id;
    }

    [Fact]
    public async Task TheSuggestionShowsItsTextKindConfidenceAndEntryAndUseHandsTheTextToTheReplyBox()
    {
        SignInAs(StaffRole.FrontDesk);
        var messageId = await InboundAsync("can i park my car there?");
        string? used = null;

        var component = Context.Render<SuggestedReply>(p => p.Add(c => c.MessageId, messageId).Add(c => c.OnUse, text => used = text));

        component.WaitForAssertion(() => Assert.Contains("underground garage", component.Find("[data-testid=suggested-reply-text]").TextContent, StringComparison.Ordinal));
        Assert.StartsWith("Hello Ana!", component.Find("[data-testid=suggested-reply-text]").TextContent, StringComparison.Ordinal);
        Assert.Contains("Knowledge base", component.Find("[data-testid=suggested-reply-kind]").TextContent, StringComparison.Ordinal);
        Assert.Matches(@"Confidence \d+ %", component.Find("[data-testid=suggested-reply-confidence]").TextContent);
        Assert.Contains("Parking", component.Find("[data-testid=suggested-reply-entry]").TextContent, StringComparison.Ordinal);
        Assert.Empty(component.FindAll("[data-testid=suggested-reply-needs-person]"));

        component.Find("[data-testid=suggested-reply-use]").Click();

        Assert.Equal(component.Find("[data-testid=suggested-reply-text]").TextContent, used);
    }

    [Fact]
    public async Task AComplaintShowsThatItNeedsAPerson()
    {
        SignInAs(StaffRole.FrontDesk);
        var messageId = await InboundAsync("The room is dirty and the shower is broken. Unacceptable!");

        var component = Context.Render<SuggestedReply>(p => p.Add(c => c.MessageId, messageId));

        component.WaitForAssertion(() => Assert.Contains("complaint", component.Find("[data-testid=suggested-reply-needs-person]").TextContent, StringComparison.Ordinal));
        Assert.NotNull(component.Find("[data-testid=suggested-reply]"));
    }

    [Fact]
    public async Task RegenerateAsksAgain()
    {
        SignInAs(StaffRole.FrontDesk);
        var messageId = await InboundAsync("what time is breakfast");
        var component = Context.Render<SuggestedReply>(p => p.Add(c => c.MessageId, messageId));
        component.WaitForAssertion(() => Assert.Contains("7:00", component.Find("[data-testid=suggested-reply-text]").TextContent, StringComparison.Ordinal));

        component.Find("[data-testid=suggested-reply-regenerate]").Click();

        component.WaitForAssertion(() => Assert.Contains("7:00", component.Find("[data-testid=suggested-reply-text]").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public void AnotherHotelsMessageShowsAFriendlyMessageNotASuggestion()
    {
        SignInAs(StaffRole.FrontDesk);

        var component = Context.Render<SuggestedReply>(p => p.Add(c => c.MessageId, Guid.NewGuid()));

        component.WaitForAssertion(() => Assert.Contains("not found", component.Find("[data-testid=suggested-reply-error]").TextContent, StringComparison.Ordinal));
        Assert.True(component.Find("[data-testid=suggested-reply-use]").HasAttribute("disabled"));
    }
}
