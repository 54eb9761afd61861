using Bunit;
using Microsoft.EntityFrameworkCore;
using Stayfull.Domain.Hotels;
using Stayfull.Domain.Tenancy;
using Stayfull.Web.Components.Pages.Settings;

namespace Stayfull.Web.Tests.Components.Settings;

public sealed class HotelSettingsTests : BackOfficeTestContext
{
    [Fact]
    public async Task SavingAfterSomeoneElseSavedShowsTheConflictAndKeepsTheirChange()
    {
        var page = RenderPage<HotelSettings>();
        page.WaitForAssertion(() => page.Find("[data-testid=hotel-save]"));

        // Another owner saves while this form is open.
        var settings = Hotel.Get<HotelSettingsService>();
        var hotel = await settings.GetHotelAsync(CancellationToken.None);
        await settings.UpdateHotelAsync(hotel.Version, "Renamed Elsewhere", hotel.TimeZoneId, hotel.Currency, hotel.CheckInTime, hotel.CheckOutTime, hotel.Address, CancellationToken.None);

        InputLabelled<string>(page, "Hotel name").Change("Renamed Here");
        page.Find("[data-testid=hotel-save]").Click();

        page.WaitForAssertion(() => Assert.Contains("Someone else saved", page.Find("[data-testid=hotel-conflict]").TextContent, StringComparison.Ordinal));
        await using var db = Hotel.Db();
        Assert.Equal("Renamed Elsewhere", (await db.Hotels.SingleAsync(h => h.Id == Hotel.HotelId)).Name);
    }

    [Fact]
    public async Task AnOwnerSavesTheHotelDetails()
    {
        var page = RenderPage<HotelSettings>();
        page.WaitForAssertion(() => page.Find("[data-testid=hotel-save]"));

        InputLabelled<string>(page, "Hotel name").Change("Casa do Mar");
        InputLabelled<string>(page, "City").Change("Porto");
        page.Find("[data-testid=hotel-save]").Click();

        await using var db = Hotel.Db();
        await WaitUntilAsync(async () => (await db.Hotels.AsNoTracking().SingleAsync(h => h.Id == Hotel.HotelId)).Name == "Casa do Mar");
        var saved = await db.Hotels.AsNoTracking().SingleAsync(h => h.Id == Hotel.HotelId);
        Assert.Equal("Porto", saved.Address.City);
        Assert.Empty(page.FindAll("[data-testid=hotel-conflict]"));
    }

    [Fact]
    public void AManagerSeesTheDetailsReadOnlyWithoutASaveButton()
    {
        SignInAs(StaffRole.Manager);

        var page = RenderPage<HotelSettings>();

        page.WaitForAssertion(() => page.Find("[data-testid=hotel-readonly]"));
        Assert.Empty(page.FindAll("[data-testid=hotel-save]"));
        Assert.True(InputLabelled<string>(page, "Hotel name").HasAttribute("readonly"));
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
