using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Stayfull.Domain.Demo;
using Stayfull.Domain.Reservations;
using Stayfull.E2E.Tests.Harness;
using static Microsoft.Playwright.Assertions;

namespace Stayfull.E2E.Tests;

[Collection(ChromiumDefinition.Name)]
public sealed partial class FrontDeskFlowTests(ChromiumFixture chromium)
{
    // The demo hotel is booked solid for about two months; a stay after that finds every room free.
    private const int DaysAhead = 70;

    /// <summary>
    /// A guest's whole stay at the desk, in the browser: book in the New reservation dialog, and on the day of
    /// arrival assign a clean room and check in; the next morning take payment of the balance and check out.
    /// The app's clock moves forward between the shifts, and each shift signs in anew.
    /// </summary>
    [Fact]
    public async Task FrontDeskBooksAssignsChecksInTakesPaymentAndChecksOut()
    {
        await using var server = StayfullServer.Start();
        await using var context = await chromium.NewContextAsync(server);
        var page = await context.NewPageAsync();
        var screens = new Screenshots(nameof(FrontDeskBooksAssignsChecksInTakesPaymentAndChecksOut));
        var arrival = (await server.HotelTodayAsync()).AddDays(DaysAhead);
        const string guest = "Ada Lovelace";

        // Today: the booking.
        await page.SignInAsync(DemoHotel.FrontDeskEmail);
        await screens.TakeAsync(page, "console");
        await page.GetByTestId("new-reservation").ClickAsync();
        await page.ChooseAsync("room-type", StandardDouble());
        await page.EnterDateAsync("arrival", arrival);
        await page.EnterDateAsync("departure", arrival.AddDays(1));
        await page.EnterAsync("guest-name", guest);
        await Expect(page.GetByTestId("quote-total")).ToContainTextAsync("€");
        await screens.TakeAsync(page, "new-reservation");
        await page.GetByTestId("book").ClickAsync();

        var status = page.GetByTestId("reservation-status");
        await Expect(status).ToHaveTextAsync("Confirmed");
        var code = await server.ConfirmationCodeOfAsync(guest);
        await screens.TakeAsync(page, "booked");
        await page.SignOutAsync();

        // The day of arrival: the guest is on the arrivals list; a clean room, then the key.
        server.Clock.Advance(TimeSpan.FromDays(DaysAhead));
        await page.SignInAsync(DemoHotel.FrontDeskEmail);
        var arrivalRow = page.GetByTestId("arrivals-list").GetByTestId($"row-{code}");
        await Expect(arrivalRow).ToBeVisibleAsync();
        await screens.TakeAsync(page, "arrivals");
        await arrivalRow.GetByRole(AriaRole.Link, new() { Name = guest }).ClickAsync();
        await Expect(status).ToHaveTextAsync("Confirmed");

        await page.GetByTestId("reservation-actions").GetByTestId("assign-room").ClickAsync();
        await page.ChooseAsync("room-choice", ReadyRoom());
        await screens.TakeAsync(page, "assign-room");
        await page.GetByTestId("confirm-assign").ClickAsync();
        await Expect(page.GetByTestId("room-number")).ToHaveTextAsync(RoomNumber());
        await Expect(status).ToHaveTextAsync("Confirmed");
        await screens.TakeAsync(page, "room-assigned");

        await page.GetByTestId("reservation-actions").GetByTestId("check-in").ClickAsync();
        await Expect(status).ToHaveTextAsync(InHouse());
        await screens.TakeAsync(page, "checked-in");
        await page.SignOutAsync();

        // The next morning: the guest is leaving; the balance is paid, then the room is released.
        server.Clock.Advance(TimeSpan.FromDays(1));
        await page.SignInAsync(DemoHotel.FrontDeskEmail);
        var departureRow = page.GetByTestId("departures-list").GetByTestId($"row-{code}");
        await Expect(departureRow).ToBeVisibleAsync();
        await screens.TakeAsync(page, "departures");
        await departureRow.GetByRole(AriaRole.Link, new() { Name = guest }).ClickAsync();
        await Expect(status).ToHaveTextAsync(InHouse());

        var balance = page.GetByTestId("folio-balance");
        await Expect(balance).ToContainTextAsync("€");
        var owed = StaffPage.AmountTyped(await balance.InnerTextAsync());
        Assert.NotEqual("0.00", owed);
        await page.EnterAsync("payment-amount", owed);
        await page.GetByTestId("record-payment").ClickAsync();
        await Expect(balance).ToHaveTextAsync("€0.00");
        await screens.TakeAsync(page, "paid");

        await page.GetByTestId("reservation-actions").GetByTestId("check-out").ClickAsync();
        await Expect(status).ToHaveTextAsync("Checked out");
        await screens.TakeAsync(page, "checked-out");
        Assert.Equal(ReservationStatus.CheckedOut, await server.StatusOfAsync(code));
        await page.SignOutAsync();
    }

    [GeneratedRegex("Standard Double")]
    private static partial Regex StandardDouble();

    [GeneratedRegex(@"\b(Clean|Inspected)\b")]
    private static partial Regex ReadyRoom();

    [GeneratedRegex(@"^\d{3}$")]
    private static partial Regex RoomNumber();

    [GeneratedRegex("^(In house|Checked in)$", RegexOptions.IgnoreCase)]
    private static partial Regex InHouse();
}
