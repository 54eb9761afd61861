using Microsoft.EntityFrameworkCore;
using Stayfull.Domain.CheckIn;
using Stayfull.Domain.Common;
using Stayfull.Domain.Reservations;
using Stayfull.Domain.Tenancy;
using Stayfull.Tests.Support;

namespace Stayfull.Domain.Tests.CheckIn;

public sealed class GuestCheckInServiceTests
{
    private static readonly GuestDetails GoodDetails = new(
        "Ada Lovelace", "ada@example.com", "+351 912 345 678", "Rua Augusta 1", "Lisboa", "1100-048", "Portugal", "GB",
        GuestDocumentType.Passport, "123456789", new TimeOnly(16, 30), "Quiet room please");

    [Fact]
    public async Task AGuestVerifiesWithTheLastNameInAnyCaseAndWithoutAccents()
    {
        await using var hotel = await TestHotel.CreateAsync();
        var reservation = await hotel.ArrangeBookingAsync(hotel.Stay(fromToday: 2) with { GuestName = "Zoë Ångström-Núñez" });
        var service = hotel.Get<GuestCheckInService>();

        var result = await service.VerifyAsync(Ticket(hotel, reservation), "angstrom nunez", reservation.ConfirmationCode.ToLowerInvariant(), "203.0.113.5", CancellationToken.None);

        Assert.True(result.Succeeded);
    }

    [Fact]
    public async Task FiveWrongAnswersLockTheLinkForFifteenMinutesEvenForTheRightAnswer()
    {
        await using var hotel = await TestHotel.CreateAsync();
        var reservation = await hotel.ArrangeBookingAsync(hotel.Stay(fromToday: 2));
        var ticket = Ticket(hotel, reservation);
        for (var i = 0; i < PreCheckIn.MaxFailedAttempts; i++)
        {
            Assert.False((await hotel.Get<GuestCheckInService>().VerifyAsync(ticket, "Lovelace", "WRONG", null, CancellationToken.None)).Succeeded);
        }

        // A fresh service (as after a restart) still sees the lock: it is stored.
        var locked = await hotel.Get<GuestCheckInService>().VerifyAsync(ticket, "Lovelace", reservation.ConfirmationCode, null, CancellationToken.None);
        Assert.False(locked.Succeeded);
        Assert.NotNull(locked.LockedUntil);
        Assert.Contains("locked", locked.Error, StringComparison.OrdinalIgnoreCase);

        hotel.Time.Advance(TimeSpan.FromMinutes(16));
        Assert.True((await hotel.Get<GuestCheckInService>().VerifyAsync(ticket, "Lovelace", reservation.ConfirmationCode, null, CancellationToken.None)).Succeeded);
    }

    [Fact]
    public async Task TheGuestCompletesEveryStepAndReopeningResumesAtTheFirstIncompleteOne()
    {
        await using var hotel = await TestHotel.CreateAsync();
        var reservation = await hotel.ArrangeBookingAsync(hotel.Stay(fromToday: 2));
        var pass = await PassAsync(hotel, reservation);
        var service = hotel.Get<GuestCheckInService>();

        await service.ConfirmStayAsync(pass, CancellationToken.None);
        await service.SaveDetailsAsync(pass, GoodDetails, CancellationToken.None);
        var resumed = await hotel.Get<GuestCheckInService>().ResumeAsync(pass, CancellationToken.None);
        Assert.Equal(CheckInStep.Terms, resumed.Status.Next);
        Assert.Equal("123456789", resumed.Details.DocumentNumber);
        Assert.True(resumed.Stay.Balance.Minor > 0);

        await service.AcceptTermsAsync(pass, accepted: true, "Ada Lovelace", null, "203.0.113.5", CancellationToken.None);
        await hotel.PayAsync(reservation.Id, resumed.Stay.Balance.Minor);
        var done = await service.ResumeAsync(pass, CancellationToken.None);

        Assert.True(done.Status.IsComplete);
        await using var db = hotel.Db();
        var pre = await db.PreCheckIns.SingleAsync(p => p.ReservationId == reservation.Id);
        Assert.Equal("203.0.113.5", pre.AcceptedFromIp);
        Assert.Equal(CheckInPolicy.For(hotel.Hotel).Version, pre.PolicyVersion);
        Assert.Equal("ada@example.com", (await db.Guests.SingleAsync(g => g.Id == reservation.GuestId)).Email);
    }

    [Theory]
    [InlineData("documentNumber", GuestDocumentType.Passport, "12", "ada@example.com")]
    [InlineData("documentNumber", GuestDocumentType.IdCard, "ABC!123", "ada@example.com")]
    [InlineData("email", GuestDocumentType.Passport, "123456789", "ada@example")]
    [InlineData("email", GuestDocumentType.Passport, "123456789", "not an email")]
    public async Task BadDetailsAreRefusedFieldByField(string field, GuestDocumentType type, string number, string email)
    {
        await using var hotel = await TestHotel.CreateAsync();
        var reservation = await hotel.ArrangeBookingAsync(hotel.Stay(fromToday: 2));
        var pass = await PassAsync(hotel, reservation);

        var refused = await Assert.ThrowsAsync<ValidationException>(() =>
            hotel.Get<GuestCheckInService>().SaveDetailsAsync(pass, GoodDetails with { DocumentType = type, DocumentNumber = number, Email = email }, CancellationToken.None));

        Assert.Equal([field], refused.Errors.Keys);
    }

    [Fact]
    public void AnUnknownNationalityIsRefused() =>
        Assert.Contains("nationality", Assert.Throws<ValidationException>(() => (GoodDetails with { Nationality = "QQ" }).Validated()).Errors.Keys);

    [Fact]
    public async Task TermsNeedTheTickAndASignature()
    {
        await using var hotel = await TestHotel.CreateAsync();
        var reservation = await hotel.ArrangeBookingAsync(hotel.Stay(fromToday: 2));
        var pass = await PassAsync(hotel, reservation);

        var refused = await Assert.ThrowsAsync<ValidationException>(() =>
            hotel.Get<GuestCheckInService>().AcceptTermsAsync(pass, accepted: false, "  ", null, null, CancellationToken.None));

        Assert.Contains("accepted", refused.Errors.Keys);
        Assert.Contains("signature", refused.Errors.Keys);
    }

    [Fact]
    public async Task ACheckedOutStayIsRefusedWithAFriendlyMessage()
    {
        await using var hotel = await TestHotel.CreateAsync();
        var reservation = await hotel.CheckedInAsync("101", nights: 1);
        await hotel.AsOwnerAsync(() => hotel.Get<ReservationService>().CheckOutAsync(reservation.Id, managerOverride: true, CancellationToken.None));

        var refused = await Assert.ThrowsAsync<RuleViolationException>(() =>
            hotel.Get<GuestCheckInService>().OpenAsync(Ticket(hotel, reservation), CancellationToken.None));

        Assert.Contains("ended", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ALinkOfOneHotelCannotReachAnotherHotelsReservation()
    {
        await using var hotel = await TestHotel.CreateAsync();
        await using var neighbour = await hotel.CreateNeighbourAsync();
        var theirs = await neighbour.ArrangeBookingAsync(neighbour.Stay(fromToday: 2));

        // Our hotel's id with their reservation's id: the data layer only sees our hotel.
        await Assert.ThrowsAsync<NotFoundException>(() =>
            hotel.Get<GuestCheckInService>().VerifyAsync(new CheckInTicket(hotel.HotelId, theirs.Id), "Lovelace", theirs.ConfirmationCode, null, CancellationToken.None));
    }

    [Fact]
    public async Task TheDeskCompletesASkippedStepUnderItsOwnName()
    {
        await using var hotel = await TestHotel.CreateAsync();
        var reservation = await hotel.ArrangeBookingAsync(hotel.Stay(fromToday: 0));
        hotel.ActAs(StaffRole.FrontDesk);

        var status = await hotel.Get<GuestCheckInService>().StaffCompleteStepAsync(reservation.Id, CheckInStep.Terms, CancellationToken.None);

        var terms = status.Steps.Single(s => s.Step == CheckInStep.Terms);
        Assert.True(terms.Done);
        Assert.Equal("FrontDesk tester (desk)", terms.By);
        Assert.Equal(CheckInStep.ConfirmStay, status.Next);
    }

    [Fact]
    public async Task HousekeepingCannotCompleteCheckInSteps()
    {
        await using var hotel = await TestHotel.CreateAsync();
        var reservation = await hotel.ArrangeBookingAsync(hotel.Stay(fromToday: 0));
        hotel.ActAs(StaffRole.Housekeeping);

        await Assert.ThrowsAsync<ForbiddenException>(() =>
            hotel.Get<GuestCheckInService>().StaffCompleteStepAsync(reservation.Id, CheckInStep.Details, CancellationToken.None));
    }

    [Fact]
    public async Task WithoutAKeyTheGuestIsToldItArrivesAtTheHotelsCheckInTime()
    {
        await using var hotel = await TestHotel.CreateAsync();
        var reservation = await hotel.ArrangeBookingAsync(hotel.Stay(fromToday: 2));
        var pass = await PassAsync(hotel, reservation);

        var key = await hotel.Get<GuestCheckInService>().KeyStatusAsync(pass, CancellationToken.None);

        Assert.False(key.Ready);
        Assert.Equal(new TimeOnly(15, 0), TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(key.ArrivesAt, hotel.Hotel.TimeZone).DateTime));
    }

    private static CheckInTicket Ticket(TestHotel hotel, Reservation reservation) => new(hotel.HotelId, reservation.Id);

    private static async Task<GuestPass> PassAsync(TestHotel hotel, Reservation reservation) =>
        (await hotel.Get<GuestCheckInService>().VerifyAsync(Ticket(hotel, reservation), "Lovelace", reservation.ConfirmationCode, null, CancellationToken.None)).Pass!;
}
