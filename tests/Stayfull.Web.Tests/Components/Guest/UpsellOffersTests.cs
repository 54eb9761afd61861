using System.Globalization;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stayfull.Domain.Folios;
using Stayfull.Domain.Reservations;
using Stayfull.Domain.Upsells;
using Stayfull.Web.Components.Pages.Guest;

namespace Stayfull.Web.Tests.Components.Guest;

public sealed class UpsellOffersTests : BackOfficeTestContext
{
    private static readonly UpsellSettingsValues BothOffered = new(true, new TimeOnly(10, 0), 3000, true, new TimeOnly(14, 0), 2500);

    [Fact]
    public async Task TheGuestSeesBothOffersWithPricesAndAddingOneChargesTheFolioOnce()
    {
        var stay = await ArrangeAsync(fromToday: 1, roomNumber: null);
        var component = RenderOffers(stay.Id);

        component.WaitForAssertion(() => component.Find("[data-testid=accept-early-checkin]"));
        Assert.Contains("€30.00", component.Find("[data-testid=upsell-early-checkin]").TextContent, StringComparison.Ordinal);
        Assert.Contains("€25.00", component.Find("[data-testid=upsell-late-checkout]").TextContent, StringComparison.Ordinal);
        Assert.Contains("10:00", component.Find("[data-testid=upsell-early-checkin]").TextContent, StringComparison.Ordinal);

        await component.Find("[data-testid=accept-late-checkout]").ClickAsync(new());

        component.WaitForAssertion(() => component.Find("[data-testid=upsell-late-checkout-accepted]"));
        Assert.Empty(component.FindAll("[data-testid=accept-late-checkout]"));
        await using var db = Hotel.Db();
        var charge = Assert.Single(await db.FolioEntries.Where(e => e.ReservationId == stay.Id && e.Kind == FolioEntryKind.Charge).ToListAsync());
        Assert.Equal(2500, charge.AmountMinor);
    }

    [Fact]
    public async Task AnOfferForARoomSomeoneNeedsSaysSoAndHasNoButton()
    {
        var stay = await ArrangeAsync(fromToday: 1, roomNumber: "101");
        await Hotel.Get<BookingService>().BookAsync(Request(fromToday: 3) with { RoomId = Hotel.Rooms.Single(r => r.Number == "101").Id }, CancellationToken.None);
        var component = RenderOffers(stay.Id);

        component.WaitForAssertion(() => component.Find("[data-testid=upsell-late-checkout-blocked]"));
        Assert.Contains("the room is needed", component.Find("[data-testid=upsell-late-checkout-blocked]").TextContent, StringComparison.Ordinal);
        Assert.Empty(component.FindAll("[data-testid=accept-late-checkout]"));
        Assert.Single(component.FindAll("[data-testid=accept-early-checkin]"));
    }

    [Fact]
    public async Task AnOfferTakenSinceThePageWasShownIsRefusedKindly()
    {
        var stay = await ArrangeAsync(fromToday: 1, roomNumber: "101");
        var component = RenderOffers(stay.Id);
        component.WaitForAssertion(() => component.Find("[data-testid=accept-late-checkout]"));
        await Hotel.Get<BookingService>().BookAsync(Request(fromToday: 3) with { RoomId = Hotel.Rooms.Single(r => r.Number == "101").Id }, CancellationToken.None);

        await component.Find("[data-testid=accept-late-checkout]").ClickAsync(new());

        component.WaitForAssertion(() => component.Find("[data-testid=upsell-refused]"));
        Assert.Single(component.FindAll("[data-testid=upsell-late-checkout-blocked]"));
    }

    private IRenderedComponent<UpsellOffers> RenderOffers(Guid reservationId) =>
        Context.Render<UpsellOffers>(p => p.Add(c => c.ReservationId, reservationId));

    private async Task<Reservation> ArrangeAsync(int fromToday, string? roomNumber)
    {
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("en-GB");
        Context.Services.AddSingleton(Hotel.Get<UpsellService>());
        await Hotel.Get<UpsellService>().SaveSettingsAsync(BothOffered, CancellationToken.None);
        var request = Request(fromToday);
        if (roomNumber is not null)
        {
            request = request with { RoomId = Hotel.Rooms.Single(r => r.Number == roomNumber).Id };
        }

        return await Hotel.Get<BookingService>().BookAsync(request, CancellationToken.None);
    }

    private BookingRequest Request(int fromToday) => new()
    {
        RoomTypeId = Hotel.RoomTypes[0].Id,
        Arrival = Hotel.Today.AddDays(fromToday),
        Departure = Hotel.Today.AddDays(fromToday + 2),
        GuestName = "Ada Lovelace",
    };
}
