using Bunit;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Stayfull.Domain.CheckIn;
using Stayfull.Domain.Folios;
using Stayfull.Domain.Live;
using Stayfull.Domain.Reservations;
using Stayfull.Tests.Support;
using Stayfull.Web.Components.Pages.Guest;
using Stayfull.Web.GuestCheckIn;

namespace Stayfull.Web.Tests.Components.Guest;

/// <summary>The guest's pages with a real hotel behind them, and nobody signed in.</summary>
public sealed class CheckInWizardTests : IAsyncLifetime
{
    private TestHotel _hotel = default!;
    private MudTestContext _ctx = default!;
    private CheckInLinks _links = default!;

    public async Task InitializeAsync()
    {
        _hotel = await TestHotel.CreateAsync();
        _links = new CheckInLinks(new EphemeralDataProtectionProvider(), _hotel.Time, Options.Create(new CheckInLinkOptions()));
        _ctx = new MudTestContext();
        _ctx.Services.AddLocalization();
        _ctx.Services.AddHttpContextAccessor();
        _ctx.Services.AddSingleton(_links);
        _ctx.Services.AddScoped(_ => _hotel.Get<GuestCheckInService>());
        _ctx.Services.AddSingleton(_hotel.Get<GuestActor>());
        _ctx.Services.AddScoped(_ => _hotel.Get<Stayfull.Domain.Upsells.UpsellService>());
    }

    public async Task DisposeAsync()
    {
        await _ctx.DisposeAsync();
        await _hotel.DisposeAsync();
    }

    [Fact]
    public void ABadLinkShowsAFriendlyPageAndNoData()
    {
        var page = _ctx.Render<CheckInPage>(p => p.Add(x => x.Token, "tampered-or-old"));

        page.WaitForAssertion(() => Assert.Contains("not valid or has expired", page.Find("[data-testid=checkin-unavailable]").TextContent, StringComparison.Ordinal));
        Assert.Empty(page.FindAll("[data-testid=checkin-verify]"));
    }

    [Fact]
    public async Task AWrongAnswerIsRefusedThenTheRightOneOpensTheStay()
    {
        var reservation = await BookAsync();
        var page = Open(reservation);

        Verify(page, "Someone", reservation.ConfirmationCode);
        page.WaitForAssertion(() => Assert.Contains("do not match", page.Find("[data-testid=checkin-verify-error]").TextContent, StringComparison.Ordinal));

        Verify(page, "lovelace", reservation.ConfirmationCode);
        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=checkin-step-1]")));
        Assert.Contains("Type 1", page.Find("[data-testid=checkin-room-type]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheGuestWalksThroughEveryStepAndSeesWhenTheKeyArrives()
    {
        var reservation = await BookAsync();
        var page = Open(reservation);
        Verify(page, "Lovelace", reservation.ConfirmationCode);
        page.WaitForAssertion(() => page.Find("[data-testid=checkin-step-1] [data-testid=checkin-next]").Click());

        // Step 2: a bad email and document number are shown on their fields.
        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=checkin-step-2]")));
        Fill(page, "checkin-email", "ada@nowhere");
        Fill(page, "checkin-phone", "+351 912 345 678");
        Fill(page, "checkin-street", "Rua Augusta 1");
        Fill(page, "checkin-city", "Lisboa");
        Fill(page, "checkin-country", "Portugal");
        page.Find("select[data-testid=checkin-nationality]").Change("GB");
        page.Find("select[data-testid=checkin-document-type]").Change("Passport");
        Fill(page, "checkin-document-number", "12");
        page.Find("[data-testid=checkin-step-2] form").Submit();
        page.WaitForAssertion(() => Assert.Contains("email address like", page.Markup, StringComparison.Ordinal));
        Assert.Contains("passport number is 6 to 9", page.Markup, StringComparison.Ordinal);

        Fill(page, "checkin-email", "ada@example.com");
        Fill(page, "checkin-document-number", "X1234567");
        page.Find("[data-testid=checkin-step-2] form").Submit();

        // Step 3: no signature, then signed.
        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=checkin-step-3]")));
        page.Find("[data-testid=checkin-step-3] form").Submit();
        page.WaitForAssertion(() => Assert.Contains("Sign by typing your full name", page.Markup, StringComparison.Ordinal));
        page.Find("input[data-testid=checkin-accept]").Change(true);
        Fill(page, "checkin-signature", "Ada Lovelace");
        page.Find("[data-testid=checkin-step-3] form").Submit();

        // Step 4: the balance is due; once the hotel records the payment the wizard moves on by itself.
        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=checkin-step-4] [data-testid=checkin-pay]")));
        long balance;
        await using (var db = _hotel.Db())
        {
            balance = new Folio(await db.FolioEntries.Where(e => e.ReservationId == reservation.Id).ToListAsync(), _hotel.Hotel.Currency).Balance.Minor;
        }

        await _hotel.Get<FolioService>().RecordPaymentAsync(reservation.Id, "Card", balance, CancellationToken.None);
        await _ctx.Notifier.PublishAsync(new HotelChange(_hotel.HotelId, ChangeTopic.Folio, reservation.Id, "paid", ChangeKind.Changed));

        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=checkin-step-5]")));
        Assert.Contains("15:00", page.Find("[data-testid=checkin-key-waiting]").TextContent, StringComparison.Ordinal);
        Assert.True((await _hotel.Get<GuestCheckInService>().PreCheckInStatusAsync(reservation.Id, CancellationToken.None)).IsComplete);
    }

    [Fact]
    public async Task ReopeningTheLinkResumesAtTheFirstStepNotDone()
    {
        var reservation = await BookAsync();
        var pass = (await _hotel.Get<GuestCheckInService>().VerifyAsync(new CheckInTicket(_hotel.HotelId, reservation.Id), "Lovelace", reservation.ConfirmationCode, null, CancellationToken.None)).Pass!;
        await _hotel.Get<GuestCheckInService>().ConfirmStayAsync(pass, CancellationToken.None);

        var page = Open(reservation);
        Verify(page, "Lovelace", reservation.ConfirmationCode);

        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=checkin-step-2]")));
    }

    private IRenderedComponent<CheckInPage> Open(Reservation reservation) =>
        _ctx.Render<CheckInPage>(p => p.Add(x => x.Token, _links.TokenFor(new CheckInTicket(_hotel.HotelId, reservation.Id), _hotel.Time.GetUtcNow().AddDays(3))));

    private static void Verify(IRenderedComponent<CheckInPage> page, string lastName, string code)
    {
        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=checkin-verify]")));
        Fill(page, "checkin-last-name", lastName);
        Fill(page, "checkin-code", code);
        page.Find("[data-testid=checkin-verify] form").Submit();
    }

    private static void Fill(IRenderedComponent<CheckInPage> page, string testId, string value) =>
        page.Find($"input[data-testid={testId}], textarea[data-testid={testId}]").Input(value);

    private Task<Reservation> BookAsync() =>
        _hotel.Get<BookingService>().BookAsync(
            new BookingRequest { RoomTypeId = _hotel.RoomTypes[0].Id, Arrival = _hotel.Today.AddDays(2), Departure = _hotel.Today.AddDays(4), GuestName = "Ada Lovelace" },
            CancellationToken.None);
}
