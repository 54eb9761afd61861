using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Stayfull.Domain.CheckIn;
using Stayfull.Domain.Data;
using Stayfull.Domain.Reservations;
using Stayfull.Domain.SmartRooms;
using Stayfull.Domain.Tenancy;
using Stayfull.E2E.Tests.Harness;
using Stayfull.Web.GuestCheckIn;
using static Microsoft.Playwright.Assertions;

namespace Stayfull.E2E.Tests;

/// <summary>
/// A guest checks in on a phone-sized screen from the link of a demo-hotel stay arriving today in a room
/// with a simulated lock: identity check, the four steps, the demo payment page, and the door code once
/// the demo workspace has set it on the lock. Each screen is saved.
/// </summary>
[Collection(ChromiumDefinition.Name)]
public sealed class GuestCheckInFlowTests(ChromiumFixture chromium)
{
    [Fact]
    public async Task AGuestChecksInOnAPhoneFromTheLinkPaysAndSeesTheDoorCode()
    {
        // The simulated locks answer within a second here, so a slow machine still sees the code in time.
        await using var server = StayfullServer.Start(new Dictionary<string, string?>
        {
            ["Integrations:Seam:DemoActionDelay"] = "00:00:01",
            ["Integrations:Seam:Demo:TickInterval"] = "00:00:01",
        });
        var hotelId = await server.DemoHotelIdAsync();
        var (reservation, link) = await StayWithALockAsync(server, hotelId);

        await using var context = await chromium.NewContextAsync(server);
        var phone = await context.NewPageAsync();
        await phone.SetViewportSizeAsync(375, 812);
        var screens = new Screenshots(nameof(AGuestChecksInOnAPhoneFromTheLinkPaysAndSeesTheDoorCode));

        await phone.GotoAsync(link);
        await phone.WaitForCircuitAsync();
        await VerifyAsync(phone, reservation.ConfirmationCode);
        await screens.TakeAsync(phone, "verify");
        await phone.AssertNoSeriousIssuesAsync("verify");

        await Expect(phone.GetByTestId("checkin-step-1")).ToBeVisibleAsync();
        await screens.TakeAsync(phone, "step-1-stay");
        await phone.AssertNoSeriousIssuesAsync("step-1-stay");
        await phone.GetByTestId("checkin-next").ClickAsync();

        await Expect(phone.GetByTestId("checkin-step-2")).ToBeVisibleAsync();
        await phone.GetByTestId("checkin-email").FillAsync("ada@example.com");
        await phone.GetByTestId("checkin-phone").FillAsync("+351 912 345 678");
        await phone.GetByTestId("checkin-street").FillAsync("Rua Augusta 1");
        await phone.GetByTestId("checkin-city").FillAsync("Lisboa");
        await phone.GetByTestId("checkin-country").FillAsync("Portugal");
        await phone.GetByTestId("checkin-nationality").SelectOptionAsync("GB");
        await phone.GetByTestId("checkin-document-type").SelectOptionAsync("Passport");
        await phone.GetByTestId("checkin-document-number").FillAsync("X1234567");
        await phone.GetByTestId("checkin-arrival-time").FillAsync("16:30");
        await screens.TakeAsync(phone, "step-2-details");
        await phone.AssertNoSeriousIssuesAsync("step-2-details");
        await phone.GetByTestId("checkin-next").ClickAsync();

        await Expect(phone.GetByTestId("checkin-step-3")).ToBeVisibleAsync();
        await phone.GetByTestId("checkin-accept").CheckAsync();
        await phone.GetByTestId("checkin-signature").FillAsync("Ada Lovelace");
        await screens.TakeAsync(phone, "step-3-terms");
        await phone.AssertNoSeriousIssuesAsync("step-3-terms");
        await phone.GetByTestId("checkin-next").ClickAsync();

        await Expect(phone.GetByTestId("checkin-step-4")).ToBeVisibleAsync();
        await screens.TakeAsync(phone, "step-4-payment");
        await phone.AssertNoSeriousIssuesAsync("step-4-payment");
        await phone.GetByTestId("checkin-pay").ClickAsync();
        await phone.GetByTestId("demo-pay").ClickAsync();
        await Expect(phone.GetByTestId("demo-paid")).ToBeVisibleAsync();
        await screens.TakeAsync(phone, "demo-payment-paid");

        // Back on the link (another visit, as from the email): identity again, then straight to the end.
        await phone.GotoAsync(link);
        await phone.WaitForCircuitAsync();
        await VerifyAsync(phone, reservation.ConfirmationCode);
        await Expect(phone.GetByTestId("checkin-step-5")).ToBeVisibleAsync();
        await screens.TakeAsync(phone, "step-5-done");
        await phone.AssertNoSeriousIssuesAsync("step-5-done");

        // The demo workspace sets the code on the lock in its own time; the page shows it when the hotel announces it.
        await Expect(phone.GetByTestId("checkin-key-code")).ToBeVisibleAsync(new() { Timeout = 90_000 });
        await Expect(phone.GetByTestId("checkin-key-room")).ToContainTextAsync(await RoomOfAsync(server, hotelId, reservation.Id));
        await screens.TakeAsync(phone, "step-5-key");
        await phone.AssertNoSeriousIssuesAsync("step-5-key");
    }

    private static async Task VerifyAsync(IPage phone, string code)
    {
        await phone.GetByTestId("checkin-last-name").FillAsync("Lovelace");
        await phone.GetByTestId("checkin-code").FillAsync(code);
        await phone.GetByTestId("checkin-verify-submit").ClickAsync();
    }

    /// <summary>Imports the demo workspace's locks, then books a stay from today in a room whose lock is mapped; its code goes to the lock.</summary>
    private static async Task<(Reservation Reservation, string Link)> StayWithALockAsync(StayfullServer server, Guid hotelId)
    {
        await using var scope = server.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<BackgroundStaffScope>().Context = StaffContext.System(hotelId);
        await scope.ServiceProvider.GetRequiredService<SmartRoomService>().ImportDevicesAsync(CancellationToken.None);
        var today = await server.HotelTodayAsync();
        var booking = scope.ServiceProvider.GetRequiredService<BookingService>();
        Reservation? reservation = null;
        await using (var db = server.Services.GetRequiredService<StayfullDb>().ForHotel(hotelId))
        {
            var candidates = await db.RoomDevices.AsNoTracking().Where(d => d.Kind == RoomDeviceKind.Lock && d.RoomId != null)
                .Join(db.Rooms, d => d.RoomId, r => r.Id, (d, r) => r).ToListAsync();
            foreach (var room in candidates.OrderBy(r => r.Number, StringComparer.Ordinal))
            {
                try
                {
                    reservation = await booking.BookAsync(
                        new BookingRequest { RoomTypeId = room.RoomTypeId, RoomId = room.Id, Arrival = today, Departure = today.AddDays(2), GuestName = "Ada Lovelace", GuestEmail = "ada@example.com" },
                        CancellationToken.None);
                    break;
                }
                catch (Stayfull.Domain.Common.DomainException)
                {
                    // That room is taken tonight by the demo's own guests: try the next one.
                }
            }
        }

        Assert.NotNull(reservation);
        var links = server.Services.GetRequiredService<CheckInLinks>();
        var token = links.TokenFor(new CheckInTicket(hotelId, reservation.Id), DateTimeOffset.UtcNow.AddDays(3));
        return (reservation, "checkin/" + token);
    }

    private static async Task<string> RoomOfAsync(StayfullServer server, Guid hotelId, Guid reservationId)
    {
        await using var db = server.Services.GetRequiredService<StayfullDb>().ForHotel(hotelId);
        return await db.Reservations.Where(r => r.Id == reservationId).Join(db.Rooms, r => r.RoomId, room => room.Id, (r, room) => room.Number).SingleAsync();
    }
}
