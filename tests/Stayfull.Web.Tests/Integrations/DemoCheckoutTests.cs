using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stayfull.Domain.Data;
using Stayfull.Domain.Folios;
using Stayfull.Domain.Payments;
using Stayfull.Web.Tests.Http.Harness;

namespace Stayfull.Web.Tests.Integrations;

/// <summary>The guest's demo payment page, over HTTP: what it shows, to whom, and that paying goes through the inbox and the applier.</summary>
public sealed class DemoCheckoutTests
{
    private static readonly Uri ReturnUrl = new("http://localhost/");

    [Fact]
    public async Task ThePageShowsOnlyItsHotelAndAmountAndPayingPostsThePaymentToTheFolioOnce()
    {
        await using var app = new StayfullApplication();
        var hotel = await app.CreateHotelAsync("Casa Azul");
        var neighbour = await app.CreateHotelAsync("Hotel Vizinho");
        var reservation = await app.BookAsync(hotel, app.TodayOf(hotel).AddDays(5), guest: "Marta Private");
        var link = await app.As<PaymentService>(hotel).CreatePaymentLinkAsync(reservation.Id, ReturnUrl, CancellationToken.None);
        Assert.StartsWith("/demo/checkout/cs_demo_", link.AbsolutePath, StringComparison.Ordinal);
        long owed;
        await using (var db = app.Db(hotel.HotelId))
        {
            owed = await db.Payments.Where(p => p.ReservationId == reservation.Id).Select(p => p.AmountMinor).SingleAsync();
        }

        using var guest = app.CreateAnonymousClient();
        var html = await guest.GetStringAsync(new Uri(link.PathAndQuery, UriKind.Relative));

        Assert.Contains("Demo payment — no card is charged", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.Contains("Casa Azul", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"demo-pay\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Hotel Vizinho", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Marta Private", html, StringComparison.Ordinal);
        Assert.DoesNotContain(reservation.ConfirmationCode, html, StringComparison.Ordinal);

        // Paying twice (a double click, a reload) stores the same events: one payment line.
        for (var i = 0; i < 2; i++)
        {
            using var paid = await guest.PostFormWithTokenAsync(link.PathAndQuery, new Dictionary<string, string> { ["_handler"] = "demo-pay" });
            Assert.Equal(HttpStatusCode.OK, paid.StatusCode);
            Assert.Contains("data-testid=\"demo-paid\"", await paid.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var line = await WaitForCardPaymentAsync(app, hotel.HotelId, reservation.Id);
        Assert.Equal(owed, line.AmountMinor);
        await using (var db = app.Db(hotel.HotelId))
        {
            var payment = await db.Payments.SingleAsync(p => p.ReservationId == reservation.Id);
            Assert.Equal(PaymentStatus.Captured, payment.Status);
            Assert.Equal(1, await db.FolioEntries.CountAsync(e => e.ReservationId == reservation.Id && e.Kind == FolioEntryKind.Payment));
        }

        await using (var other = app.Db(neighbour.HotelId))
        {
            Assert.False(await other.InboxEvents.AnyAsync());
        }
    }

    [Theory]
    [InlineData("cs_demo_000000000000000000000000")]
    [InlineData("cs_test_a1b2c3d4e5")]
    [InlineData("anything")]
    public async Task AnUnknownOrNonDemoSessionIsNotFound(string sessionId)
    {
        await using var app = new StayfullApplication();
        using var guest = app.CreateAnonymousClient();

        using var page = await guest.GetAsync(new Uri($"/demo/checkout/{sessionId}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);

        // Posting the pay form anyway finds no form to pay (the page rendered none) and stores nothing.
        using var pay = await guest.PostFormWithTokenAsync($"/demo/checkout/{sessionId}", new Dictionary<string, string> { ["_handler"] = "demo-pay" });
        Assert.Contains(pay.StatusCode, new[] { HttpStatusCode.BadRequest, HttpStatusCode.NotFound });
        await using var db = app.Services.GetRequiredService<StayfullDb>().ForPlatform();
        Assert.False(await db.InboxEvents.IgnoreQueryFilters().AnyAsync());
    }

    /// <summary>The inbox processor applies the stored events in the background; the payment line shows within seconds.</summary>
    private static async Task<FolioEntry> WaitForCardPaymentAsync(StayfullApplication app, Guid hotelId, Guid reservationId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            await using (var db = app.Db(hotelId))
            {
                if (await db.FolioEntries.AsNoTracking().SingleOrDefaultAsync(e => e.ReservationId == reservationId && e.Kind == FolioEntryKind.Payment) is { } line)
                {
                    return line;
                }
            }

            Assert.True(DateTime.UtcNow < deadline, "The demo payment never reached the folio.");
            await Task.Delay(100);
        }
    }
}
