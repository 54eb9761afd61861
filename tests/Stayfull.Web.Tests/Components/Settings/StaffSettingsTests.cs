using Bunit;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Stayfull.Domain.Hotels;
using Stayfull.Domain.Tenancy;
using Stayfull.Web.Components.Pages.Settings;

namespace Stayfull.Web.Tests.Components.Settings;

public sealed class StaffSettingsTests : BackOfficeTestContext
{
    [Fact]
    public async Task RemovingTheLastOwnerIsRefusedWithTheReason()
    {
        var ownerEmail = Hotel.OwnerUserId + "@test";
        var page = RenderPage<StaffSettings>();
        page.WaitForAssertion(() => page.Find($"[data-testid='remove-{ownerEmail}']"));

        page.Find($"[data-testid='remove-{ownerEmail}']").Click();
        page.WaitForAssertion(() => page.FindAll("button").Single(b => b.TextContent.Trim() == "Remove").Click());

        var snackbar = Context.Services.GetRequiredService<ISnackbar>();
        page.WaitForAssertion(() => Assert.Contains(snackbar.ShownSnackbars, s => s.Message?.Contains("at least one owner", StringComparison.Ordinal) == true));
        await using var db = Hotel.Db();
        Assert.True(await db.Memberships.AnyAsync(m => m.UserId == Hotel.OwnerUserId && m.Role == StaffRole.Owner));
        Assert.NotEmpty(page.FindAll($"[data-testid='member-{ownerEmail}']"));
    }

    [Fact]
    public async Task AnOwnerAddsSomeoneNewAndSeesTheirInitialPasswordOnce()
    {
        var page = RenderPage<StaffSettings>();
        page.WaitForAssertion(() => page.Find("[data-testid=staff-add]"));

        InputLabelled<string>(page, "Email").Change("dina@example.com");
        InputLabelled<string>(page, "Name").Change("Dina Desk");
        page.Find("[data-testid=staff-add]").Click();

        page.WaitForAssertion(() => page.Find("[data-testid='member-dina@example.com']"));
        var password = page.Find("[data-testid=staff-initial-password] code").TextContent;
        await using var db = Hotel.Db();
        var account = await db.Users.SingleAsync(u => u.Email == "dina@example.com");
        Assert.True(await db.Memberships.AnyAsync(m => m.UserId == account.Id && m.Role == StaffRole.FrontDesk));
        Assert.Equal(PasswordVerificationResult.Success, new PasswordHasher<StaffUser>().VerifyHashedPassword(account, account.PasswordHash!, password));
    }

    [Fact]
    public void AManagerSeesTheStaffButCannotChangeIt()
    {
        SignInAs(StaffRole.Manager);

        var page = RenderPage<StaffSettings>();

        page.WaitForAssertion(() => page.Find($"[data-testid='member-{Hotel.OwnerUserId}@test']"));
        Assert.Empty(page.FindAll("[data-testid^=remove-]"));
        Assert.Empty(page.FindAll("[data-testid=staff-add]"));
    }
}
