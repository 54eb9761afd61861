using System.Globalization;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stayfull.Domain.Reservations;
using Stayfull.Web.Components.Pages.FrontDesk;

namespace Stayfull.Web.Tests.Components.FrontDesk;

public sealed class NewReservationDialogTests : FrontDeskTestBase
{
    protected override int RoomTypes => 1;

    protected override int RoomsPerType => 1;

    [Fact]
    public async Task QuoteShowsTheTotalForTheChosenDates()
    {
        var page = OpenDialog();
        page.Find("[data-testid=departure]").Change(Hotel.Today.AddDays(3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

        var expected = await Hotel.Get<BookingService>().QuoteAsync(Hotel.RoomTypes[0].Id, null, Hotel.Today, Hotel.Today.AddDays(3), CancellationToken.None);
        page.WaitForAssertion(() => Assert.Equal(expected.Total.Format(CultureInfo.CurrentCulture), page.Find("[data-testid=quote-total]").TextContent.Trim()));
        Assert.Equal(3, expected.Nights.Count);
        Assert.Equal("1", page.Find("[data-testid=quote-available]").TextContent);
    }

    [Fact]
    public async Task AnEmptyGuestNameIsRefusedWithAMessage()
    {
        var page = OpenDialog();
        page.Find("[data-testid=book]").Click();

        page.WaitForAssertion(() => Assert.Contains("Enter the guest's name.", page.Markup, StringComparison.Ordinal));
        await using var db = Hotel.Db();
        Assert.False(await db.Reservations.AnyAsync());
    }

    [Fact]
    public async Task BookingSavesTheReservationAndOpensIt()
    {
        var page = OpenDialog();
        page.Find("[data-testid=guest-name]").Input("Ada Lovelace");
        page.Find("[data-testid=book]").Click();

        var navigation = Ctx.Services.GetRequiredService<NavigationManager>();
        await using var db = Hotel.Db();
        page.WaitForAssertion(() => Assert.Contains("/reservations/", navigation.Uri, StringComparison.Ordinal));
        var reservation = await db.Reservations.SingleAsync();
        Assert.EndsWith($"/reservations/{reservation.Id}", navigation.Uri, StringComparison.Ordinal);
        Assert.Equal(Hotel.Today, reservation.Arrival);
        Assert.Equal(Hotel.Today.AddDays(1), reservation.Departure);
        Assert.Equal("Ada Lovelace", (await db.Guests.SingleAsync(g => g.Id == reservation.GuestId)).FullName);
        Assert.Empty(page.FindAll("[data-testid=book]"));
    }

    [Fact]
    public async Task BookingTheLastRoomSomeoneJustSoldSaysSoldOut()
    {
        var page = OpenDialog();
        page.WaitForAssertion(() => Assert.Equal("1", page.Find("[data-testid=quote-available]").TextContent));

        await BookAsync("Faster Clerk");
        page.Find("[data-testid=guest-name]").Input("Too Late");
        page.Find("[data-testid=book]").Click();

        page.WaitForAssertion(() => Assert.Contains("Sold out", page.Find("[data-testid=book-error]").TextContent, StringComparison.Ordinal));
        Assert.Equal("0", page.Find("[data-testid=quote-available]").TextContent);
        await using var db = Hotel.Db();
        Assert.Equal(1, await db.Reservations.CountAsync());
    }

    private Bunit.IRenderedComponent<Bunit.Rendering.ContainerFragment> OpenDialog()
    {
        var page = Ctx.RenderWithProviders<NewReservationButton>();
        page.Find("[data-testid=new-reservation]").Click();
        page.WaitForElement("[data-testid=quote-total]");
        return page;
    }
}
