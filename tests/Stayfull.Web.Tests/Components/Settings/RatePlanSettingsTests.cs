using Bunit;
using Microsoft.EntityFrameworkCore;
using Stayfull.Domain.Payments;
using Stayfull.Domain.Tenancy;
using Stayfull.Web.Components.Pages.Settings;

namespace Stayfull.Web.Tests.Components.Settings;

public sealed class RatePlanSettingsTests : BackOfficeTestContext
{
    [Fact]
    public async Task AManagerSavesADepositPolicyAndItIsKeptAndAudited()
    {
        SignInAs(StaffRole.Manager);
        var page = RenderPage<RatePlanSettings>();
        page.WaitForAssertion(() => page.Find("[data-testid=rate-plan-BAR]"));

        page.Find("[data-testid=edit-rate-plan-BAR]").Click();
        page.WaitForAssertion(() => page.Find("select[data-testid=rate-plan-policy]"));
        page.Find("select[data-testid=rate-plan-policy]").Change(nameof(PaymentPolicyKind.Deposit));
        page.WaitForAssertion(() => page.Find("input[data-testid=rate-plan-deposit-percent]"));
        page.Find("input[data-testid=rate-plan-deposit-percent]").Input("30");
        page.Find("input[data-testid=rate-plan-free-cancellation-days]").Input("7");
        page.Find("[data-testid=rate-plan-save]").Click();

        page.WaitForAssertion(() => Assert.Equal("Deposit 30 %", page.Find("[data-testid=rate-plan-policy-BAR]").TextContent));
        await using var db = Hotel.Db();
        var plan = await db.RatePlans.SingleAsync(p => p.Code == "BAR");
        Assert.Equal(PaymentPolicyKind.Deposit, plan.PaymentPolicy);
        Assert.Equal(30m, plan.DepositPercent);
        Assert.Equal(7, plan.FreeCancellationDays);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityId == plan.Id && a.Action == "PaymentPolicyChanged"));
    }

    [Fact]
    public async Task ADepositAboveAHundredPercentIsRefusedWithAMessageAndNothingChanges()
    {
        SignInAs(StaffRole.Manager);
        var page = RenderPage<RatePlanSettings>();
        page.WaitForAssertion(() => page.Find("[data-testid=rate-plan-BAR]"));

        page.Find("[data-testid=edit-rate-plan-BAR]").Click();
        page.WaitForAssertion(() => page.Find("select[data-testid=rate-plan-policy]"));
        page.Find("select[data-testid=rate-plan-policy]").Change(nameof(PaymentPolicyKind.Deposit));
        page.WaitForAssertion(() => page.Find("input[data-testid=rate-plan-deposit-percent]"));
        page.Find("input[data-testid=rate-plan-deposit-percent]").Input("150");
        InputLabelled<string>(page, "Name").Change("Renamed but not saved");
        page.Find("[data-testid=rate-plan-save]").Click();

        page.WaitForAssertion(() => Assert.Contains("between 1 % and 100 %", page.Find("[data-testid=dialog-error]").TextContent, StringComparison.Ordinal));
        await using var db = Hotel.Db();
        var plan = await db.RatePlans.SingleAsync(p => p.Code == "BAR");
        Assert.Equal(PaymentPolicyKind.None, plan.PaymentPolicy);
        Assert.Equal("Best available rate", plan.Name);
    }
}
