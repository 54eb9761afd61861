using Bunit;
using Microsoft.EntityFrameworkCore;
using Stayfull.Web.Components.Pages.Settings;

namespace Stayfull.Web.Tests.Components.Settings;

public sealed class RoomTypeSettingsTests : BackOfficeTestContext
{
    [Fact]
    public async Task TheRoomTypeDialogRefusesADuplicateCodeWithAMessage()
    {
        var page = RenderPage<RoomTypeSettings>();
        page.WaitForAssertion(() => page.Find("[data-testid=room-type-T1]"));

        page.Find("[data-testid=add-room-type]").Click();
        page.WaitForAssertion(() => page.Find("[data-testid=room-type-save]"));
        InputLabelled<string>(page, "Code").Change("t1");
        InputLabelled<string>(page, "Name").Change("Another twin");
        InputLabelled<decimal>(page, "Base rate").Change("80");
        page.Find("[data-testid=room-type-save]").Click();

        page.WaitForAssertion(() => Assert.Contains("already uses the code", page.Find("[data-testid=dialog-error]").TextContent, StringComparison.Ordinal));
        await using var db = Hotel.Db();
        Assert.Equal(2, await db.RoomTypes.CountAsync());
    }

    [Fact]
    public async Task ANewRoomTypeIsSavedAndListed()
    {
        var page = RenderPage<RoomTypeSettings>();
        page.WaitForAssertion(() => page.Find("[data-testid=room-type-T1]"));

        page.Find("[data-testid=add-room-type]").Click();
        page.WaitForAssertion(() => page.Find("[data-testid=room-type-save]"));
        InputLabelled<string>(page, "Code").Change("ste");
        InputLabelled<string>(page, "Name").Change("Suite");
        InputLabelled<decimal>(page, "Base rate").Change("250");
        page.Find("[data-testid=room-type-save]").Click();

        page.WaitForAssertion(() => page.Find("[data-testid=room-type-STE]"));
        Assert.Empty(page.FindAll("[data-testid=room-type-save]"));
        await using var db = Hotel.Db();
        var suite = await db.RoomTypes.SingleAsync(t => t.Code == "STE");
        Assert.Equal(25000, suite.BaseRateMinor);
    }
}
